import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPolicyConfig } from "../../plan/plan";
import { ROOT } from "./mocks";

/** A temporary policy config file: the shipped `<stack>.json` with `overrides` on top. */
export function policyConfigWith(stack: string, overrides: Record<string, unknown>): string {
    const file = join(mkdtempSync(join(tmpdir(), "policy-config-")), `${stack}.json`);
    writeFileSync(file, JSON.stringify({ ...readPolicyConfig(join(ROOT, "policy", "config", `${stack}.json`)), ...overrides }));
    return file;
}
