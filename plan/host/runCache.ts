// Runs of --program kept for reuse by one process that plans the same program several times (the
// test suite; a script comparing outputs of one program). A phase's run depends only on the
// program's files, its stack config, the phase, the invoke answers and the time bound, so the same
// inputs give back the first run, with what the program printed, or its failure.
import { createHash } from "node:crypto";
import type { Phase } from "../runProgram";
import type { ProgramSource } from "../programRun";
import { filesUnder, hashFiles } from "../sourceFiles";
import type { HostOptions, HostedRun } from "./hostedRun";

export class ProgramRunCache {
    private readonly runs = new Map<string, Promise<HostedRun>>();
    /** Runs given back instead of started. */
    reused = 0;

    /** The kept run for these inputs, or `start()`'s, kept; `reused` says which. */
    run(program: Pick<ProgramSource, "dir" | "entry" | "stack">, phase: Phase, options: HostOptions, start: () => Promise<HostedRun>) {
        const key = runKey(program, phase, options);
        const kept = this.runs.get(key);
        if (kept) {
            this.reused++;
            return { run: kept, reused: true };
        }
        const run = start();
        this.runs.set(key, run);
        return { run, reused: false };
    }
}

function runKey(program: Pick<ProgramSource, "dir" | "entry" | "stack">, phase: Phase, options: HostOptions): string {
    const hash = createHash("sha256");
    hash.update(JSON.stringify([program.dir, program.entry, program.stack, phase, options.invokeResults ?? null, options.timeoutSeconds ?? null]));
    return hashFiles(hash, program.dir, filesUnder(program.dir)).digest("hex");
}
