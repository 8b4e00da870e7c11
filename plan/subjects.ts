// What a plan judges: a program (this project's, in-process; another, in child processes) or a
// stack's exported state, with its records per phase produced on demand.
import { hostedSubject } from "./host/programHost";
import type { ProgramRunCache } from "./host/runCache";
import { readInvokeResults } from "./mocks/invokeResults";
import { ProgramSource, resolveProgram, runProgramSource } from "./programRun";
import { StackState, readStackState } from "./state";
import type { ResourceRecord } from "./types";
import type { PlanPhase } from "./verdicts";

export type PlanSource = { kind: "program"; dir: string; entry: string } | { kind: "state"; file: string };

/** PlanOptions' fields a program subject reads (plan.ts documents them). */
export interface ProgramSubjectOptions {
    root: string;
    stack: string;
    configOverrides?: Record<string, unknown>;
    programPath?: string;
    programDir?: string;
    phases?: PlanPhase[];
    invokeResults?: string;
    timeoutSeconds?: number;
    onProgramOutput?(line: string): void;
    programRuns?: ProgramRunCache;
}

export interface SubjectRun {
    resources: ResourceRecord[];
    outputs: Record<string, unknown>;
    /** The zones the mocks offered: a program's plan is checked against AWS limits. */
    zones?: string[];
}

export interface Subject {
    stack: string;
    project: string;
    region?: string;
    config: Record<string, string>;
    source: PlanSource;
    notes: string[];
    /** Values stay unknown even after up (a state's encrypted secrets). */
    unknownsAfterUp?: boolean;
    /** Records per phase, produced on demand (program runs happen while the pack starts). */
    run(phase: PlanPhase): Promise<SubjectRun>;
    /** Lines a program in a child process printed (each distinct one once). */
    output?: Set<string>;
}

export function programSubject(o: ProgramSubjectOptions): Subject {
    const program: ProgramSource = resolveProgram(o.programDir ?? o.root, o.stack, o.configOverrides, o.programPath);
    const invokeResults = o.invokeResults === undefined ? undefined : readInvokeResults(o.invokeResults);
    // Another program runs as the Pulumi CLI runs it, in a child process; this one in-process (fast).
    if (o.programDir !== undefined)
        return hostedSubject(program, {
            timeoutSeconds: o.timeoutSeconds,
            onOutput: o.onProgramOutput,
            phases: o.phases ?? ["preview", "up"],
            invokeResults,
            cache: o.programRuns,
        });
    return {
        stack: program.stack.stack,
        project: program.stack.project,
        region: program.stack.region,
        config: program.stack.config,
        source: { kind: "program", dir: program.dir, entry: program.entry },
        notes: [...(program.note ? [program.note] : []), ...(program.stack.notes ?? [])],
        run: async (phase) => {
            const run = await runProgramSource(program, phase, invokeResults);
            return { resources: run.resources, outputs: run.outputs, zones: run.mocks.zones() };
        },
    };
}

export function stateSubject(file: string): Subject {
    const state: StackState = readStackState(file);
    const notes =
        state.encryptedSecrets > 0
            ? [
                  `${state.encryptedSecrets} secret value(s) are encrypted in the export and unknown to policies; export with --show-secrets to let policies read them`,
              ]
            : [];
    return {
        stack: state.stack,
        project: state.project,
        config: {},
        source: { kind: "state", file },
        notes,
        unknownsAfterUp: state.encryptedSecrets > 0,
        run: () => Promise.resolve({ resources: state.resources, outputs: state.outputs }),
    };
}
