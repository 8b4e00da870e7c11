// One policy pack server for the whole test run (starting one takes about a second): started on
// first use, closed by a root-level `after` hook registered when a spec file first imports this.
import { join } from "node:path";
import { PolicyAnalyzer } from "../../plan/analyzer/client";

const PACK_DIR = join(__dirname, "..", "..", "policy");

let shared: Promise<PolicyAnalyzer> | undefined;

/** The run's pack server (this project's pack). */
export function sharedAnalyzer(): Promise<PolicyAnalyzer> {
    shared ??= PolicyAnalyzer.start({ packDir: PACK_DIR });
    return shared;
}

async function closeShared(): Promise<void> {
    const running = shared;
    shared = undefined;
    if (running) await (await running.catch(() => undefined))?.close();
}

// Imported while mocha loads spec files, outside any describe: this hook belongs to the root suite.
if (typeof after === "function") after(closeShared);
