// npm run bench: the dev plan end to end, and policy throughput over synthetic stacks of
// 100, 1,000 and 10,000 resources (copies of the dev stack's real resources).
// Figures are from one run on this machine; compare ratios, not absolute times.
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import type { ResourceRecord } from "../plan/runner";
import { evaluatePolicies } from "../plan/runner";
import { policies } from "../policy/policies";
import { readPolicyConfig, buildPlan } from "../plan/plan";

const ROOT = resolve(__dirname, "..");

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; result: T }> {
    const start = performance.now();
    const result = await body();
    return { ms: performance.now() - start, result };
}

/** `size` resources: whole copies of the dev stack with their URNs (and edges) renamed. */
function syntheticStack(template: ResourceRecord[], size: number): ResourceRecord[] {
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

async function main() {
    await buildPlan({ root: ROOT, stack: "dev" }); // warm-up: module loading and JIT
    const planTimes: number[] = [];
    let template: ResourceRecord[] = [];
    for (let run = 0; run < 3; run++) {
        const { ms, result } = await timed(() => buildPlan({ root: ROOT, stack: "dev" }));
        planTimes.push(ms);
        template = result.resources;
    }
    planTimes.sort((a, b) => a - b);
    const config = readPolicyConfig(resolve(ROOT, "policy/config/dev.json"));

    const rows: { size: number; ms: number; perSecond: number; violations: number }[] = [];
    for (const size of [100, 1000, 10000]) {
        const stack = syntheticStack(template, size);
        const { ms, result } = await timed(() => evaluatePolicies(policies, stack, config));
        rows.push({ size, ms, perSecond: (size / ms) * 1000, violations: result.violations.length });
    }

    console.log(
        `Dev plan end to end (program under mocks + ${policies.length} policies + cost + rollout), median of ${planTimes.length}: ${planTimes[1]!.toFixed(0)} ms for ${template.length} resources`,
    );
    console.log("");
    console.log("Policy evaluation over synthetic stacks (copies of the dev stack)");
    console.log("  resources      time      resources/s   violations   time ratio vs previous (10× resources)");
    rows.forEach((r, i) => {
        const ratio = i === 0 ? "" : `${(r.ms / rows[i - 1]!.ms).toFixed(1)}×`;
        console.log(
            `  ${String(r.size).padStart(9)}  ${r.ms.toFixed(0).padStart(7)} ms  ${r.perSecond.toFixed(0).padStart(12)}  ${String(r.violations).padStart(11)}   ${ratio}`,
        );
    });
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
