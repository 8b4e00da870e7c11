// The shape of a limit check: undefined when the value is fine, or what is allowed as text.

export type Check<T> = (value: T) => string | undefined;

/** A whole-number check that also carries its limits, so a setting declared with `limit(check)` has these same numbers as its bounds. */
export interface RangeCheck extends Check<number> {
    readonly min: number;
    readonly max: number;
    readonly unit: string;
}

export const range = (lo: number, hi: number, unit = ""): RangeCheck =>
    Object.assign((v: number) => (Number.isInteger(v) && v >= lo && v <= hi ? undefined : `a whole number from ${lo} to ${hi}${unit}`), {
        min: lo,
        max: hi,
        unit,
    });
