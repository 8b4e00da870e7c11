// How long the Pulumi CLI waits for the pack: each pack started by its own
// @pulumi/pulumi/cmd/run-policy-pack, from spawn to the printed gRPC port. The floor is an empty
// JavaScript pack; ours is the compiled pack (package.json's main), built now by its own build
// script; the TypeScript source through the same runner (ts-node with type checking) is the reference.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { spawnPack } from "../../plan/analyzer/spawn";
import { Timed, takingTurns } from "./timing";

export interface PackStarts {
    empty: Timed;
    compiled: Timed;
    /** The TypeScript source (`index.ts`) through the same runner, fewer runs: it is slow. */
    source: Timed;
    ratio: number;
}

/** The ratio the pack's start may reach against the empty pack's. */
export const START_RATIO_LIMIT = 1.25;

async function startOnce(packDir: string, entry?: string): Promise<number> {
    const pack = await spawnPack({ mode: "cli", packDir, entry });
    await pack.stop();
    return pack.startMs;
}

export async function packStarts(root: string, runs: number, sourceRuns: number): Promise<PackStarts> {
    const packDir = join(root, "policy");
    const emptyDir = join(root, "tests", "fixtures", "packs", "empty-js");
    execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "build"], { cwd: packDir, stdio: ["ignore", "ignore", "inherit"] });
    const [empty, compiled] = await takingTurns(runs, [() => startOnce(emptyDir), () => startOnce(packDir)]);
    const [source] = await takingTurns(sourceRuns, [() => startOnce(packDir, "index.ts")]);
    return { empty: empty!, compiled: compiled!, source: source!, ratio: compiled!.median / empty!.median };
}
