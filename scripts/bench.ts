// npm run bench [-- --runs N --start-runs N --source-runs N --baseline <git ref>]:
// - the pack's start as the Pulumi CLI starts it (compiled), against an empty JavaScript pack, side
//   by side, and the TypeScript source through the same runner for reference;
// - the plan as users start it (median of N warm runs of `npm run plan`) and the ratio to the
//   previous CLI (the baseline commit's own scripts, run the way it ran them);
// - what the pack costs a real preview of the prod stack, and throughput at 1k and 10k resources.
// Figures are from one run on one machine: compare ratios, not absolute times.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { START_RATIO_LIMIT, packStarts } from "./bench/packStart";
import { GROWTH_LIMIT, serverCost } from "./bench/serverCost";
import { sdkLoads } from "./bench/sdkLoad";
import { ms, runsOf, takingTurns } from "./bench/timing";
import { scheduleCostLines } from "./benchSchedule";

const ROOT = resolve(__dirname, "..");
/** The last commit with the in-process runner and ts-node launcher (before verdicts moved to the server). */
const PREVIOUS_CLI = "fae0fc1";

/** Wall time of a command, in ms; stdout is discarded, a failure stops the bench. */
function timeCommand(command: string, args: string[], cwd: string): number {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return ms;
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

async function planTimes(runs: number, baselineRef: string) {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const planArgs = ["--stack", "dev"];
    const baseline = checkout(baselineRef);
    const commands = [
        () => timeCommand(npm, ["run", "-s", "plan", "--", ...planArgs], ROOT),
        () => timeCommand(process.execPath, ["scripts/node22.js", "scripts/plan.ts", ...planArgs], ROOT),
        ...("dir" in baseline ? [() => timeCommand(npm, ["run", "-s", "plan", "--", ...planArgs], baseline.dir)] : []),
    ];
    try {
        const [viaNpm, direct, previous] = await takingTurns(runs, commands);
        return { viaNpm: viaNpm!, direct: direct!, previous, skipped: "skipped" in baseline ? baseline.skipped : undefined };
    } finally {
        if ("dir" in baseline) rmSync(baseline.dir, { recursive: true, force: true });
    }
}

class BenchArgumentError extends Error {}

const USAGE = `usage: npm run bench [-- --runs N] [--start-runs N] [--source-runs N] [--baseline <git ref>]
Measures, in one run, as ratios: the pack's start against an empty JavaScript pack (the CLI's way), the plan against
the previous CLI, what a preview of the prod stack costs the pack, throughput per 10x resources, the cost of schedules, and the SDK's load in a --program run with its rarely used packages deferred.`;

async function main() {
    if (process.argv.includes("--help")) return console.log(USAGE);
    const { values } = parseArgs({
        options: {
            runs: { type: "string", default: "7" },
            "start-runs": { type: "string", default: "15" },
            "source-runs": { type: "string", default: "3" },
            baseline: { type: "string", default: PREVIOUS_CLI },
        },
    });
    const [runs, startRuns, sourceRuns] = (["runs", "start-runs", "source-runs"] as const).map((key) => {
        const n = Number(values[key]);
        if (!Number.isInteger(n) || n < 1) throw new BenchArgumentError(`--${key} must be a whole number of runs, 1 or more; got "${values[key]}"`);
        return n;
    }) as [number, number, number];
    const loadAtStart = loadavg()[0]!.toFixed(1);
    const starts = await packStarts(ROOT, startRuns, sourceRuns);
    const plan = await planTimes(runs, values.baseline);
    const cost = await serverCost(ROOT, [1000, 10000], ["prod", "dev"]);
    const sdk = await sdkLoads(runs);
    const load = loadavg()[0]!.toFixed(1);

    console.log(`Node ${process.version} on ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${loadAtStart} → ${load}`);
    console.log("");
    console.log(`Pack start, as \`pulumi preview --policy-pack\` starts it (@pulumi/pulumi/cmd/run-policy-pack, spawn to gRPC port)`);
    console.log(`medians of ${startRuns} runs, the two packs taking turns:`);
    console.log(`  empty JavaScript pack (the floor):  ${ms(starts.empty.median)}   (runs: ${runsOf(starts.empty)})`);
    console.log(`  this pack, compiled (package main): ${ms(starts.compiled.median)}   (runs: ${runsOf(starts.compiled)})`);
    const verdict = starts.ratio <= START_RATIO_LIMIT ? "within" : "OVER";
    console.log(`  ratio: ${starts.ratio.toFixed(2)}× the floor (${verdict} the ${START_RATIO_LIMIT}× limit)`);
    console.log(`  median of the rounds' own ratios (each round's two starts share the load of the moment): ${starts.roundRatio.toFixed(2)}×`);
    if (starts.cpu)
        console.log(
            `  CPU time to the port (user + system, medians; less sensitive to other jobs): ${ms(starts.cpu.empty)} → ${ms(starts.cpu.compiled)}, ${starts.cpu.ratio.toFixed(2)}×`,
        );
    console.log(
        `  reference, the TypeScript source through the same runner (ts-node type-checks it), median of ${sourceRuns}: ${ms(starts.source.median)}   (runs: ${runsOf(starts.source)})`,
    );
    console.log("");
    console.log(`npm run plan -- --stack dev (both phases, through the pack's server, cost, rollout), medians of ${runs} warm runs taking turns`);
    console.log(`  npm run plan:                    ${ms(plan.viaNpm.median)}   (runs: ${runsOf(plan.viaNpm)})`);
    console.log(`  node scripts/node22.js (no npm): ${ms(plan.direct.median)}   (runs: ${runsOf(plan.direct)})`);
    if (plan.previous) {
        const faster = (plan.previous.median / plan.viaNpm.median).toFixed(2);
        console.log(
            `  previous CLI (${values.baseline}, npm run plan): ${ms(plan.previous.median)}  →  ${faster}× faster now   (runs: ${runsOf(plan.previous)})`,
        );
    } else console.log(`  previous CLI: skipped (${plan.skipped ?? "not run"})`);
    console.log(
        existsSync(join(ROOT, "node_modules", "aws-cdk-lib"))
            ? "  CDK synth + cdk-nag: aws-cdk-lib is installed but no CDK app is kept here to compare"
            : "  CDK synth + cdk-nag: skipped (aws-cdk-lib is not a dependency of this project)",
    );
    console.log("");
    console.log(`A --program run's process: the SDK and @pulumi/aws loading, medians of ${runs} runs taking turns`);
    console.log(`  every package at start, as the SDK loads them: ${ms(sdk.whole.median)}   (runs: ${runsOf(sdk.whole)})`);
    console.log(`  rarely used packages deferred (the plan's way): ${ms(sdk.deferred.median)}   (runs: ${runsOf(sdk.deferred)})`);
    console.log(`  ratio: ${sdk.ratio.toFixed(2)}×`);
    console.log("");
    const p = cost.preview;
    console.log(`A preview of the prod stack, as the engine asks the pack (started the CLI's way, compiled; one run, cold process)`);
    console.log(`  pack start:                                   ${ms(cost.startMs)}`);
    console.log(`  Analyze, each of ${p.resources} resources (${cost.resourcePolicies} resource policies): ${ms(p.resourcesMs)} in all`);
    console.log(`  AnalyzeStack (${cost.stackPolicies} stack policies):               ${ms(p.stackMs)}`);
    console.log(`  violations: ${p.violations}`);
    console.log("");
    console.log(`Throughput through the pack's server; synthetic stacks of copies of dev's ${cost.template} resources`);
    console.log("  config  resources       time   of which AnalyzeStack   resources/s   violations   growth (10× resources)");
    cost.rows.forEach((r, i) => {
        const previous = cost.rows[i - 1];
        const growth = previous?.config === r.config ? r.ms / previous.ms : undefined;
        const shown = growth === undefined ? "" : `${growth.toFixed(1)}× time (${growth <= GROWTH_LIMIT ? "within" : "OVER"} the ${GROWTH_LIMIT}× limit)`;
        console.log(
            `  ${r.config.padEnd(6)}  ${String(r.size).padStart(9)}  ${ms(r.ms).padStart(9)}  ${ms(r.stackMs).padStart(22)}  ${r.perSecond.toFixed(0).padStart(12)}  ${String(r.violations).padStart(11)}   ${shown}`,
        );
    });
    console.log(
        `  Most of this is upstream: @pulumi/policy deserializes every resource of AnalyzeStack once per stack policy (${cost.stackPolicies} here), so the stack pass grows with resources × stack policies whatever the rules do.`,
    );
    console.log("");
    for (const line of await scheduleCostLines(ROOT)) console.log(line);
}

main().catch((e: unknown) => {
    // parseArgs names an unknown option or a missing value in its message.
    if (e instanceof BenchArgumentError || String((e as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
        console.error(`error: ${(e as Error).message}`);
        process.exitCode = 2;
    } else {
        console.error(e);
        process.exitCode = 1;
    }
});
