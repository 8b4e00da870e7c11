// Verdicts from @pulumi/policy's own analyzer server for hand-built resources: the pack runs with
// only the policies under test enabled (the `all` key disables the rest), for single resources and
// for stacks with real property dependencies. Unknowns travel as the engine sends them.
import type { PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { resolvePolicyConfig } from "../../plan/analyzer/policyConfig";
import type { Phase } from "../../plan/analyzer/types";
import type { Evaluation, ResourceRecord, Violation } from "../../plan/types";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { detailOf } from "../../plan/verdicts";
import { UNKNOWN, isUnknown } from "../../policy/knowledge/unknowns";
import { isRecord } from "../../policy/knowledge/values";
import { sharedAnalyzer } from "../support/analyzer";

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

const urnOf = (type: string, name: string) => `urn:pulumi:test::fargate-web::${type}::${name}`;

export function resourceRecord(type: string, name: string, given: object): ResourceRecord {
    const props = given as Record<string, unknown>;
    return { urn: urnOf(type, name), type, name, custom: true, protect: false, inputs: props, outputs: props, dependencies: [], propertyDependencies: {} };
}

/** The policy SDK's typed sentinels (handy in fixtures) become the one the engine puts on the wire. */
function engineUnknowns(value: unknown): unknown {
    if (isUnknown(value)) return ENGINE_UNKNOWN;
    if (Array.isArray(value)) return value.map(engineUnknowns);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, engineUnknowns(v)]));
    return value;
}

/** `config` with every policy not under test disabled, and those under test at their configured (or own) level. */
function onlyThese(policies: readonly AnyPolicy[], config: PolicyPackConfig, ownLevel: (name: string) => string): Record<string, unknown> {
    const result: Record<string, unknown> = { all: "disabled", ...config };
    for (const p of policies) {
        const entry: unknown = config[p.name];
        const level =
            typeof entry === "string" ? entry : isRecord(entry) && typeof entry.enforcementLevel === "string" ? entry.enforcementLevel : ownLevel(p.name);
        result[p.name] = isRecord(entry) ? { ...entry, enforcementLevel: level } : level;
    }
    return result;
}

/**
 * The form of a fixture's computed values (ids, ARNs): "unknown" as the engine sends them at preview,
 * before AWS assigns them, or "known" as after `up`. This is not the server's phase: `phase` below is.
 */
export type Values = "unknown" | "known";
export const VALUE_FORMS: readonly Values[] = ["unknown", "known"];

/** A computed string in the given form: the engine's unknown, or the value AWS gives. */
export const computed = (values: Values, value: string): string => (values === "unknown" ? UNKNOWN.string : value);

/**
 * What the server reports for `records` with `policies` enabled, in the server's `phase` (preview by
 * default, as at `pulumi preview`, where values may be unknown; known values are judged the same in
 * both phases).
 */
export async function evaluatePolicies(
    policies: readonly AnyPolicy[],
    records: ResourceRecord[],
    config: PolicyPackConfig = {},
    phase: Phase = "preview",
): Promise<Evaluation> {
    const analyzer = await sharedAnalyzer();
    const levels = new Map(analyzer.info.policies.map((p) => [p.name, p.enforcementLevel]));
    const missing = policies.filter((p) => !levels.has(p.name)).map((p) => p.name);
    if (missing.length > 0) throw new Error(`not policies of the pack (the server only runs its own): ${missing.join(", ")}`);
    const resolved = resolvePolicyConfig(
        analyzer.info,
        onlyThese(policies, config, (name) => levels.get(name)!),
        "test config",
    );
    if (JSON.stringify(resolved) !== JSON.stringify(analyzer.config)) await analyzer.configure(resolved);
    const wire = records.map((r) => ({
        ...r,
        inputs: engineUnknowns(r.inputs) as Record<string, unknown>,
        outputs: engineUnknowns(r.outputs) as Record<string, unknown>,
    }));
    return withoutRepeats(await analyzer.analyze(wire, { phase }));
}

/**
 * Every check goes through here, so every rule's fixtures are held to it: a rule reports each
 * distinct problem once per resource. Two violations with the same policy, urn and message fail
 * the test that produced them, naming the repeat.
 */
