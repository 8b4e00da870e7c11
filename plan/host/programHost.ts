// One phase of another program (--program), run as the Pulumi CLI runs it: this process plays the
// engine (monitorServer.ts) and the program runs in a child process (childProgram.ts), judged by
// childOutcome.ts. The records are those of the in-process run: the root stack resource is left
// out (its outputs are the stack outputs) and its children are top-level resources.
import * as pulumi from "@pulumi/pulumi";
import { AwsMocks } from "../awsMocks";
import { shownPath } from "../errors";
import { Phase, RecordingMonitor, providerDefaultTags } from "../runProgram";
import { raiseUnanswered } from "../mocks/unanswered";
import type { ProgramSource } from "../programRun";
import { judgeChild } from "./childOutcome";
import { runChild } from "./childProgram";
import { STACK_TYPE, startMonitorServer } from "./monitorServer";
import type { HostOptions, HostedRun } from "./hostedRun";
import type { ProgramRunCache } from "./runCache";
import { readRuntimeOptions } from "./runtimeOptions";

export type { HostOptions, HostedRun } from "./hostedRun";

/** The default bound on one phase of a program run, in seconds (--timeout). */
export const DEFAULT_TIMEOUT_SECONDS = 120;

export async function runHosted(program: Pick<ProgramSource, "dir" | "entry" | "stack">, phase: Phase, options: HostOptions = {}): Promise<HostedRun> {
    const runtime = readRuntimeOptions(program.dir);
    const mocks = new AwsMocks(program.stack.region, undefined, phase, {
        invokeResults: options.invokeResults,
        defaultTags: providerDefaultTags(program.stack.config),
    });
    const monitor = new RecordingMonitor(mocks);
    // This process's SDK decodes what the child sends, for the program's stack and project. As at a
    // preview, an unknown it receives stays unknown; after up none is sent, so phases can run at once.
    pulumi.runtime.setMockOptions(monitor, program.stack.project, program.stack.stack, true);
    const server = await startMonitorServer(monitor);
    const seen = options.seen ?? new Set<string>();
    const output: string[] = [];
    try {
        const exit = await runChild({
            dir: program.dir,
            entry: program.entry,
            stack: program.stack,
            preview: phase === "preview",
            runtime,
            timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
            server,
            onLine: (line) => {
                output.push(line);
                if (seen.has(line)) return;
                seen.add(line);
                options.onOutput?.(line);
            },
        });
        try {
            judgeChild(exit, server, shownPath(program.entry), phase);
        } catch (e) {
            // An invoke the mocks could not answer is why the program failed, if it did.
            raiseUnanswered(mocks);
            throw e;
        }
        // A run without an invoke's answer was not judged honestly, even if the program caught the failure.
        raiseUnanswered(mocks);
    } finally {
        await server.close();
    }
    const all = monitor.finish();
    const stack = all.find((r) => r.urn === server.rootUrn() || (r.type === STACK_TYPE && !r.parent));
    const resources = all.filter((r) => r !== stack);
    return { resources, mocks, outputs: stack?.outputs ?? {}, output };
}

/**
 * A --program subject for the plan (plan.ts's Subject): its phases run in child processes, all of
 * them started when the first is asked for (they are independent, and each waits on its child).
 */
export function hostedSubject(program: ProgramSource, options: Omit<HostOptions, "seen"> & { phases?: Phase[]; cache?: ProgramRunCache }) {
    const seen = new Set<string>();
    const runs = new Map<Phase, Promise<HostedRun>>();
    const start = (phase: Phase) => {
        const fresh = () => runHosted(program, phase, { ...options, seen });
        const kept = options.cache?.run(program, phase, options, fresh);
        const run = kept?.reused ? kept.run.then((r) => replayOutput(r, seen, options.onOutput)) : (kept?.run ?? fresh());
        run.catch(() => undefined); // awaited when its phase is asked for
        runs.set(phase, run);
        return run;
    };
    return {
        stack: program.stack.stack,
        project: program.stack.project,
        region: program.stack.region,
        config: program.stack.config,
        source: { kind: "program" as const, dir: program.dir, entry: program.entry },
        notes: [...(program.note ? [program.note] : []), ...(program.stack.notes ?? [])],
        output: seen,
        run: async (phase: Phase) => {
            if (runs.size === 0) for (const other of options.phases ?? []) start(other);
            const run = await (runs.get(phase) ?? start(phase));
            return { resources: run.resources, outputs: run.outputs, zones: run.mocks.zones() };
        },
    };
}

/** A reused run's printed lines, passed on as a fresh run passes them: each distinct line once. */
function replayOutput(run: HostedRun, seen: Set<string>, onOutput: HostOptions["onOutput"]): HostedRun {
    for (const line of run.output) {
        if (seen.has(line)) continue;
        seen.add(line);
        onOutput?.(line);
    }
    return run;
}
