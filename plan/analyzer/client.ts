// Gets policy verdicts from @pulumi/policy's own analyzer server, driving it as the CLI does:
// GetAnalyzerInfo, Configure with the reconciled config, then per resource Remediate (when a
// policy remediates) and Analyze on the remediated inputs, and one AnalyzeStack on the outputs.
// Every judgement — unknowns, secrets, enforcement levels, config — is the server's.
import { remediationViolation, violationsOf } from "./diagnostics";
import { readPolicyConfig, resolvePolicyConfig } from "./policyConfig";
import { EncodedRequests } from "./encodedRpc";
import { encodeAnalyzeStackRequest } from "./protoWriter";
import { analyzeRequest, stackResource, wireProps } from "./requests";
import { StackSettings, configure, configureStack, getAnalyzerInfo } from "./rpc";
import { PolicyServer, StartOptions, startPolicyServer } from "./server";
import type { Evaluation, PackInfo, Phase, Remediation, ResolvedPolicyConfig, ResourceRecord, Severity, Violation } from "./types";

export interface AnalyzeOptions {
    phase: Phase;
    /** Requests in flight at once (the engine itself analyzes resources as they register, concurrently). */
    concurrency?: number;
    /** Sent with ConfigureStack (stack tags reach policies as `stackTags`); dryRun follows the phase. */
    stack?: StackSettings;
}

type Props = Record<string, unknown>;

/** Where the last analyze spent its time, as the engine would: every resource's Analyze, then one AnalyzeStack. */
export interface AnalyzeTimings {
    resources: number;
    /** Remediate and Analyze of every resource, concurrently (wall time). */
    resourcesMs: number;
    /** The one AnalyzeStack call (stack policies). */
    stackMs: number;
}

export class PolicyAnalyzer {
    private encoded?: EncodedRequests;
    /** Timings of the last analyze. */
    lastTimings?: AnalyzeTimings;

    private constructor(
        readonly server: PolicyServer,
        readonly info: PackInfo,
        private resolved: ResolvedPolicyConfig,
    ) {}

    /** Starts the pack, reads its policies and configures it with their defaults (as the CLI does without a config file). */
    static async start(options?: StartOptions): Promise<PolicyAnalyzer> {
        const server = await startPolicyServer(options);
        try {
            const info = await getAnalyzerInfo(server.client);
            const analyzer = new PolicyAnalyzer(server, info, {});
            await analyzer.configure(resolvePolicyConfig(info, {}, "(defaults)"));
            return analyzer;
        } catch (e) {
            await server.close();
            throw e;
        }
    }

    /** The config last sent to the server. */
    get config(): ResolvedPolicyConfig {
        return this.resolved;
    }

    async configure(config: ResolvedPolicyConfig): Promise<void> {
        await configure(this.server.client, config);
        this.resolved = config;
    }

    /** Reads, resolves and sends a policy config file (`{}` config when no file is given). */
    async configureFile(file: string | undefined): Promise<ResolvedPolicyConfig> {
        const resolved = resolvePolicyConfig(this.info, file === undefined ? {} : readPolicyConfig(file), file ?? "(defaults)");
        await this.configure(resolved);
        return resolved;
    }

    async analyze(records: ResourceRecord[], options: AnalyzeOptions): Promise<Evaluation> {
        const { phase, concurrency = 64 } = options;
        const client = this.server.client;
        const rpc = (this.encoded ??= new EncodedRequests(client));
        if (options.stack) await configureStack(client, options.stack, phase === "preview");
        const severities = new Map(this.info.policies.map((p) => [p.name, p.severity]));
        const severity = (name: string): Severity | undefined => severities.get(name);
        const remediating = Object.values(this.resolved).some((c) => c.enforcementLevel === "remediate");

        const stackPass = async (remediated: Map<string, Remediation[]>) => {
            const resources = await mapLimit(records, concurrency, (r) => stackResource(r, outputsAfter(r.outputs, remediated.get(r.urn)), phase));
            const response = await rpc.analyzeStack(encodeAnalyzeStackRequest(resources)).catch((e: Error) => {
                throw new Error(`failed to run stack policies: ${e.message}`, { cause: e });
            });
            return violationsOf(response.getDiagnosticsList(), undefined, severity);
        };
        const resourcesStart = performance.now();
        const perResource = await mapLimit(records, concurrency, async (r) => {
            const violations: Violation[] = [];
            const remediations: Remediation[] = [];
            let props = await wireProps(r, r.inputs, phase, false);
            if (remediating) {
                const response = await rpc.remediate(await analyzeRequest(r, props, phase));
                for (const remediation of response.getRemediationsList()) {
                    if (remediation.getDiagnostic()) violations.push(remediationViolation(remediation, r.urn));
                    else {
                        const after = (remediation.getProperties()?.toJavaScript() ?? {}) as Props;
                        remediations.push({ policyName: remediation.getPolicyname(), urn: r.urn, before: props, after });
                        props = after;
                    }
                }
            }
            const analyzed = await rpc.analyze(await analyzeRequest(r, withoutInternalKeys(props), phase)).catch((e: Error) => {
                throw new Error(`${r.urn}: failed to run policy: ${e.message}`, { cause: e });
            });
            violations.push(...violationsOf(analyzed.getDiagnosticsList(), r.urn, severity));
            return { violations, remediations };
        });

        const resourcesMs = performance.now() - resourcesStart;
        const remediations = perResource.flatMap((x) => x.remediations);
        const byUrn = new Map<string, Remediation[]>();
        for (const m of remediations) byUrn.set(m.urn, [...(byUrn.get(m.urn) ?? []), m]);
        // As the engine does: the stack pass comes last and sees the remediated resources.
        const stackStart = performance.now();
        const stackViolations = await stackPass(byUrn);
        this.lastTimings = { resources: records.length, resourcesMs, stackMs: performance.now() - stackStart };
        return { violations: [...perResource.flatMap((x) => x.violations), ...stackViolations], remediations };
    }

    close(): Promise<void> {
        return this.server.close();
    }
}

/** Analyze drops top-level internal (`__`) keys, Remediate keeps them (the engine's SkipInternalKeys). */
const withoutInternalKeys = (props: Props): Props =>
    Object.keys(props).some((k) => k.startsWith("__")) ? Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__"))) : props;

/**
 * Offline outputs were mocked from the original inputs; the provider would have echoed the
 * remediated ones, so top-level properties a remediation changed are carried into the outputs.
 */
function outputsAfter(outputs: Props, remediations: Remediation[] | undefined): Props {
    if (!remediations) return outputs;
    const first = remediations[0]!.before;
    const last = remediations[remediations.length - 1]!.after;
    const result = { ...outputs };
    for (const key of new Set([...Object.keys(first), ...Object.keys(last)])) {
        if (JSON.stringify(first[key]) === JSON.stringify(last[key])) continue;
        if (key in last) result[key] = last[key];
        else delete result[key];
    }
    return result;
}

/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (next < items.length && !failed) {
            const i = next++;
            results[i] = await fn(items[i]!).catch((e: unknown) => {
                failed = true; // the others stop taking work; the first error is the one reported
                throw e;
            });
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
