// Pulumi config for a stack as the CLI would hand it to the program: project defaults from
// Pulumi.yaml, then Pulumi.<stack>.yaml, keys namespaced, values as strings (objects as JSON).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { isRecord } from "../policy/knowledge/values";
import { FileError, UserError, shownPath } from "./errors";
import { readYamlFile } from "./files";

export class StackConfigError extends UserError {
    override name = "StackConfigError";
}

export interface StackConfig {
    project: string;
    stack: string;
    /** "namespace:key" → value as the CLI passes it. */
    config: Record<string, string>;
    region: string;
    /** What the offline plan could not take from the stack file (e.g. ESC environments). */
    notes?: string[];
}

/** What the plan reads of Pulumi.yaml. */
export interface Project {
    name: string;
    /** The language runtime (`runtime` or `runtime.name`). */
    runtime: unknown;
    /** The program's entry, relative to the project directory (Pulumi.yaml `main`). */
    main?: string;
    /** Where the stack files are (Pulumi.yaml `stackConfigDir`), relative to the project directory. */
    stackConfigDir?: string;
    /** Declared config: key → default (undefined when there is none). */
    defaults: Record<string, unknown>;
}

const asConfigString = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export function projectFile(root: string): string {
    const yml = join(root, "Pulumi.yml");
    return existsSync(yml) && !existsSync(join(root, "Pulumi.yaml")) ? yml : join(root, "Pulumi.yaml");
}

export function readProject(root: string): Project {
    const file = projectFile(root);
    const doc = readYamlFile(file, "Pulumi project");
    if (!isRecord(doc) || typeof doc.name !== "string" || doc.name === "")
        throw new FileError(file, "a Pulumi project file needs `name: <project name>` at the top level");
    const optionalString = (key: string): string | undefined => {
        const value = doc[key];
        if (value === undefined || typeof value === "string") return value;
        throw new FileError(file, `${key}=${JSON.stringify(value)} is not valid; allowed: a path relative to the project`);
    };
    const declared = doc.config ?? {};
    if (!isRecord(declared)) throw new FileError(file, "config must be a mapping of config keys to declarations");
    const defaults: Record<string, unknown> = {};
    for (const [key, decl] of Object.entries(declared)) {
        // A declaration is `{ type, default, ... }`, or a bare value that is its default.
        defaults[key] = isRecord(decl) ? decl.default : decl;
    }
    const runtime = isRecord(doc.runtime) ? doc.runtime.name : doc.runtime;
    return { name: doc.name, runtime, main: optionalString("main"), stackConfigDir: optionalString("stackConfigDir"), defaults };
}

export function readProjectName(root: string): string {
    return readProject(root).name;
}

/** The stack file of `stack` in a project. */
export function stackFile(root: string, stack: string, project = readProject(root)): string {
    return join(root, project.stackConfigDir ?? "", `Pulumi.${stack}.yaml`);
}

/** The stacks that have a file in `dir`. */
export function existingStacks(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

export function loadStackConfig(root: string, stack: string, overrides: Record<string, unknown> = {}): StackConfig {
    const project = readProject(root);
    const file = stackFile(root, stack, project);
    if (!existsSync(file)) {
        const known = existingStacks(dirname(file));
        throw new StackConfigError(
            `stack '${stack}' has no ${shownPath(file)}; allowed: ${known.length > 0 ? known.join(", ") : "a stack with a Pulumi.<stack>.yaml"}`,
        );
    }
    const stackYaml = readYamlFile(file, "stack config") ?? {};
    if (!isRecord(stackYaml)) throw new FileError(file, "a stack file must be a mapping with a `config:` section");
    const given = stackYaml.config ?? {};
    if (!isRecord(given)) throw new FileError(file, "config must be a mapping of config keys to values");

    const namespaced = (key: string) => (key.includes(":") ? key : `${project.name}:${key}`);
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(project.defaults)) {
        if (value !== undefined && value !== null) config[namespaced(key)] = asConfigString(value);
    }
    for (const [key, value] of Object.entries({ ...given, ...overrides })) {
        const full = namespaced(key);
        if (isRecord(value) && "secure" in value) {
            throw new StackConfigError(
                `${full} in ${shownPath(file)} is an encrypted secret; the offline plan cannot decrypt it. Reference secrets by ARN (the secrets setting) instead.`,
            );
        }
        if (value === null) throw new FileError(file, `${full} has no value; allowed: a value, or remove the key`);
        config[full] = asConfigString(value);
    }
    return { project: project.name, stack, config, region: config["aws:region"] ?? "us-east-1", notes: escNotes(stackYaml, file) };
}

/** A stack file's `environment:` imports Pulumi ESC environments, which only Pulumi Cloud resolves. */
function escNotes(stackYaml: Record<string, unknown>, file: string): string[] {
    if (stackYaml.environment === undefined) return [];
    const names = [stackYaml.environment].flat().map((e) => (typeof e === "string" ? e : JSON.stringify(e)));
    return [
        `${shownPath(file)} imports the ESC environment(s) ${names.join(", ")}; the offline plan cannot resolve them, so their config values are not in this plan (pass them with --config key=value)`,
    ];
}
