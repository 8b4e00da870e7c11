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

/** The program a plan runs and how it runs it (plan.ts's PlanOptions extend these). */
export interface ProgramSubjectOptions {
    /** This project: its policy/ pack and policy/config/<stack>.json. */
    root: string;
    stack: string;
    /** Extra stack config (e.g. a bad variant in tests). */
    configOverrides?: Record<string, unknown>;
    /** Another entry for this project's program (a variant). */
    programPath?: string;
    /** Another Pulumi program's directory (--program). */
    programDir?: string;
    /** Phases to evaluate; both by default. A state has one: it is what `up` left. */
    phases?: PlanPhase[];
    /** A JSON file of invoke results (--invoke-results) the mocks answer with, over their own. */
    invokeResults?: string;
    /** Bound on one phase of a --program run, in seconds (default: host/programHost.ts). */
    timeoutSeconds?: number;
    /** Each distinct line a --program run prints (its stdout and stderr), as it prints it. */
    onProgramOutput?(line: string): void;
    /** --program runs to reuse when the same program, config and phase run again in this process (tests). */
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
