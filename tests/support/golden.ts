// Golden files: committed expected output, compared byte for byte. `UPDATE_GOLDEN=1 npm run mocha`
// rewrites them, so a change in output shows up in review as a diff of the golden file.
import { strict as assert } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { ROOT } from "./mocks";

/**
 * Golden files pin behaviour, not how many policies the pack has: "The other 58 policies pass"
 * is kept as "The other N policies pass", so a new rule changes no plan golden file.
 */
export const withoutPolicyCounts = (text: string) => text.replace(/\b(All|The other) \d+ (policies pass|policy passes)/g, "$1 N policies pass");

export function assertGolden(path: string, actual: string): void {
    if (process.env.UPDATE_GOLDEN === "1") {
        writeFileSync(path, actual);
        return;
    }
    const name = relative(ROOT, path);
    assert.ok(existsSync(path), `${name} is missing; run UPDATE_GOLDEN=1 npm run mocha to create it`);
    assert.equal(actual, readFileSync(path, "utf8"), `${name} differs from the output; if the change is intended, run UPDATE_GOLDEN=1 npm run mocha`);
}
