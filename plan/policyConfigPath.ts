// Which policy config a stack is judged by: its profile's (policy/config/<profile>.json), unless
// the stack has its own (policy/config/stacks/<stack>.json). Profiles, not names: a new stack
// needs no new policy file, and a stack named like a profile cannot pick up another profile's.
// The plan and CI (through scripts/stackInfo.ts) resolve it here, the same way.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { PROFILES, Profile } from "../settings/profiles";
import type { StackConfig } from "./stackConfig";

export class PolicyConfigError extends Error {}

export interface PolicyConfigPath {
    path: string;
    /** "stack": the stack's own file; "profile": its profile's. */
    source: "stack" | "profile";
}

const isProfile = (value: string): value is Profile => (PROFILES as readonly string[]).includes(value);

/** The stack's profile: the `profile` setting, or the stack name when it is a profile's name. */
export function profileOf(stack: string, configured: string | undefined): Profile {
    if (configured === undefined) {
        if (isProfile(stack)) return stack;
        throw new PolicyConfigError(`profile is not set for stack '${stack}'; allowed: ${PROFILES.join(", ")} (set it with: pulumi config set profile dev)`);
    }
    if (!isProfile(configured)) throw new PolicyConfigError(`profile=${configured} is not valid; allowed: ${PROFILES.join(", ")}`);
    return configured;
}

export function policyConfigPath(root: string, stack: string, profile: Profile): PolicyConfigPath {
    const own = join(root, "policy", "config", "stacks", `${stack}.json`);
    if (existsSync(own)) return { path: own, source: "stack" };
    const byProfile = join(root, "policy", "config", `${profile}.json`);
    if (!existsSync(byProfile)) throw new PolicyConfigError(`policy config for profile ${profile} not found: ${relative(root, byProfile)}`);
    return { path: byProfile, source: "profile" };
}

/** The policy config of a loaded stack (see loadStackConfig). */
export function resolvePolicyConfigPath(root: string, stack: Pick<StackConfig, "project" | "stack" | "config">): PolicyConfigPath {
    return policyConfigPath(root, stack.stack, profileOf(stack.stack, stack.config[`${stack.project}:profile`]));
}
