// Typed reads of raw Pulumi config strings that collect every problem instead of
// stopping at the first, so one run shows the user all they must fix.
import { isRecord } from "../policy/knowledge/values";
import { declarationOf } from "./declarations";
import { Redactor } from "./redaction";
import { parseSetting } from "./settingValue";
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

    private take(key: string): string | undefined {
        // Reading a key no declaration names is a bug in this program, not the user's input.
        if (!declarationOf(key)) throw new Error(`settings/declarations declares no setting ${key}`);
        this.used.add(key);
        return this.raw[key];
    }

    /**
     * A declared setting's value: parsed and checked against its schema, then its finer check.
     * Unset, the fallback (its default) stands; refused, too, and the problem is recorded.
     */
    value<T>(key: string, fallback: T): T {
        const text = this.take(key);
        if (text === undefined) return fallback;
        const parsed = parseSetting(declarationOf(key)!, text);
        if (parsed.problem !== undefined) return (this.expect(key, text, parsed.problem), fallback);
        const finer = declarationOf(key)!.check?.(parsed.value);
        return this.expect(key, parsed.value, finer) ? (parsed.value as T) : fallback;
    }

    /** The raw text of a declared key its group's own reader checks. */
    string(key: string): string | undefined {
        return this.take(key);
    }

    /** Whether the user set `key` (as opposed to taking the default). */
    given(key: string): boolean {
        return this.raw[key] !== undefined;
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

    /** Every key read so far, set or not. */
    keysRead(): string[] {
        return [...this.used];
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
