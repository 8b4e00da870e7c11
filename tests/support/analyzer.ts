// One policy pack server per test process (starting one takes about a second): started on first
// use. Run serially, a root-level `after` hook closes it; in a parallel run's worker (which runs
// many spec files, each its own root suite) it lives until the worker exits.
import { join } from "node:path";
import { PolicyAnalyzer } from "../../plan/analyzer/client";

const PACK_DIR = join(__dirname, "..", "..", "policy");
const IN_PARALLEL_WORKER = process.env.MOCHA_WORKER_ID !== undefined;

let shared: Promise<PolicyAnalyzer> | undefined;
let sharedPid: number | undefined;

/** The run's pack server (this project's pack). */
export function sharedAnalyzer(): Promise<PolicyAnalyzer> {
    shared ??= PolicyAnalyzer.start({ packDir: PACK_DIR }).then((analyzer) => {
        sharedPid = analyzer.server.pid;
        return analyzer;
    });
    return shared;
}

async function closeShared(): Promise<void> {
    const running = shared;
    shared = undefined;
    sharedPid = undefined;
    if (running) await (await running.catch(() => undefined))?.close();
}

if (IN_PARALLEL_WORKER) {
    // A worker ends with process.exit: only synchronous work runs then.
    process.once("exit", () => {
        if (sharedPid !== undefined) process.kill(sharedPid);
    });
} else if (typeof after === "function") {
    // Imported while mocha loads spec files, outside any describe: this hook belongs to the root suite.
    after(closeShared);
}