function withoutRepeats(evaluation: Evaluation): Evaluation {
    const seen = new Set<string>();
    for (const v of evaluation.violations) {
        const key = JSON.stringify([v.policyName, v.urn ?? "", v.message]);
        if (seen.has(key)) throw new Error(`${v.policyName} reported the same violation twice on ${v.urn ?? "the stack"}: ${detailOf(v)}`);
        seen.add(key);
    }
    return evaluation;
}

/** A resource class of a Pulumi provider (e.g. `aws.ecs.Service`); its args type a fixture's props. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResourceClass = abstract new (name: string, args?: any, opts?: any) => unknown;
/** What a program may pass to the class: a misspelt property (`assignPublicIP`) fails to compile. */
export type ArgsOf<C extends ResourceClass> = NonNullable<ConstructorParameters<C>[1]>;

/** The type token the engine sends for a resource class. */
export function typeTokenOf(resource: ResourceClass): string {
    const token = (resource as unknown as { __pulumiType?: unknown }).__pulumiType;
    if (typeof token !== "string") throw new Error(`${resource.name} is not a Pulumi resource class`);
    return token;
}

/** Violations of `policy` for one resource built from the class's own args (config per the pack's format). */
export async function check<C extends ResourceClass>(
    policy: AnyPolicy,
    resource: C,
    props: ArgsOf<C>,
    config: PolicyPackConfig = {},
    name = "subject",
): Promise<Violation[]> {
    return checkRaw(policy, typeTokenOf(resource), props, config, name);
}

/** The same for props no program could type: malformed input, sentinels in odd places, other type tokens. */
export async function checkRaw(policy: AnyPolicy, type: string, props: object, config: PolicyPackConfig = {}, name = "subject"): Promise<Violation[]> {
    return (await evaluatePolicies([policy], [resourceRecord(type, name, props)], config)).violations;
}

export const messages = (violations: Violation[]) => violations.map(detailOf);

/** A stack of resources whose inputs reference each other by name, recorded as the engine does. */
export class StackBuilder {
    readonly records: ResourceRecord[] = [];

    /** `deps` maps an input property to the names of the resources that fed it. */
    add(type: string | ResourceClass, name: string, props: object, deps: Record<string, string[]> = {}): this {
        const record = resourceRecord(typeof type === "string" ? type : typeTokenOf(type), name, { id: `${name}-id`, ...props });
        for (const [prop, names] of Object.entries(deps)) {
            record.propertyDependencies[prop] = names.map((n) => {
                const target = this.records.find((r) => r.name === n);
                if (!target) throw new Error(`stack fixture: ${name}.${prop} depends on unknown resource ${n}`);
                return target.urn;
            });
        }
        record.dependencies = [...new Set(Object.values(record.propertyDependencies).flat())];
        this.records.push(record);
        return this;
    }

    async check(policy: AnyPolicy, config: PolicyPackConfig = {}): Promise<Violation[]> {
        return (await evaluatePolicies([policy], this.records, config)).violations;
    }
}

/** A minimal private network: VPC, IGW, NAT, one public and one private subnet with routes. */
export function privateNetwork(b: StackBuilder): StackBuilder {
    return b
        .add("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" })
        .add("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-id", id: "igw-0abc" }, { vpcId: ["vpc"] })
        .add("aws:ec2/subnet:Subnet", "public", { mapPublicIpOnLaunch: false, id: "subnet-public" }, { vpcId: ["vpc"] })
        .add("aws:ec2/subnet:Subnet", "private", { mapPublicIpOnLaunch: false, id: "subnet-private" }, { vpcId: ["vpc"] })
        .add("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-public" }, { subnetId: ["public"] })
        .add("aws:ec2/routeTable:RouteTable", "public-rt", { vpcId: "vpc-id" }, { vpcId: ["vpc"] })
        .add(
            "aws:ec2/route:Route",
            "public-default",
            { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" },
            { routeTableId: ["public-rt"], gatewayId: ["igw"] },
        )
        .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-assoc", {}, { subnetId: ["public"], routeTableId: ["public-rt"] })
        .add("aws:ec2/routeTable:RouteTable", "private-rt", { vpcId: "vpc-id" }, { vpcId: ["vpc"] })
        .add(
            "aws:ec2/route:Route",
            "private-default",
            { destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-id" },
            { routeTableId: ["private-rt"], natGatewayId: ["nat"] },
        )
        .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "private-assoc", {}, { subnetId: ["private"], routeTableId: ["private-rt"] });
}

export const SERVICE = "aws:ecs/service:Service";
export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
