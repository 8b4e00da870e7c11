import * as pulumi from "@pulumi/pulumi";
import type { RawConfig } from "./configReader";

/** This project's config keys (namespace stripped), as the raw strings Pulumi holds. */
export function projectConfig(project = pulumi.getProject()): RawConfig {
    const prefix = `${project}:`;
    return Object.fromEntries(
        Object.entries(pulumi.runtime.allConfig())
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), value]),
    );
}
