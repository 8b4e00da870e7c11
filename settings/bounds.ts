// The bounds of every numeric setting, derived from the declarations' schemas (minimum, maximum,
// integer or number): the reader enforces them before any finer check, docs/settings.md states
// them, and tests derive their probes from here. Finer rules (the Fargate size table, min ≤
// desired ≤ max, retention days AWS accepts) stay with the settings that need them.
import { SETTINGS, type SettingDeclaration } from "./declarations";

export interface Bounds {
    min: number;
    max: number;
    /** Whole numbers only (counts, seconds, ports); otherwise plain decimals (percents like 2.5). */
    whole: boolean;
    /** Shown after the range, e.g. " seconds". */
    unit?: string;
}

/** A numeric setting's bounds from its schema; undefined for other settings. */
export function boundsOf(d: Pick<SettingDeclaration, "schema" | "unit" | "key">): Bounds | undefined {
    const { type, minimum, maximum } = d.schema as { type?: unknown; minimum?: unknown; maximum?: unknown };
    if (type !== "integer" && type !== "number") return undefined;
    // A number without both bounds is a bug in a declaration, not the user's input.
    if (typeof minimum !== "number" || typeof maximum !== "number") throw new Error(`settings/declarations: ${d.key} needs a minimum and a maximum`);
    return { min: minimum, max: maximum, whole: type === "integer", unit: d.unit };
}

export const SETTING_BOUNDS: Readonly<Record<string, Bounds>> = Object.fromEntries(
    SETTINGS.flatMap((d) => {
        const bounds = boundsOf(d);
        return bounds ? [[d.key, bounds]] : [];
    }),
);

export const rangeText = (bounds: Bounds): string => `${bounds.min}–${bounds.max}${bounds.unit ?? ""}`;

/** Plain decimal text as people write it in a stack file: no hex, exponents, separators or padding. */
const WHOLE_TEXT = /^-?(0|[1-9]\d*)$/;
const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** What is wrong with the form of `text` as a number of these bounds (not its range), or undefined. */
export function numberTextProblem(text: string, bounds: Bounds): string | undefined {
    if ((bounds.whole ? WHOLE_TEXT : DECIMAL_TEXT).test(text)) return undefined;
    return `${bounds.whole ? "a whole number" : "a decimal number"} in plain digits, ${rangeText(bounds)}`;
}

/** What is wrong with `text` as a value of a setting with these bounds, or undefined when it is fine. */
export function boundsProblem(text: string, bounds: Bounds): string | undefined {
    const value = Number(text);
    return numberTextProblem(text, bounds) ?? (value >= bounds.min && value <= bounds.max ? undefined : rangeText(bounds));
}
