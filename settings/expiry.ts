// Expiry of a demo stack: `expiresAt` (a date, or a UTC date and time) or `ttl` (a duration from
// the last `pulumi up`). Every resource carries the moment as the `expires-at` tag, and the expire
// workflow destroys stacks whose moment has passed. prod never expires.
import type { ConfigReader } from "./configReader";
import type { Profile } from "./profiles";
import { EXPIRES_AT_FORMS, MAX_TTL_HOURS, TTL_FORMS } from "./declarations/lifecycle";

export { EXPIRES_AT_TAG } from "../policy/knowledge/lifecycle";

export interface Expiry {
    /** When the stack may be destroyed: UTC, `YYYY-MM-DDThh:mm:ssZ`. */
    at: string;
    /** The ttl it was computed from, when set by duration. */
    ttl?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?$/;
const TTL = /^([1-9]\d*)(h|d|w)$/;
const HOURS = { h: 1, d: 24, w: 168 } as const;

/** The moment a stack file's `expiresAt` names, or undefined when it is not a real one. */
export function parseExpiresAt(text: string): Date | undefined {
    const m = DATE.exec(text);
    if (!m) return undefined;
    const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
    const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
    const real = date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! && h! < 24 && mi! < 60 && s! < 60;
    return real ? date : undefined;
}

/** Hours a `ttl` lasts, or undefined when it is not a duration within bounds. */
export function parseTtlHours(text: string): number | undefined {
    const m = TTL.exec(text);
    const hours = m ? Number(m[1]) * HOURS[m[2] as keyof typeof HOURS] : undefined;
    return hours !== undefined && hours <= MAX_TTL_HOURS ? hours : undefined;
}

/** UTC to the second, as the tag and the plan show it. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** `now` is the moment of this run: a ttl counts from the last `pulumi up`, which is this one when it deploys. */
export function readExpiry(r: ConfigReader, profile: Profile, now: Date = new Date()): Expiry | undefined {
    const expiresAt = r.string("expiresAt");
    const ttl = r.string("ttl");
    if (expiresAt === undefined && ttl === undefined) return undefined;
    if (profile === "prod")
        return void r.fail(`${expiresAt !== undefined ? "expiresAt" : "ttl"} is not valid for profile prod; allowed: unset (prod never expires)`);
    if (expiresAt !== undefined && ttl !== undefined) return void r.fail(`expiresAt=${expiresAt} and ttl=${ttl} contradict each other; allowed: one of them`);
    if (expiresAt !== undefined) {
        const at = parseExpiresAt(expiresAt);
        return r.expect("expiresAt", expiresAt, at ? undefined : EXPIRES_AT_FORMS) ? { at: isoSeconds(at!) } : undefined;
    }
    const hours = parseTtlHours(ttl!);
    if (!r.expect("ttl", ttl, hours !== undefined ? undefined : TTL_FORMS)) return undefined;
    // To the minute: two runs within a minute tag alike.
    const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + hours! * 3_600_000);
    return { at: isoSeconds(at), ttl };
}
