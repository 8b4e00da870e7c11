// What CI needs to know about a stack without running it: its profile, region and policy config.
// Read straight from Pulumi.<stack>.yaml (secrets and all), so it works for any stack file.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { policyConfigPath, profileOf } from "./policyConfigPath";
import { StackConfigError, readProjectName } from "./stackConfig";
import type { Profile } from "../settings/profiles";

export interface StackInfo {
    stack: string;
    profile: Profile;
    /** aws:region from the stack file ("us-east-1" when unset, as the plan assumes). */
    region: string;
    /** Relative to the project root, with forward slashes (a CLI argument). */
    policyConfig: string;
    policyConfigSource: "stack" | "profile";
}

/** Stacks with a Pulumi.<stack>.yaml in the project root, sorted. */
export function listStacks(root: string): string[] {
    return readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

export function stackInfo(root: string, stack: string): StackInfo {
    const file = join(root, `Pulumi.${stack}.yaml`);
    if (!existsSync(file)) throw new StackConfigError(`stack '${stack}' has no Pulumi.${stack}.yaml; allowed: ${listStacks(root).join(", ")}`);
    const project = readProjectName(root);
    const config = ((parse(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {}) as Record<string, unknown>;
    const text = (key: string) => {
        const value = config[key];
        return typeof value === "string" ? value : undefined;
    };
    const profile = profileOf(stack, text(`${project}:profile`) ?? text("profile"));
    const resolved = policyConfigPath(root, stack, profile);
    return {
        stack,
        profile,
        region: text("aws:region") ?? "us-east-1",
        policyConfig: relative(root, resolved.path).split("\\").join("/"),
        policyConfigSource: resolved.source,
    };
}
