// The plan's command line: options, usage, and what is wrong with a command. Light (node:util
// only), so scripts/plan.ts can read the arguments and start the policy pack before the rest loads.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError, parseStrict } from "./strictArgs";
import type { PlanPhase } from "./verdicts";

export { UsageError };

export const USAGE = `usage: npm run plan -- [options]
  --stack <name>           stack to plan (Pulumi.<name>.yaml; default dev)
  --phase preview|up       evaluate one phase only (default: both; the exit code follows preview, the CI gate)
  --program <dir>          another Pulumi TypeScript program (its Pulumi.yaml and stack file)
  --state <file>           a \`pulumi stack export\` file instead of a program
  --policy-pack <dir>      another policy pack (default: this project's policy/)
  --policy-config <file>   policy config (default: policy/config/<stack>.json for this program)
  --config key=value       extra stack config, repeatable
  --invoke-results <file>  results for invokes (data sources) the offline plan cannot answer itself:
                           {"<token>": {<result>}} or {"<token>": [{"args": {<to match>}, "result": {<result>}}]}
  --timeout <seconds>      bound on each phase of a --program run (default 120)
  --json                   one JSON document on stdout
  --sarif <file>           also write the gate phase's findings as SARIF 2.1.0 (code scanning annotations)
  --write-baseline <file>  record today's findings (policy, URN, message) as the baseline
  --baseline <file>        fail only on mandatory findings not in this baseline; say how many known ones remain
  --quiet                  only the verdict and the violations of the gate phase
  --accept-incomplete      components the plan cannot see into (awsx, remote) are named but do not make the result incomplete
  --debug                  stack traces for errors

exit codes: 0 pass; 1 mandatory violations at the gate phase, or values AWS would reject;
  2 your error (a flag, file, setting, policy config, or the program's own error);
  3 a bug or a limit of the offline plan; 4 incomplete: a component was not judged (see --accept-incomplete)`;

const PHASES: readonly PlanPhase[] = ["preview", "up"];

export function parseCliArgs(argv: string[]) {
    const given = parseStrict(argv, {
        stack: { type: "string" },
        phase: { type: "string" },
        program: { type: "string" },
        state: { type: "string" },
        "policy-pack": { type: "string" },
        "policy-config": { type: "string" },
        config: { type: "string", multiple: true },
        "invoke-results": { type: "string" },
        timeout: { type: "string" },
        json: { type: "boolean" },
        sarif: { type: "string" },
        baseline: { type: "string" },
        "write-baseline": { type: "string" },
        quiet: { type: "boolean" },
        "accept-incomplete": { type: "boolean" },
        debug: { type: "boolean" },
        help: { type: "boolean" },
    });
    const args = {
        ...given,
        config: given.config ?? [],
        json: given.json ?? false,
        quiet: given.quiet ?? false,
        "accept-incomplete": given["accept-incomplete"] ?? false,
        debug: given.debug ?? false,
        help: given.help ?? false,
    };
    if (args.json && args.quiet) throw new UsageError("--json and --quiet cannot be combined: --json is one whole document");
    const phase = args.phase;
    if (phase !== undefined && !PHASES.includes(phase as PlanPhase)) throw new UsageError(`--phase ${phase} is not valid; allowed: preview, up`);
    if (args.baseline !== undefined && args["write-baseline"] !== undefined)
        throw new UsageError("--baseline cannot be combined with --write-baseline: write the baseline first, then plan against it");
    if (args.state !== undefined) {
        const given = (["program", "phase", "stack", "invoke-results", "timeout"] as const).filter((k) => args[k] !== undefined).map((k) => `--${k}`);
        const clash = [...given, ...(args.config.length > 0 ? ["--config"] : [])];
        if (clash.length > 0) throw new UsageError(`--state cannot be combined with ${clash.join(", ")}: a state is one deployed stack, with nothing unknown`);
    }
    const overrides: Record<string, string> = {};
    for (const pair of args.config) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new UsageError(`--config ${pair} is not valid; allowed: key=value`);
        overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return { ...args, phases: phase ? [phase as PlanPhase] : undefined, overrides, timeoutSeconds: timeoutSeconds(args.timeout) };
}

const MAX_TIMEOUT = 3600;

/** --timeout: whole seconds, 1 to an hour. */
function timeoutSeconds(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const seconds = /^[1-9][0-9]*$/.test(value) ? Number(value) : NaN;
    if (!(seconds <= MAX_TIMEOUT)) throw new UsageError(`--timeout ${value} is not valid; allowed: a whole number of seconds from 1 to ${MAX_TIMEOUT}`);
    return seconds;
}

/** The command's arguments, or undefined when its usage is bad (the CLI reports that once it has loaded). */
function argsOrUndefined(argv: string[]): ReturnType<typeof parseCliArgs> | undefined {
    try {
        return parseCliArgs(argv);
    } catch {
        return undefined;
    }
}

/** Whether the command asks only for the usage text (a command with bad usage gets its error instead). */
export const helpRequested = (argv: string[]): boolean => argsOrUndefined(argv)?.help ?? false;

/** The pack directory a command will use, or undefined when it will not start one (bad usage, --help). */
export function packDirFor(argv: string[], root: string): string | undefined {
    const args = argsOrUndefined(argv);
    if (args === undefined || args.help) return undefined;
    const dir = args["policy-pack"] === undefined ? join(root, "policy") : resolve(process.env.INIT_CWD ?? process.cwd(), args["policy-pack"]);
    return existsSync(dir) ? dir : undefined;
}
