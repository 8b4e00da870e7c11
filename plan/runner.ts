// Runs a policy pack in-process the way the policy server does: enforcement from config then
// policy then pack, schema defaults applied, props behind the SDK's unknown-checking proxy,
// unknowns at preview reported as advisory, remediations before validations.
// Records made at preview carry the engine's unknown sentinel, which is the policy SDK's own
// unknownStringValue: the server passes it through deserialization unchanged, so does this.
import {
    EnforcementLevel,
    Policies,
    PolicyConfigSchema,
    PolicyPackConfig,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
    UnknownValueError,
    unknownCheckingProxy,
} from "@pulumi/policy";
import { isRecord } from "../policy/knowledge/values";
import type { Evaluation, Remediation, ResourceRecord, Violation } from "./types";
export type { Evaluation, Remediation, ResourceRecord, Violation } from "./types";

export interface EvaluateOptions {
    packName?: string;
    packVersion?: string;
    /** The pack's own default level; the SDK's default is advisory. */
    packEnforcementLevel?: EnforcementLevel;
}

class NotApplicable extends Error {}

/** The level a policy runs at: config, then the policy's own, then the pack's. */
export function enforcementLevelOf(
    policyName: string,
    policyLevel: EnforcementLevel | undefined,
    config: PolicyPackConfig,
    packLevel: EnforcementLevel = "advisory",
): EnforcementLevel {
    const entry: unknown = config[policyName];
    const fromConfig = typeof entry === "string" ? entry : isRecord(entry) ? entry.enforcementLevel : undefined;
    return (fromConfig as EnforcementLevel | undefined) ?? policyLevel ?? packLevel;
}

/** The policy's config with schema defaults filled in, as the CLI sends it; bad types are errors. */
export function policyConfigOf(policyName: string, schema: PolicyConfigSchema | undefined, config: PolicyPackConfig): Record<string, unknown> {
    const entry: unknown = config[policyName];
    const given: Record<string, unknown> = isRecord(entry) ? { ...entry } : {};
    delete given.enforcementLevel;
    const result: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
        const value = given[key] ?? (prop as { default?: unknown }).default;
        if (value === undefined) continue;
        const type = (prop as { type?: string }).type;
        const ok = type === undefined || (type === "array" ? Array.isArray(value) : type === "integer" ? Number.isInteger(value) : typeof value === type);
        if (!ok) throw new Error(`policy config ${policyName}.${key}=${JSON.stringify(value)} is not valid; allowed: ${type}`);
        result[key] = value;
    }
    for (const key of schema?.required ?? []) {
        if (result[key] === undefined) throw new Error(`policy config ${policyName}.${key} is required`);
    }
    for (const key of Object.keys(given)) {
        if (!(key in (schema?.properties ?? {}))) throw new Error(`policy config ${policyName}.${key} is not a setting of this policy`);
    }
    return result;
}

const isResourcePolicy = (p: Policies[number]): p is ResourceValidationPolicy => "validateResource" in p || "remediateResource" in p;
const isStackPolicy = (p: Policies[number]): p is StackValidationPolicy => "validateStack" in p;

