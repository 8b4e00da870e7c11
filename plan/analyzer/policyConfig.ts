// Policy config resolution as the CLI does it (pkg/resource/analyzer/config.go): schema defaults,
// then the pack's initial config, then the file; "all" sets every policy's level before the
// per-policy entries; then each policy's settings are validated against its JSON schema (ajv here,
// gojsonschema there). Stricter than the CLI on purpose: unknown policy names and unknown settings
// are refused instead of silently ignored, since they are almost always typos.
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import { ENFORCEMENT_LEVELS, EnforcementLevel, PackInfo, PolicyConfig, PolicyInfo, ResolvedPolicyConfig } from "./types";

type Entry = { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A config value as the file has it (strings quoted), for messages that point into the file. */
const asInFile = (v: unknown) => JSON.stringify(v) ?? String(v);

/** Parses a config file's text; like the CLI, an empty file means no config. */
export function parsePolicyConfig(text: string, file: string): Record<string, unknown> {
    // An empty file is most likely a mistake (a failed write, a wrong path): never read as "no settings".
    if (text.trim() === "") throw new Error(`${file}: the file is empty; allowed: a JSON object of policy names to settings ({} for the pack's defaults)`);
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw new Error(`${file}: not valid JSON: ${(e as Error).message}`);
    }
    if (!isObject(parsed)) throw new Error(`${file}: must be a JSON object of policy names to settings, not ${asInFile(parsed)}`);
    return parsed;
}

export function readPolicyConfig(file: string): Record<string, unknown> {
    return parsePolicyConfig(readFileSync(file, "utf8"), file);
}

/** The config Configure receives: every policy with its level and settings, plus "all" when given. */
export function resolvePolicyConfig(pack: PackInfo, raw: Record<string, unknown>, file: string): ResolvedPolicyConfig {
    const errors: string[] = [];
    const known = new Map(pack.policies.map((p) => [p.name, p]));
    const given: Record<string, Entry> = {};
    for (const [key, value] of Object.entries(raw)) {
        if (key === "environments") errors.push(`"environments": ESC environments cannot be resolved offline`);
        else if (key !== "all" && !known.has(key))
            errors.push(`${asInFile(key)} is not a policy of ${pack.name}; allowed: all, ${[...known.keys()].join(", ")}${hint(key, [...known.keys()])}`);
        else {
            const entry = parseEntry(key, value, errors);
            if (key === "all" && entry && Object.keys(entry.properties).length > 0) errors.push(`"all" takes only an enforcement level`);
            else if (entry) given[key] = entry;
        }
    }
    const resolved = applyConfig(applyConfig(defaults(pack.policies), pack.initialConfig), given);
    for (const policy of pack.policies) errors.push(...validate(policy, resolved[policy.name]!.properties));
    if (errors.length > 0)
        throw new Error(
            errors
                .sort()
                .map((e) => `${file}: ${e}`)
                .join("\n"),
        );
    return resolved;
}

/** A string is a level; an object holds an optional level and the policy's settings. */
function parseEntry(key: string, value: unknown, errors: string[]): Entry | undefined {
    const level = (v: unknown): EnforcementLevel | undefined => {
        if (ENFORCEMENT_LEVELS.includes(v as EnforcementLevel)) return v as EnforcementLevel;
        errors.push(`${asInFile(key)}: ${asInFile(v)} is not an enforcement level; allowed: ${ENFORCEMENT_LEVELS.join(", ")}${hint(v, ENFORCEMENT_LEVELS)}`);
        return undefined;
    };
    if (typeof value === "string") {
        const enforcementLevel = level(value);
        return enforcementLevel && { enforcementLevel, properties: {} };
    }
    if (!isObject(value)) {
        errors.push(`${asInFile(key)}: ${asInFile(value)} is not valid; use an enforcement level or an object of settings`);
        return undefined;
    }
    const { enforcementLevel, ...properties } = value;
    if (enforcementLevel === undefined) return { properties };
    const parsed = level(enforcementLevel);
    return parsed && { enforcementLevel: parsed, properties };
}

