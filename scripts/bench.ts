// npm run bench [-- --runs N --baseline <git ref>]: the plan as users start it (median of N warm
// runs of `npm run plan`), the ratio to the previous CLI (the baseline commit's own scripts, run
// the way it ran them), and policy throughput through @pulumi/policy's server at 1k and 10k
// resources. Figures are from one run on one machine: compare ratios, not absolute times.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PolicyAnalyzer } from "../plan/analyzer/client";
import { buildPlan } from "../plan/plan";
import { readPolicyConfigFile, resolveConfig } from "../plan/policyGate";
import type { ResourceRecord } from "../plan/types";
import { scheduleCostLines } from "./benchSchedule";

const ROOT = resolve(__dirname, "..");
/** The last commit with the in-process runner and ts-node launcher (before verdicts moved to the server). */
const PREVIOUS_CLI = "fae0fc1";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of a command, in ms; stdout is discarded, a failure stops the bench. */
function timeCommand(command: string, args: string[], cwd: string): number {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return ms;
}

/**
 * Each command timed `runs` times after one warm-up, taking turns (a, b, c, a, b, c, …) so that
 * load from other processes on the machine falls on all of them alike; the median of each.
 */
function interleavedMedians(runs: number, bodies: (() => number)[]): { median: number; all: number[] }[] {
    bodies.forEach((body) => body());
    const all = bodies.map(() => [] as number[]);
    for (let run = 0; run < runs; run++) bodies.forEach((body, i) => all[i]!.push(body()));
    return all.map((times) => ({ median: median(times), all: times }));
}

/** The baseline commit's files in a temporary directory sharing this node_modules, or why not. */
function checkout(ref: string): { dir: string } | { skipped: string } {
    try {
        const dir = mkdtempSync(join(tmpdir(), "plan-baseline-"));
        execFileSync("bash", ["-c", `git -C "$1" archive "$2" | tar -x -C "$3"`, "_", ROOT, ref, dir]);
        symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
        return { dir };
    } catch (e) {
        return { skipped: `cannot check out ${ref}: ${(e as Error).message.split("\n")[0]}` };
    }
}

/** `size` resources: whole copies of a stack with URNs (and every edge) renamed per copy. */
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

/** Resources/s through the pack's server under each shipped config (dev remediates: Remediate + Analyze per resource). */
async function throughput(sizes: number[], configs: string[]) {
    const analyzer = await PolicyAnalyzer.start({ packDir: join(ROOT, "policy") });
    try {
        const plan = await buildPlan({ root: ROOT, stack: "dev", phases: ["up"], analyzer });
        const template = plan.phases.up!.resources;
        await analyzer.analyze(syntheticStack(template, 500), { phase: "up" }); // warm-up: JIT on both sides
        const rows = [];
        for (const config of configs) {
            const file = join(ROOT, "policy", "config", `${config}.json`);
            await analyzer.configure(resolveConfig(analyzer.info, readPolicyConfigFile(file), file));
            for (const size of sizes) {
                const stack = syntheticStack(template, size);
                const start = performance.now();
                const evaluation = await analyzer.analyze(stack, { phase: "up" });
                const ms = performance.now() - start;
                rows.push({ config, size, ms, perSecond: (size / ms) * 1000, violations: evaluation.violations.length });
            }
        }
        return { rows, startMs: analyzer.server.startMs, policies: analyzer.info.policies.length, template: template.length };
    } finally {
        await analyzer.close();
    }
}

async function main() {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "7" }, baseline: { type: "string", default: PREVIOUS_CLI } } });
    const runs = Number(values.runs);
    const loadAtStart = loadavg()[0]!.toFixed(1);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const planArgs = ["--stack", "dev"];

    const baseline = checkout(values.baseline);
    const commands = [
        () => timeCommand(npm, ["run", "-s", "plan", "--", ...planArgs], ROOT),
        () => timeCommand(process.execPath, ["scripts/node22.js", "scripts/plan.ts", ...planArgs], ROOT),
        ...("dir" in baseline ? [() => timeCommand(npm, ["run", "-s", "plan", "--", ...planArgs], baseline.dir)] : []),
    ];
    let medians: { median: number; all: number[] }[];
    try {
        medians = interleavedMedians(runs, commands);
    } finally {
        if ("dir" in baseline) rmSync(baseline.dir, { recursive: true, force: true });
    }
    const [viaNpm, direct, previous] = [medians[0]!, medians[1]!, medians[2]];
    const { rows, startMs, policies, template } = await throughput([1000, 10000], ["prod", "dev"]);
    const cdkInstalled = existsSync(join(ROOT, "node_modules", "aws-cdk-lib"));

    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const load = loadavg()[0]!.toFixed(1);
    console.log(
        `Node ${process.version} on ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${loadAtStart} → ${load}; medians of ${runs} warm runs, the commands taking turns`,
    );
    console.log("");
    console.log(`npm run plan -- --stack dev (both phases, ${policies} policies through the pack's server, cost, rollout)`);
    console.log(`  npm run plan:                    ${ms(viaNpm.median)}   (runs: ${viaNpm.all.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`  node scripts/node22.js (no npm): ${ms(direct.median)}   (runs: ${direct.all.map((x) => x.toFixed(0)).join(", ")})`);
    if (previous) {
        console.log(
            `  previous CLI (${values.baseline}, npm run plan): ${ms(previous.median)}  →  ${(previous.median / viaNpm.median).toFixed(2)}× faster now   (runs: ${previous.all.map((x) => x.toFixed(0)).join(", ")})`,
        );
    } else console.log(`  previous CLI: skipped (${"skipped" in baseline ? baseline.skipped : "not run"})`);
    console.log(
        cdkInstalled
            ? "  CDK synth + cdk-nag: aws-cdk-lib is installed but no CDK app is kept here to compare"
            : "  CDK synth + cdk-nag: skipped (aws-cdk-lib is not a dependency of this project)",
    );
    console.log("");
    console.log(`Policy evaluation through the pack's server (pack start ${ms(startMs)}); synthetic stacks of copies of dev's ${template} resources`);
    console.log("  config  resources       time     resources/s   violations   growth (10× resources)");
    rows.forEach((r, i) => {
        const previous = rows[i - 1];
        const growth = previous?.config === r.config ? `${(r.ms / previous.ms).toFixed(1)}× time` : "";
        console.log(
            `  ${r.config.padEnd(6)}  ${String(r.size).padStart(9)}  ${ms(r.ms).padStart(9)}  ${r.perSecond.toFixed(0).padStart(12)}  ${String(r.violations).padStart(11)}   ${growth}`,
        );
    });
    for (const line of await scheduleCostLines(ROOT)) console.log(line);
}

main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
});
