// What the pack costs the engine once started: a real preview of the prod stack (per-resource
// Analyze, then AnalyzeStack) and throughput on synthetic stacks of 1k and 10k resources. The pack
// is started by the CLI's runner, compiled, as `pulumi preview --policy-pack` starts it.
import { join } from "node:path";
import { PolicyAnalyzer } from "../../plan/analyzer/client";
import type { AnalyzeTimings } from "../../plan/analyzer/client";
import { buildPlan } from "../../plan/plan";
import { readPolicyConfigFile, resolveConfig } from "../../plan/policyGate";
import type { ResourceRecord } from "../../plan/types";

/** Time may grow at most this much per 10× resources. */
export const GROWTH_LIMIT = 12;

export interface ThroughputRow {
    config: string;
    size: number;
    ms: number;
    perSecond: number;
    /** Of ms, the one AnalyzeStack call. */
    stackMs: number;
    violations: number;
}

export interface ServerCost {
    startMs: number;
    resourcePolicies: number;
    stackPolicies: number;
    preview: AnalyzeTimings & { violations: number };
    rows: ThroughputRow[];
    template: number;
}

/** `size` resources: whole copies of a stack with URNs (and every edge) renamed per copy. */
export function syntheticStack(template: ResourceRecord[], size: number): ResourceRecord[] {
    const out: ResourceRecord[] = [];
    for (let copy = 0; out.length < size; copy++) {
        const rename = (urn: string) => `${urn}-${copy}`;
        for (const r of template) {
            if (out.length === size) break;
            out.push({
                ...r,
                urn: rename(r.urn),
                name: `${r.name}-${copy}`,
                parent: r.parent && rename(r.parent),
                dependencies: r.dependencies.map(rename),
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map(rename)])),
            });
        }
    }
    return out;
}

export async function serverCost(root: string, sizes: number[], configs: string[]): Promise<ServerCost> {
    const analyzer = await PolicyAnalyzer.start({ packDir: join(root, "policy"), mode: "cli" });
    try {
        // First the real preview, on the fresh process: what CI pays (buildPlan configures prod's policy config).
        const prod = await buildPlan({ root, stack: "prod", phases: ["preview"], analyzer });
        const preview = { ...analyzer.lastTimings!, violations: prod.phases.preview!.evaluation.violations.length };

        const dev = await buildPlan({ root, stack: "dev", phases: ["up"], analyzer });
        const template = dev.phases.up!.resources;
        await analyzer.analyze(syntheticStack(template, 500), { phase: "up" }); // warm-up: JIT on both sides
        const rows: ThroughputRow[] = [];
        for (const config of configs) {
            const file = join(root, "policy", "config", `${config}.json`);
            await analyzer.configure(resolveConfig(analyzer.info, readPolicyConfigFile(file), file));
            for (const size of sizes) {
                const start = performance.now();
                const evaluation = await analyzer.analyze(syntheticStack(template, size), { phase: "up" });
                const ms = performance.now() - start;
                rows.push({
                    config,
                    size,
                    ms,
                    perSecond: (size / ms) * 1000,
                    stackMs: analyzer.lastTimings!.stackMs,
                    violations: evaluation.violations.length,
                });
            }
        }
        const count = (type: string) => analyzer.info.policies.filter((p) => p.type === type).length;
        return {
            startMs: analyzer.server.startMs,
            resourcePolicies: count("resource"),
            stackPolicies: count("stack"),
            preview,
            rows,
            template: template.length,
        };
    } finally {
        await analyzer.close();
    }
}