/** Each policy at its own level, with its schema's top-level defaults. */
function defaults(policies: PolicyInfo[]): ResolvedPolicyConfig {
    const result: ResolvedPolicyConfig = {};
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [k, prop] of Object.entries(p.configSchema?.properties ?? {})) {
            if (isObject(prop) && "default" in prop) properties[k] = prop.default;
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
    }
    return result;
}

/** The engine's applyConfig: "all" first, then each entry's level and settings (shallow merge). */
function applyConfig(result: ResolvedPolicyConfig, config: Record<string, Partial<PolicyConfig>>): ResolvedPolicyConfig {
    const all = config.all?.enforcementLevel;
    if (all) for (const entry of Object.values(result)) entry.enforcementLevel = all;
    for (const [name, entry] of Object.entries(config)) {
        const current = result[name];
        result[name] = {
            enforcementLevel: entry.enforcementLevel ?? current?.enforcementLevel ?? "advisory",
            properties: { ...current?.properties, ...entry.properties },
        };
    }
    return result;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true }); // verbose: an anyOf error carries its branches
const validators = new Map<string, ValidateFunction>();

/** The CLI's schema for a policy's settings, closed to unknown settings. */
function validate(policy: PolicyInfo, properties: Record<string, unknown>): string[] {
    const schema = {
        type: "object",
        properties: policy.configSchema?.properties ?? {},
        required: policy.configSchema?.required ?? [],
        additionalProperties: false,
    };
    const key = JSON.stringify(schema);
    let check = validators.get(key);
    if (!check) validators.set(key, (check = ajv.compile(schema)));
    if (check(properties)) return [];
    // An anyOf's branches fail one by one; its own error says what is missing.
    const errors = (check.errors ?? []).filter((e) => !e.schemaPath.includes("/anyOf/"));
    return errors.map((e) => `${asInFile(policy.name)}: ${describe(e, properties, Object.keys(schema.properties))}`);
}

function describe(e: ErrorObject, data: unknown, settings: string[]): string {
    const params = e.params as Record<string, unknown>;
    if (e.keyword === "additionalProperties") {
        const name = String(params.additionalProperty);
        const allowed = settings.length > 0 ? `allowed: ${settings.join(", ")}${hint(name, settings)}` : "it has no settings";
        return `${asInFile(name)} is not a setting of this policy; ${allowed}`;
    }
    const segments = e.instancePath
        .split("/")
        .slice(1)
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    const value = segments.reduce<unknown>((v, s) => (v as Record<string, unknown> | undefined)?.[s], data);
    const path = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
    // Nested (an exemption's fields): the path to the entry, then the field.
    if (e.keyword === "required")
        return path ? `setting ${path}.${String(params.missingProperty)} is required` : `setting ${asInFile(params.missingProperty)} is required`;
    if (e.keyword === "anyOf") {
        const options = (e.schema as { required?: string[] }[]).flatMap((branch) => branch.required ?? []);
        return `setting ${path} needs one of ${options.join(", ")} (got ${asInFile(value)})`;
    }
    const allowed = Array.isArray(params.allowedValues) ? `; allowed: ${params.allowedValues.map(asInFile).join(", ")}` : "";
    return `setting ${path} ${e.message ?? "is not valid"} (got ${asInFile(value)})${allowed}`;
}

/** " (did you mean "x"?)" when a candidate is a few edits away. */
function hint(given: unknown, candidates: readonly string[]): string {
    if (typeof given !== "string") return "";
    const scored = candidates.map((c) => ({ c, d: distance(given.toLowerCase(), c.toLowerCase()) })).sort((a, b) => a.d - b.d);
    const best = scored[0];
    return best && best.d <= Math.max(2, Math.floor(given.length / 3)) ? ` (did you mean ${asInFile(best.c)}?)` : "";
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length]!;
}
