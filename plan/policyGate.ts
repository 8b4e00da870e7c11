// The pack's server and the policy config sent to it, with the user's mistakes reported as theirs:
// a missing pack directory, a config file that is missing, malformed, not an object, or that names
// unknown policies, levels or settings (the file, the key and what is allowed).
import { join } from "node:path";
import { PolicyAnalyzer } from "./analyzer/client";
import { packModeFor } from "./analyzer/spawn";
import { parsePolicyConfig, resolvePolicyConfig } from "./analyzer/policyConfig";
import type { PackInfo, ResolvedPolicyConfig } from "./analyzer/types";
import { FileError, UserError, shownPath } from "./errors";
import { readTextFile, requireDirectory } from "./files";

export class PolicyConfigError extends UserError {
    override name = "PolicyConfigError";
}

export async function openPolicyAnalyzer(packDir: string): Promise<PolicyAnalyzer> {
    requireDirectory(packDir, "policy pack directory");
    readTextFile(join(packDir, "PulumiPolicy.yaml"), "policy pack (PulumiPolicy.yaml)");
    return PolicyAnalyzer.start({ packDir, mode: packModeFor(packDir) });
}

/** The user's policy config file as written (an empty object when there is none). */
export function readPolicyConfigFile(file: string | undefined): Record<string, unknown> {
    if (file === undefined) return {};
    const text = readTextFile(file, "policy config");
    try {
        return parsePolicyConfig(text, shownPath(file));
    } catch (e) {
        throw new FileError(file, (e as Error).message.replace(`${shownPath(file)}: `, ""), { cause: e });
    }
}

/** The config Configure receives: the file's settings resolved against the pack's policies. */
export function resolveConfig(info: PackInfo, raw: Record<string, unknown>, file: string | undefined): ResolvedPolicyConfig {
    try {
        return resolvePolicyConfig(info, raw, file === undefined ? "(pack defaults)" : shownPath(file));
    } catch (e) {
        throw new PolicyConfigError((e as Error).message, { cause: e });
    }
}
