// How long the Pulumi CLI waits for the pack: each pack started by its own
// @pulumi/pulumi/cmd/run-policy-pack, from spawn to the printed gRPC port. The floor is an empty
// JavaScript pack; ours is the compiled pack (package.json's main), built now by its own build
// script; the TypeScript source through the same runner (ts-node with type checking) is the reference.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnPack } from "../../plan/analyzer/spawn";
import { Timed, median, takingTurns } from "./timing";

export interface PackStarts {
    empty: Timed;
    compiled: Timed;
    /** The TypeScript source (`index.ts`) through the same runner, fewer runs: it is slow. */
    source: Timed;
    ratio: number;
    /** The median of each round's ratio (the two starts of a round share the machine's load at that moment). */
    roundRatio: number;
    /** Median CPU time to the port (user + system), less sensitive to a busy machine than wall time; Linux only. */
    cpu?: { empty: number; compiled: number; ratio: number };
}

/** The ratio the pack's start may reach against the empty pack's. */
export const START_RATIO_LIMIT = 1.25;

/** A process's CPU time so far, all threads, from /proc (clock ticks of 10 ms); undefined where there is no /proc. */
function cpuMs(pid: number): number | undefined {
    try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

async function startOnce(packDir: string, entry?: string, cpu?: number[]): Promise<number> {
    const pack = await spawnPack({ mode: "cli", packDir, entry });
    const used = cpuMs(pack.child.pid!);
    if (used !== undefined) cpu?.push(used);
    await pack.stop();
    return pack.startMs;
}

export async function packStarts(root: string, runs: number, sourceRuns: number): Promise<PackStarts> {
    const packDir = join(root, "policy");
    const emptyDir = join(root, "tests", "fixtures", "packs", "empty-js");
    execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "build"], { cwd: packDir, stdio: ["ignore", "ignore", "inherit"] });
    const cpu = { empty: [] as number[], compiled: [] as number[] };
    const [empty, compiled] = await takingTurns(runs, [() => startOnce(emptyDir, undefined, cpu.empty), () => startOnce(packDir, undefined, cpu.compiled)]);
    const [source] = await takingTurns(sourceRuns, [() => startOnce(packDir, "index.ts")]);
    const cpuMedians = cpu.empty.length > 0 && cpu.compiled.length > 0 ? { empty: median(cpu.empty), compiled: median(cpu.compiled) } : undefined;
    return {
        empty: empty!,
        compiled: compiled!,
        source: source!,
        ratio: compiled!.median / empty!.median,
        roundRatio: median(compiled!.all.map((ms, round) => ms / empty!.all[round]!)),
        cpu: cpuMedians && { ...cpuMedians, ratio: cpuMedians.compiled / cpuMedians.empty },
    };
}
