// What a program's child run came to, and whose it is to fix: the program's own error (exit 2,
// its message), or a limit of the offline plan (exit 3): a feature the plan does not serve, a
// mock that could not answer, a run past the time bound (naming what it waited for).
import { join } from "node:path";
import { ProgramError, PlanLimitError, isUserError } from "../errors";
import type { Diagnostic, MonitorServer } from "./monitorServer";

/** Marks the line in which the child's preload reports the registrations its SDK waits for. */
export const PENDING_MARKER = "\u0001offline-plan-pending ";

export interface TimedOut {
    seconds: number;
    /** Requests the plan's monitor had received and not answered. */
    monitorPending: string[];
    /** Registrations the program's SDK was still preparing (inputs not resolved). */
    programPending: string[];
}

export interface ChildExit {
    code: number | null;
    signal: NodeJS.Signals | null;
    /** The last lines the program printed (stdout and stderr interleaved). */
    lines: string[];
    /** Set when the bound ran out. */
    timedOut?: TimedOut;
}

/** The SDK's header before an uncaught error, and the stack frames after its message. */
const UNCAUGHT = /^Running program '[^']*' failed with an unhandled exception:\n/;
const FRAME = /^\s+at /;

/** An uncaught error as the SDK logs it, reduced to its message (the stack is kept for --debug). */
export function errorMessage(logged: string): string {
    const body = logged.replace(UNCAUGHT, "");
    const lines = body.split("\n");
    const end = lines.findIndex((line) => FRAME.test(line));
    const message = (end < 0 ? lines : lines.slice(0, end)).join("\n").trim();
    return message.replace(/^Error: /, "");
}

/** Where the plan's own code in the child lives: an error raised there is the plan's bug. */
const LOADER_DIR = join(__dirname, "loader");

/** Whether an uncaught error as logged was raised in the plan's loader (its first stack frame). */
const raisedByLoader = (logged: string) =>
    logged
        .split("\n")
        .find((line) => FRAME.test(line))
        ?.includes(LOADER_DIR) ?? false;

const list = (items: string[]) => items.slice(0, 10).join("; ") + (items.length > 10 ? `; and ${items.length - 10} more` : "");

function timeoutMessage(t: TimedOut, program: string, phase: string): string {
    const waited =
        t.monitorPending.length > 0
            ? `it waited for the plan to answer ${list(t.monitorPending)}`
            : t.programPending.length > 0
              ? `the program itself did not finish: its resources ${list(t.programPending)} still waited for input values`
              : "the program itself did not finish (no request to the plan was open: it waits on something of its own, such as a timer or a network call)";
    return `the program ${program} did not finish at ${phase} within ${t.seconds} s and was stopped: ${waited}. Raise the bound with --timeout <seconds> if it only needs longer.`;
}

/** Throws the error the run ended in, if any; `program` is the entry as shown to the user. */
export function judgeChild(exit: ChildExit, server: MonitorServer, program: string, phase: string): void {
    if (exit.timedOut) throw new PlanLimitError(timeoutMessage(exit.timedOut, program, phase));
    const where = `the program ${program} failed at ${phase}`;
    if (server.limits.length > 0) throw new PlanLimitError(`${where}: ${server.limits[0]}`);
    if (exit.code === 0) return;
    // A failure the monitor answered with comes first: the program only reports it again.
    const failure = server.failures.find((e) => !/UNIMPLEMENTED/.test(e.message));
    if (failure) {
        if (isUserError(failure)) throw new ProgramError(`${where}: ${failure.message}`, { cause: failure });
        throw new PlanLimitError(`${where}: ${failure.message}`, { cause: failure });
    }
    const errors = server.diagnostics.filter((d: Diagnostic) => d.severity === "error").map((d) => d.message);
    const ours = errors.find(raisedByLoader);
    if (ours) throw Object.assign(new Error(`the offline plan's program loader failed at ${phase}: ${errorMessage(ours)}`), { stack: ours });
    if (errors.length > 0) {
        const cause = Object.assign(new Error(errorMessage(errors[0]!)), { stack: errors.join("\n") });
        throw new ProgramError(`${where}: ${[...new Set(errors.map(errorMessage))].join("\n")}`, { cause });
    }
    const printed = exit.lines.filter((line) => line.trim() !== "").slice(-20);
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    throw new ProgramError(`${where}: the program ${how}${printed.length > 0 ? `:\n${printed.join("\n")}` : " and printed nothing"}`);
}
