// Application Auto Scaling schedule expressions: `cron(...)` with the six fields AWS takes
// (minutes hours day-of-month month day-of-week year) and one-time `at(yyyy-mm-ddThh:mm:ss)`.
// The settings check their syntax here; the cost model reads which hours of a week they cover.

interface Field {
    name: string;
    min: number;
    max: number;
    names?: readonly string[];
    /** Extra tokens AWS allows in this field (`?`, `L`, `W`, `#`). */
    special?: RegExp;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
/** AWS numbers days of the week 1 (SUN) to 7 (SAT). */
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

const FIELDS: readonly Field[] = [
    { name: "minutes", min: 0, max: 59 },
    { name: "hours", min: 0, max: 23 },
    { name: "day-of-month", min: 1, max: 31, special: /^(\?|L|LW|([1-9]|[12]\d|3[01])W)$/ },
    { name: "month", min: 1, max: 12, names: MONTHS },
    { name: "day-of-week", min: 1, max: 7, names: DAYS, special: /^(\?|L|[1-7]L|[1-7]#[1-5]|(SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$/ },
    { name: "year", min: 1970, max: 2199 },
];

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const CRON = /^cron\(([^()]*)\)$/;

export const SCHEDULE_FORMS = "cron(minutes hours day-of-month month day-of-week year), one of day-of-month and day-of-week `?`, or at(yyyy-mm-ddThh:mm:ss)";

function value(token: string, f: Field): number | undefined {
    const named = f.names?.indexOf(token.toUpperCase());
    const n = named !== undefined && named >= 0 ? named + f.min : /^\d+$/.test(token) ? Number(token) : NaN;
    return n >= f.min && n <= f.max ? n : undefined;
}

/** The values a field matches, or undefined when AWS would refuse it. `?` and L/W/# forms match nothing weekly. */
function expand(text: string, f: Field): Set<number> | undefined {
    if (f.special?.test(text.toUpperCase())) return new Set();
    const out = new Set<number>();
    for (const part of text.split(",")) {
        const [range, stepText] = part.split("/") as [string, string | undefined];
        const step = stepText === undefined ? 1 : /^[1-9]\d*$/.test(stepText) ? Number(stepText) : NaN;
        if (!Number.isFinite(step)) return undefined;
        let lo: number | undefined;
        let hi: number | undefined;
        if (range === "*") [lo, hi] = [f.min, f.max];
        else if (range.includes("-")) {
            const [a, b] = range.split("-") as [string, string];
            [lo, hi] = [value(a, f), value(b, f)];
        } else [lo, hi] = [value(range, f), stepText === undefined ? value(range, f) : f.max];
        if (lo === undefined || hi === undefined || lo > hi) return undefined;
        for (let v = lo; v <= hi; v += step) out.add(v);
    }
    return out;
}

/** Why AWS would refuse `expression`, or undefined when it takes it. */
export function scheduleProblem(expression: string): string | undefined {
    const at = AT.exec(expression);
    if (at) {
        const [, y, mo, d, h, mi, s] = at.map(Number) as number[];
        const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
        return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! && h! < 24 && mi! < 60 && s! < 60 ? undefined : "at() with a real date and time";
    }
    const cron = CRON.exec(expression);
    if (!cron) return SCHEDULE_FORMS;
    const fields = cron[1]!.trim().split(/\s+/);
    if (fields.length !== FIELDS.length) return `6 cron fields (got ${fields.length}): ${SCHEDULE_FORMS}`;
    const bad = FIELDS.findIndex((f, i) => expand(fields[i]!, f) === undefined || (fields[i] === "?" && f.special === undefined));
    if (bad >= 0) return `a valid ${FIELDS[bad]!.name} field (got ${fields[bad]}): ${SCHEDULE_FORMS}`;
    if ((fields[2] === "?") === (fields[4] === "?")) return `exactly one of day-of-month and day-of-week as ? (got ${fields[2]} and ${fields[4]})`;
    return undefined;
}

/**
 * Minutes of a week (0 = Sunday 00:00) at which a weekly cron fires, or undefined when its
 * firing is not the same every week (a day of the month, a month, a year, L/W/# forms, at()).
 */
export function weeklyFirings(expression: string): number[] | undefined {
    const cron = CRON.exec(expression);
    if (!cron || scheduleProblem(expression) !== undefined) return undefined;
    const [minutes, hours, dom, month, dow, year] = cron[1]!.trim().split(/\s+/) as [string, string, string, string, string, string];
    if (!(dom === "?" || dom === "*") || month !== "*" || year !== "*") return undefined;
    const days = dow === "?" ? new Set([1, 2, 3, 4, 5, 6, 7]) : expand(dow, FIELDS[4]!)!;
    if (days.size === 0) return undefined;
    const out: number[] = [];
    for (const d of days) for (const h of expand(hours, FIELDS[1]!)!) for (const m of expand(minutes, FIELDS[0]!)!) out.push((d - 1) * 1440 + h * 60 + m);
    return out.sort((a, b) => a - b);
}

export const MINUTES_PER_WEEK = 7 * 1440;

/** A scheduled change of capacity, as the cost model needs it. */
export interface CapacityChange {
    schedule: string;
    maxCount: number;
}

/**
 * Share of a week the schedules hold the service at zero tasks (max 0), or undefined when one of
 * them does not repeat weekly (then the cost model prices the service always on and says so).
 */
export function zeroShareOfWeek(changes: readonly CapacityChange[]): number | undefined {
    const events: { minute: number; zero: boolean }[] = [];
    for (const c of changes) {
        const firings = weeklyFirings(c.schedule);
        if (!firings) return undefined;
        for (const minute of firings) events.push({ minute, zero: c.maxCount === 0 });
    }
    if (events.length === 0) return 0;
    events.sort((a, b) => a.minute - b.minute);
    // The week wraps: before its first firing, the state is the last firing's of the week before.
    let zero = events[events.length - 1]!.zero;
    let from = 0;
    let zeroMinutes = 0;
    for (const e of events) {
        if (zero) zeroMinutes += e.minute - from;
        [zero, from] = [e.zero, e.minute];
    }
    if (zero) zeroMinutes += MINUTES_PER_WEEK - from;
    return zeroMinutes / MINUTES_PER_WEEK;
}
