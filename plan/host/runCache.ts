// Runs of --program kept for reuse by one process that plans the same program several times (the
// test suite; a script comparing outputs of one program). A phase's run depends only on the
// program's files, its stack config, the phase, the invoke answers and the time bound, so the same
// inputs give back the first run, with what the program printed, or its failure.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Phase } from "../runProgram";
import type { ProgramSource } from "../programRun";
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
    for (const file of programFiles(program.dir)) hash.update(`\0${file}\0`).update(readFileSync(file));
    return hash.digest("hex");
}

/** The program's own files: installed packages and dot-folders (VCS, caches) are not its source. */
function programFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.name !== "node_modules" && !e.name.startsWith("."))
        .flatMap((e) => (e.isDirectory() ? programFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
        .sort();
}
