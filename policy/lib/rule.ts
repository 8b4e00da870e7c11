// Small rule objects → CrossGuard policies. Rules never see the SDK plumbing; they get props
// (already wrapped in the SDK's unknown-checking proxy), their config, and a report function.
// Every rule also takes `failClosedAtPreview` (see undecided.ts): what it cannot decide at
// preview then fails the gate instead of passing as an advisory "can't run".
import type { EnforcementLevel, PolicyConfigSchema, PolicyResource, ResourceValidationPolicy, Severity, StackValidationPolicy } from "@pulumi/policy";
import { StackGraph } from "./graph";
import { PreviewConfig, decideOrExplain, withFailClosedSchema } from "./undecided";
import { Kind, T, isKind } from "../knowledge/types";
import { ExemptionsConfig, exemptingReport, withExemptionsSchema } from "./exemptions";

/** Where each rule is documented: one anchor per rule in the catalog generated from this metadata. */
export const POLICY_DOCS_URL = "docs/policies.md";

export interface RuleMeta {
    name: string;
    description: string;
    severity: Severity;
    enforcementLevel: EnforcementLevel;
    remediationSteps: string;
    /** awsguard / cdk-nag / Checkov / Security Hub ids this rule covers. */
    anchors: string[];
    configSchema?: PolicyConfigSchema;
}

export interface ResourceContext<C> {
    type: string;
    name: string;
    urn: string;
    config: C;
    /** The inputs of the resource's provider, where the engine sends them (e.g. the AWS provider's defaultTags). */
    provider?: Props;
}

export type Props = Record<string, unknown>;

export interface ResourceRuleSpec<C> extends RuleMeta {
    /** Resource kinds the rule applies to (see types.ts). */
    kinds?: Kind[];
    /** Further type tokens the rule applies to. */
    types?: readonly string[];
    /** Type tokens known on first use (a large generated list, kept out of the pack's start). */
    typesFrom?: () => ReadonlySet<string>;
    check(props: Props, ctx: ResourceContext<C>, report: (message: string) => void): void;
    /** Safe automatic fix: returns the fixed props, or undefined when nothing changes. */
    remediate?(props: Props, ctx: ResourceContext<C>): Props | undefined;
}

export interface StackRuleSpec<C> extends RuleMeta {
    check(graph: StackGraph, config: C, report: (message: string, resource?: PolicyResource) => void): void;
}

const meta = (spec: RuleMeta) => ({
    name: spec.name,
    description: spec.description,
    severity: spec.severity,
    enforcementLevel: spec.enforcementLevel,
    remediationSteps: spec.remediationSteps,
    tags: spec.anchors,
    configSchema: withExemptionsSchema(withFailClosedSchema(spec.configSchema)),
    url: `${POLICY_DOCS_URL}#${spec.name}`,
});

// Each resource policy's spec, so other rules can judge derived props with the same check (see specOf).
const specs = new WeakMap<ResourceValidationPolicy, ResourceRuleSpec<object>>();

/** The spec a resource policy was built from (undefined for a policy not made by resourceRule). */
export const specOf = (policy: ResourceValidationPolicy): ResourceRuleSpec<object> | undefined => specs.get(policy);

// Each spec's types as a Set: a rule may judge hundreds of types (required-tags judges every taggable one).
const typeSets = new WeakMap<object, ReadonlySet<string>>();
const typeSet = (spec: Pick<ResourceRuleSpec<object>, "types">): ReadonlySet<string> => {
    let set = typeSets.get(spec);
    if (!set) typeSets.set(spec, (set = new Set(spec.types ?? [])));
    return set;
};

/** Whether a resource rule applies to a type token. */
export const appliesTo = (spec: Pick<ResourceRuleSpec<object>, "kinds" | "types" | "typesFrom">, type: string): boolean =>
    (spec.kinds ?? []).some((k) => isKind(type, k)) || typeSet(spec).has(type) || (spec.typesFrom?.().has(type) ?? false);

export function resourceRule<C extends object = Record<string, never>>(spec: ResourceRuleSpec<C>): ResourceValidationPolicy {
    const applies = (type: string) => appliesTo(spec, type);
    const policy: ResourceValidationPolicy = {
        ...meta(spec),
        validateResource: (args, reportViolation) => {
            if (!applies(args.type)) return;
            const config = args.getConfig<C & PreviewConfig & ExemptionsConfig>();
            const subject = { name: args.name, type: args.type, urn: args.urn };
            const report = exemptingReport(spec.name, config, subject, (message) => reportViolation(`${args.name}: ${message}`));
            decideOrExplain(config, report, () =>
                spec.check(args.props, { type: args.type, name: args.name, urn: args.urn, config, provider: args.provider?.props }, report),
            );
        },
    };
    // A rule for one type token carries it as `__pulumiType` (what validateResourceOfType sets):
    // the policy server then skips other resources without deserializing their properties.
    const tokens = [...(spec.kinds ?? []).flatMap((k) => T[k]), ...(spec.types ?? [])];
    if (tokens.length === 1) Object.assign(policy.validateResource!, { __pulumiType: tokens[0] });
    specs.set(policy, spec as unknown as ResourceRuleSpec<object>);
    const remediate = spec.remediate;
    if (remediate) {
        policy.remediateResource = (args) => {
            if (!applies(args.type)) return undefined;
            return remediate(args.props, { type: args.type, name: args.name, urn: args.urn, config: args.getConfig<C>() });
        };
    }
    return policy;
}

export function stackRule<C extends object = Record<string, never>>(spec: StackRuleSpec<C>): StackValidationPolicy {
    return {
        ...meta(spec),
        validateStack: (args, reportViolation) => {
            const config = args.getConfig<C & PreviewConfig & ExemptionsConfig>();
            exemptingReport(spec.name, config, undefined, () => undefined); // its exemptions count as configured even with no finding
            const report = (message: string, resource?: PolicyResource) =>
                exemptingReport(spec.name, config, resource, (m) => reportViolation(resource ? `${resource.name}: ${m}` : m, resource?.urn))(message);
            decideOrExplain(config, report, () => spec.check(new StackGraph(args.resources), config, report));
        },
    };
}