export async function evaluatePolicies(
    policies: Policies,
    resources: ResourceRecord[],
    config: PolicyPackConfig = {},
    options: EvaluateOptions = {},
): Promise<Evaluation> {
    const pack = `'${options.packName ?? "fargate-web-policy"}@v${options.packVersion ?? "0.1.0"}'`;
    const violations: Violation[] = [];
    const remediations: Remediation[] = [];
    const levelOf = (p: Policies[number]) => enforcementLevelOf(p.name, p.enforcementLevel, config, options.packEnforcementLevel);
    const configOf = (p: Policies[number]) => policyConfigOf(p.name, p.configSchema, config);
    const notApplicable = (reason?: string): never => {
        throw new NotApplicable(reason);
    };

    const run = async (
        p: Policies[number],
        level: EnforcementLevel,
        urn: string | undefined,
        body: (report: (message: string, urn?: string) => void) => unknown,
    ) => {
        const reported: EnforcementLevel = level === "remediate" ? "mandatory" : level;
        const report = (message: string, violationUrn?: string) =>
            violations.push({
                policyName: p.name,
                enforcementLevel: reported as Violation["enforcementLevel"],
                severity: p.severity,
                message,
                urn: violationUrn ?? urn,
                unverifiable: false,
            });
        try {
            await body(report);
        } catch (e) {
            if (e instanceof UnknownValueError) {
                violations.push({
                    policyName: p.name,
                    enforcementLevel: "advisory",
                    severity: p.severity,
                    message: `can't run policy '${p.name}' from policy pack ${pack} during preview: ${(e as Error).message}`,
                    urn,
                    unverifiable: true,
                });
            } else if (!(e instanceof NotApplicable)) {
                throw new Error(`Error validating resource with policy '${p.name}' from policy pack ${pack}: ${(e as Error).message}`, { cause: e });
            }
        }
    };

    const resourceArgs = (r: ResourceRecord, props: Record<string, unknown>, p: Policies[number]): ResourceValidationArgs => ({
        type: r.type,
        props: unknownCheckingProxy(props),
        urn: r.urn,
        name: r.name,
        opts: optionsOf(r),
        stackTags: new Map(),
        isType: (cls) => typeOf(cls) === r.type,
        asType: ((cls: unknown) => (typeOf(cls) === r.type ? unknownCheckingProxy(props) : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => configOf(p) as T,
        notApplicable,
    });

    for (const r of resources) {
        let props = r.inputs;
        for (const p of policies) {
            if (!isResourcePolicy(p) || !p.remediateResource || levelOf(p) !== "remediate") continue;
            let fixed: Record<string, unknown> | undefined;
            try {
                fixed = (await p.remediateResource(resourceArgs(r, props, p))) ?? undefined;
            } catch (e) {
                // The server reports this as a diagnostic of the remediation and goes on.
                if (!(e instanceof UnknownValueError)) throw e;
                const message = `can't run remediation '${p.name}' from policy pack ${pack} during preview: ${(e as Error).message}`;
                violations.push({ policyName: p.name, enforcementLevel: "advisory", severity: p.severity, message, urn: r.urn, unverifiable: true });
            }
            if (fixed && JSON.stringify(fixed) !== JSON.stringify(props)) {
                remediations.push({ policyName: p.name, urn: r.urn, before: props, after: fixed });
                props = fixed;
            }
        }
        for (const p of policies) {
            const level = levelOf(p);
            if (level === "disabled" || !isResourcePolicy(p) || !p.validateResource) continue;
            // The server's fast path: a single validation that names its Pulumi type skips other types.
            const only = (p.validateResource as { __pulumiType?: unknown }).__pulumiType;
            if (typeof only === "string" && only !== "" && only !== r.type) continue;
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            for (const validate of validations) {
                await run(p, level, r.urn, (report) => validate(resourceArgs(r, props, p), (message) => report(message)));
            }
        }
    }

    const stackResources = toPolicyResources(resources);
    for (const p of policies) {
        const level = levelOf(p);
        if (level === "disabled" || !isStackPolicy(p)) continue;
        await run(p, level, undefined, (report) =>
            p.validateStack(
                { resources: stackResources, stackTags: new Map(), getConfig: <T extends object>() => configOf(p) as T, notApplicable },
                (message, urn) => report(message, urn),
            ),
        );
    }
    return { violations, remediations };
}

/** Stack-policy view: outputs behind the proxy, dependencies resolved to resource objects. */
export function toPolicyResources(records: ResourceRecord[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const all = records.map((r) => {
        const props = unknownCheckingProxy(r.outputs);
        const resource: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: optionsOf(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls) => typeOf(cls) === r.type,
            asType: ((cls: unknown) => (typeOf(cls) === r.type ? props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    records.forEach((r, i) => {
        const resource = all[i]!;
        const resolve = (urns: string[]) => urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
        resource.parent = r.parent ? byUrn.get(r.parent) : undefined;
        resource.dependencies = resolve(r.dependencies);
        for (const [k, urns] of Object.entries(r.propertyDependencies)) resource.propertyDependencies[k] = resolve(urns);
    });
    return all;
}

/** The options the engine sends with a resource (only protect and parent are recorded offline). */
const optionsOf = (r: ResourceRecord): PolicyResourceOptions => ({
    protect: r.protect,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    parent: r.parent,
});

const typeOf = (cls: unknown): string | undefined => (cls as { __pulumiType?: string }).__pulumiType;
