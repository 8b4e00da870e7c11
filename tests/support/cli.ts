// The plan's CLI in this process (with the run's shared pack server), or as users run it: a child
// process whose output goes through a pipe.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli } from "../../plan/cli";
import { ProgramRunCache } from "../../plan/host/runCache";
import { sharedAnalyzer } from "./analyzer";
import { ROOT } from "./mocks";

export interface CliResult {
    code: number;
    out: string;
    err: string;
}

/**
 * --program runs shared by the specs of this process: tests of the CLI's options plan the same
 * fixture many times, and its run is the same each time (plan/host/runCache.ts). Tests of the
 * run itself call buildPlan without it.
 */
export const programRuns = new ProgramRunCache();

export async function cli(args: string[], root = ROOT): Promise<CliResult> {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) };
    const code = await runCli(args, root, io, { analyzer: await sharedAnalyzer(), programRuns });
    return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * `node scripts/node22.js scripts/plan.ts <args>` in a shell, its stdout through `consumer` (a
 * pipeline stage such as a slow reader), as `npm run plan` runs it: with the `node` on PATH unless
 * `node` names another binary.
 */
export function cliProcess(args: string[], options: { node?: string; consumer?: string } = {}): CliResult {
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = [options.node ?? "node", join(ROOT, "scripts", "node22.js"), join(ROOT, "scripts", "plan.ts"), ...args].map(quote).join(" ");
    // pipefail: the exit code is the plan's, not the consumer's.
    const script = `set -o pipefail; ${command}${options.consumer ? ` | ${options.consumer}` : ""}`;
    const result = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    if (result.error) throw result.error;
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}
