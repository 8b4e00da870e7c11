// Pulumi config for a stack as the CLI would hand it to the program: project defaults from
// Pulumi.yaml, then Pulumi.<stack>.yaml, keys namespaced, values as strings (objects as JSON).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export class StackConfigError extends Error {}

export interface StackConfig {
    project: string;
    stack: string;
    /** "namespace:key" → value as the CLI passes it. */
    config: Record<string, string>;
    region: string;
}

const asConfigString = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export function readProjectName(root: string): string {
    const project = parse(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as { name: string };
    return project.name;
}

export function loadStackConfig(root: string, stack: string, overrides: Record<string, unknown> = {}): StackConfig {
    const project = parse(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as { name: string; config?: Record<string, { default?: unknown }> };
    const file = join(root, `Pulumi.${stack}.yaml`);
    if (!existsSync(file)) throw new StackConfigError(`stack '${stack}' has no Pulumi.${stack}.yaml; allowed: a stack with a config file in the project root`);
    const stackYaml = (parse(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null) ?? {};
    const config: Record<string, string> = {};
    for (const [key, decl] of Object.entries(project.config ?? {})) {
        if (decl?.default !== undefined) config[`${project.name}:${key}`] = asConfigString(decl.default);
    }
    for (const [key, value] of Object.entries({ ...(stackYaml.config ?? {}), ...overrides })) {
        const full = key.includes(":") ? key : `${project.name}:${key}`;
        if (typeof value === "object" && value !== null && "secure" in value) {
            throw new StackConfigError(
                `${full} is an encrypted secret; the offline plan cannot decrypt it. Reference secrets by ARN (the secrets setting) instead.`,
            );
        }
        config[full] = asConfigString(value);
    }
    return { project: project.name, stack, config, region: config["aws:region"] ?? "us-east-1" };
}
