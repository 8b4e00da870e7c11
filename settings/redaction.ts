// Secret values never reach a message: not the `secrets` setting, not an environment variable
// whose name looks secret, not a value set as a secret. A problem names the key and says what is
// allowed; the value is shown as [secret]. A last pass scrubs any secret text a message still holds.
import { SECRET_LIKE_NAME, SECRET_LIKE_VALUE } from "../policy/knowledge/secrets";
import { show } from "../policy/knowledge/values";
import { SETTINGS } from "./declarations";

export const REDACTED = "[secret]";

/** Keys whose whole value may carry secrets: the settings declared `secret` (they declare or hold them). */
const HOLDS_SECRETS = SETTINGS.filter((d) => d.secret).map((d) => d.key);

export class Redactor {
    private readonly secretTexts: string[];

    constructor(
        raw: Readonly<Record<string, string>>,
        private readonly secretKeys: readonly string[],
    ) {
        this.secretTexts = secretTextsOf(raw, secretKeys);
    }

    /** Whether a value at this key (e.g. `secrets[0].valueFrom`, `environment.DB_PASSWORD`) must not be shown. */
    isSecret(key: string): boolean {
        const top = key.split(/[.[]/)[0]!;
        if (this.secretKeys.includes(top) || HOLDS_SECRETS.includes(key)) return true;
        if (top === "secrets") return !key.endsWith(".name");
        if (top === "environment") return SECRET_LIKE_NAME.test(key.slice("environment.".length));
        return false;
    }

    show(key: string, value: unknown): string {
        return this.isSecret(key) ? REDACTED : show(value);
    }

    /** The message without any secret text it may quote, nor anything shaped like a key (AKIA…, PEM, tokens). */
    scrub(message: string): string {
        const scrubbed = this.secretTexts.reduce((text, secret) => text.split(secret).join(REDACTED), message);
        return scrubbed.replace(new RegExp(SECRET_LIKE_VALUE.source, "g"), REDACTED);
    }
}

/** The texts to scrub: values set as secrets, and the values inside `secrets` and secret-looking environment entries. */
function secretTextsOf(raw: Readonly<Record<string, string>>, secretKeys: readonly string[]): string[] {
    const texts = secretKeys.map((k) => raw[k]).filter((v): v is string => v !== undefined);
    const parsed = (key: string): unknown => {
        try {
            return raw[key] === undefined ? undefined : (JSON.parse(raw[key]) as unknown);
        } catch {
            return undefined;
        }
    };
    const env = parsed("environment");
    if (env && typeof env === "object" && !Array.isArray(env))
        for (const [name, value] of Object.entries(env)) if (SECRET_LIKE_NAME.test(name) && typeof value === "string") texts.push(value);
    collectStrings(parsed("secrets"), texts, true);
    // Short texts (e.g. "1") would scrub ordinary words: only values of some length are scrubbed.
    return [...new Set(texts)].filter((t) => t.length >= 4);
}

/** Every string in a value, except the `name` fields of the secrets list (environment variable names). */
function collectStrings(value: unknown, into: string[], skipNames: boolean): void {
    if (typeof value === "string") into.push(value);
    else if (Array.isArray(value)) for (const v of value) collectStrings(v, into, skipNames);
    else if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value)) if (!(skipNames && k === "name")) collectStrings(v, into, skipNames);
}
