// Defensive reading of resource properties: documents arrive as JSON strings or objects,
// single values or lists, and anything may be malformed.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A JSON document given as a string or as an object. */
export function parseDocument(value: unknown): Parsed<unknown> {
    if (typeof value !== "string") return { ok: true, value };
    try {
        return { ok: true, value: JSON.parse(value) as unknown };
    } catch (e) {
        return { ok: false, error: `not valid JSON (${(e as Error).message})` };
    }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value or a list of values, as a list; anything else as []. */
export function asList(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

/**
 * Every element, read one by one into a plain array. The policy server hands remediations arrays
 * behind its secrets proxy, on which filter/map (which look up the Array constructor) throw.
 */
function elements(list: unknown[]): unknown[] {
    const copy: unknown[] = [];
    for (let i = 0; i < list.length; i++) copy.push(list[i]);
    return copy;
}

export const asStrings = (value: unknown): string[] => elements(asList(value)).filter((v): v is string => typeof v === "string");

export const asRecords = (value: unknown): Record<string, unknown>[] => elements(asList(value)).filter(isRecord);

/** Reads `obj.a.b.c` without throwing on missing or mistyped levels. */
export function at(obj: unknown, ...path: string[]): unknown {
    let cur: unknown = obj;
    for (const key of path) {
        if (!isRecord(cur)) return undefined;
        cur = cur[key];
    }
    return cur;
}

export const truthy = (v: unknown): boolean => v === true || v === "true" || v === "ENABLED";

/** Short, single-line rendering of a value for messages. */
export function show(value: unknown): string {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text === undefined ? "undefined" : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Glob with `*` and `?` (IAM and registry patterns), case-insensitive. */
export function globMatch(pattern: string, text: string): boolean {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${re}$`, "i").test(text);
}

/** A number from a number or numeric string; `fallback` for anything else (never throws). */
export function num(value: unknown, fallback: number): number {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return fallback;
}

/** Text of a scalar; "" for objects and lists (String() throws on some objects). */
export function text(value: unknown): string {
    return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** A property that may be unknown at preview (the SDK's proxy throws on read): undefined instead. */
export function knownProp(props: Record<string, unknown>, key: string): unknown {
    try {
        return props[key];
    } catch {
        return undefined;
    }
}
