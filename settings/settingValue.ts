// A declared setting's value from the string Pulumi config stores: parsed by the schema's type and
// validated against the schema with ajv, or the problem in the words the user reads ("allowed: …").
import Ajv, { type ValidateFunction } from "ajv";
import type { SettingDeclaration } from "./declarations";
import { boundsOf, numberTextProblem, rangeText } from "./bounds";
import { didYouMean } from "./suggest";

const ajv = new Ajv();
const validators = new WeakMap<object, ValidateFunction>();

/** Whether a value fits the setting's JSON Schema (compiled on first use: most stacks set few keys). */
export function fitsSchema(d: SettingDeclaration, value: unknown): boolean {
    let validate = validators.get(d.schema);
    if (!validate) validators.set(d.schema, (validate = ajv.compile(d.schema)));
    return validate(value);
}

/** The choices of a setting whose schema is an enum, e.g. ["X86_64", "ARM64"]. */
export function choicesOf(d: Pick<SettingDeclaration, "schema">): readonly string[] | undefined {
    const values: unknown = (d.schema as { enum?: unknown }).enum;
    return Array.isArray(values) ? values.map(String) : undefined;
}

export type Parsed = { value: unknown; problem?: undefined } | { problem: string };

export function parseSetting(d: SettingDeclaration, text: string): Parsed {
    const bounds = boundsOf(d);
    if (bounds) {
        // The text's form first (plain digits), then the schema (its range) on the number.
        const formProblem = numberTextProblem(text, bounds);
        if (formProblem) return { problem: formProblem };
        return fitsSchema(d, Number(text)) ? { value: Number(text) } : { problem: rangeText(bounds) };
    }
    const choices = choicesOf(d);
    if (choices) {
        if (fitsSchema(d, text)) return { value: text };
        const hint = didYouMean(text, choices);
        return { problem: `${choices.join(", ")}${hint ? `; ${hint}` : ""}` };
    }
    const type = (d.schema as { type?: unknown }).type;
    if (type === "boolean") return text === "true" || text === "false" ? { value: text === "true" } : { problem: "true or false" };
    if (type === "string") return fitsSchema(d, text) ? { value: text } : { problem: d.allowed ?? "a string" };
    // Objects and lists are read by their group's own reader (ConfigReader.json).
    throw new Error(`settings/declarations: ${d.key} is structured; its group reads it with its own reader`);
}
