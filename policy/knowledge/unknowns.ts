// Values unknown at `pulumi preview`. The engine sends them as one sentinel string, which is the
// policy SDK's unknownStringValue; the SDK's proxy throws UnknownValueError when a rule reads one.
// Rules that only need presence, or can fall back on the dependency graph, read through these
// helpers instead, so they decide at preview without touching the value.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as Record<string, string> & {
    UnknownValueError: new (sentinel: string, props: string[]) => Error;
    unknownCheckingProxy: (value: object) => Record<string, unknown>;
};

export const UNKNOWN = {
    string: proxy.unknownStringValue!,
    number: proxy.unknownNumberValue!,
    boolean: proxy.unknownBooleanValue!,
    array: proxy.unknownArrayValue!,
    object: proxy.unknownObjectValue!,
} as const;

const SENTINELS = new Set<unknown>(Object.values(UNKNOWN));

export const isUnknown = (value: unknown): boolean => SENTINELS.has(value);

/** The SDK's error for a read of an unknown value; `props` is the path read. */
export interface UnknownRead extends Error {
    props: (string | symbol)[];
}

export const isUnknownRead = (e: unknown): e is UnknownRead => e instanceof proxy.UnknownValueError;

/** The SDK's error for an unknown string at `path`, as if a rule had read it. */
export const unknownValueError = (path: string[]): UnknownRead => new proxy.UnknownValueError(UNKNOWN.string, path) as UnknownRead;

/** "a.b[0].c" for an UnknownValueError's path. */
export const unknownPath = (e: UnknownRead): string =>
    e.props.map((p, i) => (typeof p === "string" && /^\d+$/.test(p) ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");

export type Read = { known: true; value: unknown } | { known: false };

/** Reads `obj[key]` (proxied or not) without throwing when the value is unknown at preview. */
export function read(obj: unknown, key: string | number): Read {
    if (typeof obj !== "object" || obj === null) return { known: true, value: undefined };
    try {
        const value = (obj as Record<string, unknown>)[key];
        return isUnknown(value) ? { known: false } : { known: true, value };
    } catch (e) {
        if (isUnknownRead(e)) return { known: false };
        throw e;
    }
}

/** "set", "unset" or "unknown" (an output of a resource this run creates: set, value not yet known). */
export function presence(obj: unknown, key: string): "set" | "unset" | "unknown" {
    const r = read(obj, key);
    if (!r.known) return "unknown";
    return r.value === undefined || r.value === null || r.value === "" ? "unset" : "set";
}

/** A value or list of values split into the known elements and the indexes of unknown ones. */
export function readList(value: unknown): { known: unknown[]; unknown: number[] } {
    if (isUnknown(value)) return { known: [], unknown: [-1] };
    if (value === undefined || value === null) return { known: [], unknown: [] };
    if (!Array.isArray(value)) return { known: [value], unknown: [] };
    const result = { known: [] as unknown[], unknown: [] as number[] };
    for (let i = 0; i < value.length; i++) {
        const r = read(value, i);
        if (r.known) result.known.push(r.value);
        else result.unknown.push(i);
    }
    return result;
}

/**
 * The plain object behind the SDK's proxies (unknown-checking, and the server's secrets proxy):
 * unknowns stay sentinels and secrets stay wrapped, so the server sends them back as they came.
 */
export function unproxied(value: unknown): unknown {
    let v = value as Record<string, unknown> | null | undefined;
    while (typeof v === "object" && v !== null && v.__isSpecialProxy === true) v = v.__getSpecialProxyTarget as Record<string, unknown>;
    return v;
}

/** Plain props behind the SDK's unknown-checking proxy, as rules receive them: reading an unknown throws. */
export const checkingUnknowns = (props: Record<string, unknown>): Record<string, unknown> => proxy.unknownCheckingProxy(props);

/**
 * `obj` with `changes` applied, for remediations: copies unknown values instead of reading them
 * (spreading the proxy would read, and throw on, every unknown property).
 */
export function withChanges(obj: unknown, changes: Record<string, unknown>): Record<string, unknown> {
    const raw = unproxied(obj);
    return { ...(typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}), ...changes };
}
