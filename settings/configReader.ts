// Typed reads of raw Pulumi config strings that collect every problem instead of
// stopping at the first, so one run shows the user all they must fix.
import { isRecord } from "../policy/knowledge/values";
import { SETTING_BOUNDS, boundsProblem } from "./bounds";
import { Redactor } from "./redaction";
import { didYouMean } from "./suggest";

/** Raw config of this project: key (without namespace) → the string Pulumi stores. */
export type RawConfig = Readonly<Record<string, string>>;

export class SettingsError extends Error {
    constructor(readonly problems: readonly string[]) {
        // Problems are built by the reader, which never echoes a secret value (redaction.ts).
        super(`Invalid stack settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "SettingsError";
    }
}

export class ConfigReader {
    readonly problems: string[] = [];
    private readonly used = new Set<string>();

    private readonly redactor: Redactor;

    /** `secretKeys`: keys whose config value is a secret (`secure:` in the stack file, or set with --secret). */
    constructor(
        private readonly raw: RawConfig,
        secretKeys: readonly string[] = [],
    ) {
        this.redactor = new Redactor(raw, secretKeys);
    }

    private readonly refusedKeys = new Set<string>();

    /** Whether a value of `key` was refused (checks that combine it with others are then skipped). */
    refused(key: string): boolean {
        return this.refusedKeys.has(key);
    }

    /** Records "key=value: allowed" when `allowed` is set; returns whether the value was fine. */
    expect(key: string, value: unknown, allowed: string | undefined): boolean {
        if (allowed === undefined) return true;
        this.refusedKeys.add(key);
        this.problems.push(this.redactor.scrub(`${key}=${this.redactor.show(key, value)} is not valid; allowed: ${allowed}`));
        return false;
    }

    fail(message: string): void {
        this.problems.push(this.redactor.scrub(message));
    }

    /** Every key read, with the default it falls back to: the source of truth for docs/settings.md. */
    readonly defaults = new Map<string, unknown>();

    private take(key: string, fallback?: unknown): string | undefined {
        this.used.add(key);
        this.defaults.set(key, fallback);
        return this.raw[key];
    }

    string(key: string, fallback: string): string;
    string(key: string): string | undefined;
    string(key: string, fallback?: string): string | undefined {
        return this.take(key, fallback) ?? fallback;
    }

    /** A whole number within the key's bounds (bounds.ts); out of bounds, the default stands and the problem is recorded. */
    int(key: string, fallback: number): number {
        return this.bounded(key, fallback, true);
    }

    /** A plain decimal number (percents like 2.5) within the key's bounds. */
    number(key: string, fallback: number): number {
        return this.bounded(key, fallback, false);
    }

    private bounded(key: string, fallback: number, whole: boolean): number {
        const bounds = SETTING_BOUNDS[key];
        // A numeric setting without bounds is a bug in this program, not the user's input.
        if (!bounds || bounds.whole !== whole) throw new Error(`settings/bounds.ts declares no ${whole ? "whole" : "decimal"} bounds for ${key}`);
        const text = this.take(key, fallback);
        if (text === undefined) return fallback;
        return this.expect(key, text, boundsProblem(text, bounds)) ? Number(text) : fallback;
    }

    /** Whether the user set `key` (as opposed to taking the default). */
    given(key: string): boolean {
        return this.raw[key] !== undefined;
    }

    bool(key: string, fallback: boolean): boolean {
        const text = this.take(key, fallback);
        if (text === undefined) return fallback;
        return this.expect(key, text, text === "true" || text === "false" ? undefined : "true or false") ? text === "true" : fallback;
    }

    oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
        const text = this.take(key, fallback);
        if (text === undefined) return fallback;
        if (allowed.includes(text as T)) return text as T;
        const hint = didYouMean(text, allowed);
        this.expect(key, text, `${allowed.join(", ")}${hint ? `; ${hint}` : ""}`);
        return fallback;
    }

    /** Structured values (objects, arrays) arrive as JSON text. */
    json(key: string): unknown {
        const text = this.take(key);
        if (text === undefined) return undefined;
        try {
            return JSON.parse(text) as unknown;
        } catch {
            this.expect(key, text, "a YAML/JSON object or list");
            return undefined;
        }
    }

    /**
     * A list of objects: each item is read by `readItem` (which reports its own problems and
     * returns undefined for a bad item); a non-list or non-object item is reported with `shape`.
     */
    list<T>(key: string, shape: string, readItem: (item: Record<string, unknown>, itemKey: string) => T | undefined): T[] {
        const value = this.json(key) ?? [];
        if (!Array.isArray(value)) return (this.expect(key, value, `a list of ${shape}`), []);
        return value.flatMap((item, i) => {
            const itemKey = `${key}[${i}]`;
            if (!isRecord(item)) return (this.expect(itemKey, item, shape), []);
            const read = readItem(item, itemKey);
            return read === undefined ? [] : [read];
        });
    }

    /** Keys the program never read: most likely typos, never ignored silently. */
    unknownKeys(): string[] {
        return Object.keys(this.raw).filter((k) => !this.used.has(k));
    }

    /** Reports each unknown key with the key it most likely meant, or the keys there are. */
    failUnknownKeys(): void {
        const known = [...this.used].sort();
        for (const key of this.unknownKeys()) {
            this.fail(`${key} is not a setting of this program; ${didYouMean(key, known) ?? `allowed keys: ${known.join(", ")}`}`);
        }
    }
}
