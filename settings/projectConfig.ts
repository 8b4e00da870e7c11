import * as pulumi from "@pulumi/pulumi";
import type { RawConfig } from "./configReader";

/** One namespace's config keys (namespace stripped), as the raw strings Pulumi holds: this project's by default, or e.g. "aws". */
export function projectConfig(namespace = pulumi.getProject()): RawConfig {
    const prefix = `${namespace}:`;
    return Object.fromEntries(
        Object.entries(pulumi.runtime.allConfig())
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), value]),
    );
}

/** Keys of one namespace (namespace stripped) whose values are secrets: the language host lists them in PULUMI_CONFIG_SECRET_KEYS. */
export function projectSecretKeys(namespace = pulumi.getProject()): string[] {
    let keys: unknown;
    try {
        keys = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
    } catch {
        return [];
    }
    const prefix = `${namespace}:`;
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string" && k.startsWith(prefix)).map((k) => k.slice(prefix.length)) : [];
}
