// Answers the caller supplies for invokes (--invoke-results <file>): a JSON object from invoke
// token to its result, or to a list of { args, result } entries, the first whose args are a
// subset of the call's arguments answering. They win over the mocks' own answers.
import { readFileSync } from "node:fs";
import { FileError } from "../errors";
import { canonicalJson } from "./invokes/types";

export interface InvokeResultEntry {
    /** The arguments that must match (a subset of the call's); none: any call. */
    args?: Record<string, unknown>;
    result: Record<string, unknown>;
}

export type InvokeResults = Record<string, InvokeResultEntry[]>;

export const INVOKE_RESULTS_SHAPE =
    '{ "<invoke token>": { <result> } } or { "<invoke token>": [{ "args": { <arguments to match> }, "result": { <result> } }] }';

const TOKEN = /^[\w-]+:[\w/.-]*:\w+$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function entriesOf(file: string, token: string, value: unknown): InvokeResultEntry[] {
    if (isObject(value)) return [{ result: value }];
    if (!Array.isArray(value))
        throw new FileError(file, `key "${token}": ${JSON.stringify(value)} is not valid; allowed: a result object or a list of { "args", "result" } entries`);
    return value.map((entry: unknown, i) => {
        const where = `key "${token}", entry ${i}`;
        if (!isObject(entry)) throw new FileError(file, `${where}: ${JSON.stringify(entry)} is not valid; allowed: { "args": {…}, "result": {…} }`);
        const extra = Object.keys(entry).filter((k) => k !== "args" && k !== "result");
        if (extra.length > 0) throw new FileError(file, `${where}: unknown field ${extra.map((k) => `"${k}"`).join(", ")}; allowed: "args", "result"`);
        if (!isObject(entry.result))
            throw new FileError(file, `${where}: "result" must be an object (the invoke's outputs), got ${JSON.stringify(entry.result)}`);
        if (entry.args !== undefined && !isObject(entry.args))
            throw new FileError(file, `${where}: "args" must be an object (arguments to match), got ${JSON.stringify(entry.args)}`);
        return { args: entry.args as Record<string, unknown> | undefined, result: entry.result };
    });
}

/** Reads and checks the file; errors name the file, the key and what is allowed. */
export function readInvokeResults(file: string): InvokeResults {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch (e) {
        throw new FileError(file, `cannot read the invoke results: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (e) {
        throw new FileError(file, `not valid JSON (${(e as Error).message}); allowed: ${INVOKE_RESULTS_SHAPE}`);
    }
    if (!isObject(value)) throw new FileError(file, `must be a JSON object; allowed: ${INVOKE_RESULTS_SHAPE}`);
    const results: InvokeResults = {};
    for (const [token, answer] of Object.entries(value)) {
        if (!TOKEN.test(token))
            throw new FileError(
                file,
                `key "${token}" is not an invoke token; allowed: tokens such as "aws:ec2/getAmi:getAmi" (the error naming an unanswered invoke gives its token)`,
            );
        results[token] = entriesOf(file, token, answer);
    }
    return results;
}

/** Does `given` hold every value of `wanted` (objects compared key by key, other values exactly)? */
function matches(wanted: unknown, given: unknown): boolean {
    if (isObject(wanted)) return isObject(given) && Object.entries(wanted).every(([k, v]) => matches(v, given[k]));
    return canonicalJson(wanted) === canonicalJson(given);
}

/** The supplied result for this call, if an entry matches it. */
export function suppliedResult(results: InvokeResults | undefined, token: string, args: Record<string, unknown>): Record<string, unknown> | undefined {
    return results?.[token]?.find((entry) => entry.args === undefined || matches(entry.args, args))?.result;
}
