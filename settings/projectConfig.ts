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
