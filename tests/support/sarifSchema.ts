// The official SARIF 2.1.0 JSON schema (as shipped in @microsoft/jest-sarif: sarif-2.1.0-rtm.5, a
// draft-04 schema) compiled by Ajv. The schema's one language-tag pattern is not a valid Unicode
// regular expression, so patterns are compiled without the `u` flag, as draft-04 validators do.
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import type { Log } from "sarif";

const SCHEMA = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;

let validate: ReturnType<Ajv["compile"]> | undefined;

/** The schema's errors for a log (empty when it is valid SARIF 2.1.0). */
export function sarifErrors(log: Log | unknown): string[] {
    if (!validate) {
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        validate = ajv.compile(SCHEMA);
    }
    return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
