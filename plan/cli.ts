// npm run plan -- [options]: arguments, the plan, its rendering, and exit codes.
// Exit: 0 the gate passes, 1 mandatory violations at the gate phase or values AWS would reject,
// 2 the user's error (usage, files, settings, policy config, a failing program), 3 a limit of the
// offline plan (an invoke it cannot answer, a feature it does not serve, a program past the time
// bound) or a bug (in the plan or a policy pack), 4 incomplete: a component's children went unjudged (outcome.ts).
import { resolve } from "node:path";
import type { PolicyAnalyzer } from "./analyzer/client";
import type { ProgramRunCache } from "./host/runCache";
import { USAGE, UsageError, parseCliArgs } from "./cliArgs";
import { PlanLimitError, isUserError } from "./errors";
import { buildPlan } from "./plan";
import { exitCodeOf } from "./outcome";
import { renderQuiet, renderText } from "./render";
import { renderJson } from "./renderJson";
import { writeBaseline, writeSarif } from "./reportFiles";
import { applyBaseline, readBaseline } from "./baseline";

export interface Output {
    out(text: string): void;
    err(text: string): void;
}

export interface CliOptions {
    /** A running server of this project's pack to reuse (tests); not used with --policy-pack. */
    analyzer?: PolicyAnalyzer;
    /** Where relative paths start; default: where the user ran the command (npm's INIT_CWD). */
    cwd?: string;
    /** --program runs to reuse across calls in this process (tests). */
    programRuns?: ProgramRunCache;
}

/** Runs the CLI; returns the exit code. Nothing here exits the process (output must drain first). */
export async function runCli(argv: string[], root: string, io: Output, options: CliOptions = {}): Promise<number> {
    let debug = argv.includes("--debug");
    try {
        const args = parseCliArgs(argv);
        debug = args.debug;
        if (args.help) {
            io.out(USAGE);
            return 0;
        }
        // Relative paths are the user's: from where they ran `npm run` (INIT_CWD), not the project root npm moves to.
        const from = options.cwd ?? process.env.INIT_CWD ?? process.cwd();
        const path = (p: string | undefined) => (p === undefined ? undefined : resolve(from, p));
        const baselineFile = path(args.baseline);
        const baseline = baselineFile === undefined ? undefined : readBaseline(baselineFile);
        const built = await buildPlan({
            root,
            stack: args.stack ?? "dev",
            phases: args.phases,
            configOverrides: args.overrides,
            programDir: path(args.program),
            statePath: path(args.state),
            policyPackDir: path(args["policy-pack"]),
            policyConfigPath: path(args["policy-config"]),
            invokeResults: path(args["invoke-results"]),
            analyzer: args["policy-pack"] === undefined ? options.analyzer : undefined,
            acceptIncomplete: args["accept-incomplete"],
            timeoutSeconds: args.timeoutSeconds,
            programRuns: options.programRuns,
            keepStackTraces: debug,
            // A program's own output goes to stderr in text mode; in JSON it is the programOutput field.
            onProgramOutput: args.json ? undefined : (line) => io.err(line),
        });
        const plan = baseline ? applyBaseline(built, baseline, baselineFile!) : built;
        if (args["write-baseline"] !== undefined) writeBaseline(path(args["write-baseline"])!, plan);
        if (args.sarif !== undefined) writeSarif(path(args.sarif)!, plan, baseline);
        io.out(args.json ? renderJson(plan, root) : args.quiet ? renderQuiet(plan) : renderText(plan, root));
        return exitCodeOf(plan);
    } catch (e) {
        return reportError(e, debug, io, argv.includes("--json"));
    }
}

/** Prints what went wrong; with --json, stdout still carries one JSON document (the outcome and the message). */
function reportError(e: unknown, debug: boolean, io: Output, json: boolean): number {
    const { code, outcome, text } = describeError(e instanceof Error ? e : new Error(String(e)), debug);
    io.err(text);
    if (json) io.out(JSON.stringify({ result: outcome, exitCode: code, message: text.split("\n")[0] }, null, 2));
    return code;
}

function describeError(error: Error, debug: boolean): { code: number; outcome: "error" | "limit" | "bug"; text: string } {
    const stack = debug ? `\n${stackOf(error)}` : "";
    if (error instanceof UsageError) return { code: 2, outcome: "error", text: `error: ${error.message}\n${USAGE}` };
    if (isUserError(error)) return { code: 2, outcome: "error", text: `error: ${error.message}${stack}` };
    if (error instanceof PlanLimitError)
        return {
            code: 3,
            outcome: "limit",
            text: `limit of the offline plan: ${error.message}\nThis is a limit of the offline plan, not an error in your program or input.${stack}`,
        };
    const text = [
        `internal error: ${error.message}`,
        "This is a bug in the offline plan or in the policy pack, not in your input. Please report it with the output of --debug.",
        debug ? stackOf(error) : "(run again with --debug for the stack trace)",
    ].join("\n");
    return { code: 3, outcome: "bug", text };
}

/** The stack, and the stacks of the errors it wraps. */
function stackOf(error: Error): string {
    const parts = [error.stack ?? String(error)];
    for (let cause = error.cause, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++)
        parts.push(`caused by: ${cause.stack ?? cause.message}`);
    return parts.join("\n");
}
