// What deferring the SDK's rarely used packages saves a program's process (plan/host/loader/
// deferredModules.js): a fresh Node 22 loads the SDK as the run script does (its index, its tracing
// module) and @pulumi/aws, with the deferral preloaded and without; each run reports its own load time.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { node22 } from "../../plan/analyzer/node22";
import { DEFER_SDK } from "../../plan/analyzer/spawn";
import { Timed, takingTurns } from "./timing";

export interface SdkLoads {
    whole: Timed;
    deferred: Timed;
    ratio: number;
}

const SDK_DIR = dirname(require.resolve("@pulumi/pulumi/package.json"));
const LOAD = `const t = performance.now();
require(${JSON.stringify(SDK_DIR)});
require(${JSON.stringify(join(SDK_DIR, "cmd", "run", "tracing.js"))});
require(${JSON.stringify(require.resolve("@pulumi/aws"))});
process.stdout.write(String(performance.now() - t));`;

function loadOnce(node: string, preload: string[]): number {
    const run = spawnSync(node, [...preload, "-e", LOAD], { encoding: "utf8" });
    const ms = Number(run.stdout);
    if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`loading the SDK failed (exit ${run.status}): ${run.stderr}`);
    return ms;
}

export async function sdkLoads(runs: number): Promise<SdkLoads> {
    const node = await node22();
    const [whole, deferred] = await takingTurns(runs, [() => loadOnce(node, []), () => loadOnce(node, ["-r", DEFER_SDK])]);
    return { whole: whole!, deferred: deferred!, ratio: deferred!.median / whole!.median };
}
