// An invoke neither the mocks nor the caller's --invoke-results answer: a limit of the offline
// plan (the real provider would answer it), named with its arguments and how to supply a result.
import { PlanLimitError } from "../errors";
import { INVOKE_RESULTS_SHAPE } from "./invokeResults";
import { canonicalJson } from "./invokes/types";

export interface UnansweredInvoke {
    token: string;
    args: Record<string, unknown>;
    /** Set when --invoke-results has entries for the token but none matched these arguments. */
    suppliedButUnmatched?: boolean;
}

const MAX_ARGS = 200;

/** `aws:ec2/getAmi:getAmi({"owners":["amazon"],…})`, arguments cut to a readable length. */
export function describeCall(call: UnansweredInvoke): string {
    const args = canonicalJson(call.args);
    return `${call.token}(${args.length > MAX_ARGS ? `${args.slice(0, MAX_ARGS)}…` : args})`;
}

export function unansweredMessage(calls: readonly UnansweredInvoke[]): string {
    const lines = calls.map((c) => `  ${describeCall(c)}${c.suppliedButUnmatched ? " (--invoke-results has entries for it, but none whose args match)" : ""}`);
    return [
        `no answer for ${calls.length === 1 ? "this invoke" : `these ${calls.length} invokes`} (the offline plan has no mock for ${calls.length === 1 ? "it" : "them"}; a real deployment asks AWS):`,
        ...lines,
        `Supply the result with --invoke-results <file>, a JSON file: ${INVOKE_RESULTS_SHAPE}.`,
    ].join("\n");
}

/**
 * A run with an invoke no one answered ends in a limit of the plan naming each call: the program
 * may have failed on it (the SDK can lose the error's text) or carried on with what it caught.
 */
export function raiseUnanswered(mocks: { unanswered(): readonly UnansweredInvoke[] }): void {
    const calls = mocks.unanswered();
    if (calls.length > 0) throw new PlanLimitError(unansweredMessage(calls));
}
