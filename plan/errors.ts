// Who must act on an error decides how the CLI reports it. The user's errors (a bad flag, file,
// setting or policy config, a program that fails) print their message and exit 2; a limit of the
// offline plan (something only a real deployment knows) prints its message and exit 3; anything
// else is a bug in the plan or in a policy pack: the CLI says so, and prints the stack under --debug.
import { relative, isAbsolute } from "node:path";

/** An error the user fixes: its message says what, where and what is allowed. */
export class UserError extends Error {
    override name = "UserError";
}

/** A file that is missing, unreadable or malformed; the message starts with the file. */
export class FileError extends UserError {
    override name = "FileError";
    constructor(
        readonly file: string,
        problem: string,
        options?: ErrorOptions,
    ) {
        super(`${shownPath(file)}: ${problem}`, options);
    }
}

/** The program under mocks threw: its message, the program named, its stack under --debug. */
export class ProgramError extends UserError {
    override name = "ProgramError";
}

/**
 * What the offline plan cannot do for a valid program (answer an invoke it has no mock for, serve a
 * protocol feature, finish a program in time): not the user's mistake and not a bug; exit 3, and
 * the message says how to get past it where there is a way.
 */
export class PlanLimitError extends Error {
    override name = "PlanLimitError";
}

/** Errors of other modules that are the user's to fix (settings, Pulumi's RunError), by name. */
const USER_ERROR_NAMES = new Set(["SettingsError", "RunError", "StackConfigError", "PolicyConfigError"]);

const isUserErrorItself = (e: unknown) =>
    e instanceof UserError || (e instanceof Error && (USER_ERROR_NAMES.has(e.name) || USER_ERROR_NAMES.has(e.constructor.name)));

/** Whether the user can fix `e`: it, or an error it wraps, is one of theirs. */
export function isUserError(e: unknown): boolean {
    for (let cause: unknown = e, depth = 0; cause !== undefined && depth < 10; cause = (cause as { cause?: unknown }).cause, depth++) {
        if (isUserErrorItself(cause)) return true;
        if (!(cause instanceof Error)) return false;
    }
    return false;
}

/** A path as the user typed it or relative to where they are, whichever is shorter. */
export function shownPath(path: string): string {
    const fromHere = relative(process.cwd(), path);
    return fromHere === "" ? "." : !fromHere.startsWith("..") && !isAbsolute(fromHere) ? fromHere : path;
}
