import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { ROOT } from "./mocks";

/** A policy config file as written. */
export const readPolicyConfig = (file: string): PolicyPackConfig => JSON.parse(readFileSync(file, "utf8")) as PolicyPackConfig;

/** A temporary policy config file: the shipped `<stack>.json` with `overrides` on top. */
export function policyConfigWith(stack: string, overrides: Record<string, unknown>): string {
    const shipped = JSON.parse(readFileSync(join(ROOT, "policy", "config", `${stack}.json`), "utf8")) as Record<string, unknown>;
    return writeTemp(`${stack}.json`, JSON.stringify({ ...shipped, ...overrides }));
}

/** A file with `content` in a fresh temporary directory. */
export function writeTemp(name: string, content: string): string {
    const file = join(mkdtempSync(join(tmpdir(), "plan-test-")), name);
    writeFileSync(file, content);
    return file;
}
