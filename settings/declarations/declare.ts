// How a setting is declared: once, with everything the program, the docs and the tests derive from
// it. The TypeBox schema gives both the value's TypeScript type (Static) and the JSON Schema the
// reader validates with ajv; the rest is the default per profile and the words the docs show.
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import type { RangeCheck } from "../check";
import type { Profile } from "../profiles";

/** One value for every profile, or one per profile. */
export type PerProfile<T> = T | { readonly dev: T; readonly staging: T; readonly prod: T };

export interface SettingSpec<S extends TSchema = TSchema> {
    /** The value's schema: type, bounds (minimum, maximum), allowed values, pattern. */
    readonly schema: S;
    /** The config key, when it differs from the field name the group gives the value. */
    readonly key?: string;
    /** The value when the key is unset; none means the setting is off (undefined) until set. */
    readonly default?: PerProfile<Static<S>>;
    /** The default column's text when the default is computed from other settings. */
    readonly docDefault?: string;
    /** What the setting does, in a sentence or two (the docs' table). */
    readonly description: string;
    /** What is allowed, in words; numbers, choices and booleans get theirs from the schema, this adds to it. */
    readonly allowed?: string;
    /** Shown after a numeric range in errors and docs, e.g. " seconds"; a `limit` brings its own. */
    readonly unit?: string;
    /** The value may hold secrets: never shown in a message. */
    readonly secret?: boolean;
    /** Read by its group's own code: a JSON object or list, or a value that needs other settings to read. */
    readonly ownReader?: boolean;
    /** A finer rule of this one setting (e.g. the retention days CloudWatch accepts); cross-setting rules live with the group. */
    check?(value: Static<S>): string | undefined;
}

/** A declared setting; `D` records whether it has a default, so its value is never undefined. */
export type Declared<S extends TSchema = TSchema, D extends boolean = boolean> = SettingSpec<S> & { readonly hasDefault: D };

export function setting<S extends TSchema>(schema: S, spec: Omit<SettingSpec<S>, "schema"> & { default: PerProfile<Static<S>> }): Declared<S, true>;
export function setting<S extends TSchema>(schema: S, spec: Omit<SettingSpec<S>, "schema">): Declared<S, false>;
export function setting<S extends TSchema>(schema: S, spec: Omit<SettingSpec<S>, "schema">): Declared<S> {
    return { ...spec, schema, unit: spec.unit ?? LIMIT_UNITS.get(schema), hasDefault: spec.default !== undefined };
}

type Declarations = Readonly<Record<string, Declared>>;

/** The settings that feed one component group, by the field name the group's values use. */
export interface Group<N extends string = string, P extends Declarations = Declarations> {
    readonly name: N;
    readonly settings: P;
}

export function group<const N extends string, P extends Declarations>(name: N, settings: P): Group<N, P> {
    return { name, settings };
}

type Defaulted<P extends Declarations> = { [K in keyof P]: P[K]["hasDefault"] extends true ? K : never }[keyof P];
type Flat<T> = { [K in keyof T]: T[K] };

/** The typed values of a group: one field per declared setting, optional when it has no default. */
export type GroupValues<G extends Group> = Flat<
    { -readonly [K in Defaulted<G["settings"]>]: Static<G["settings"][K]["schema"]> } & {
        -readonly [K in Exclude<keyof G["settings"], Defaulted<G["settings"]>>]?: Static<G["settings"][K]["schema"]>;
    }
>;

/** One setting with where it belongs: what the reader, the bounds, the docs and the tests iterate over. */
export type SettingDeclaration = Declared & { readonly key: string; readonly field: string; readonly group: string };

/** The unit of each `limit` schema, which the setting declared with it shows (ajv refuses unknown schema keywords). */
const LIMIT_UNITS = new WeakMap<TSchema, string>();

/** Whole numbers within an AWS limit settings/constraints.ts states (its range check carries the bounds and the unit). */
export function limit(check: RangeCheck) {
    const schema = Type.Integer({ minimum: check.min, maximum: check.max });
    if (check.unit) LIMIT_UNITS.set(schema, check.unit);
    return schema;
}
export const whole = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });
export const decimal = (minimum: number, maximum: number) => Type.Number({ minimum, maximum });
/** One of these strings: a JSON Schema enum, typed as their union. */
export const oneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: "string", enum: [...values] });

export function declarationsOf(g: Group): SettingDeclaration[] {
    return Object.entries(g.settings).map(([field, d]) => ({ ...d, key: d.key ?? field, field, group: g.name }));
}

/** The setting's default for a profile (undefined: none). */
export function defaultFor<D extends Pick<SettingSpec, "schema" | "default">>(d: D, profile: Profile): Static<D["schema"]> {
    const value: unknown = d.default;
    const perProfile = value !== null && typeof value === "object" && !Array.isArray(value) && "dev" in value && "prod" in value;
    return (perProfile ? (value as Record<Profile, unknown>)[profile] : value) as Static<D["schema"]>;
}
