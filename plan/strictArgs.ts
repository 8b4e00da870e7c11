// Command lines read strictly, for every script: an unknown flag gets "did you mean", a flag given
// twice is refused (never last-one-wins) unless it is a list, and an empty value is refused.
// Light (node:util only), so a script can read its arguments before the rest loads.
import { parseArgs } from "node:util";
import { didYouMean } from "../settings/suggest";

export class UsageError extends Error {
    override name = "UsageError";
}

type Option = { type: "string"; multiple?: boolean } | { type: "boolean" };
export type Options = Record<string, Option>;

type Values<O extends Options> = {
    [K in keyof O]?: O[K] extends { type: "boolean" } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

/** The flags' values; throws UsageError naming the flag and what is allowed. */
export function parseStrict<O extends Options>(argv: string[], options: O): Values<O> {
    const flags = Object.keys(options).map((name) => `--${name}`);
    for (const arg of argv) {
        if (!arg.startsWith("-")) continue;
        const flag = arg.split("=")[0]!;
        if (!flags.includes(flag)) {
            const hint = didYouMean(flag, flags);
            throw new UsageError(`unknown option ${flag}; ${hint ?? `allowed: ${flags.join(", ")}`}`);
        }
    }
    let parsed;
    try {
        parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false, tokens: true });
    } catch (e) {
        throw new UsageError((e as Error).message);
    }
    const seen = new Set<string>();
    for (const token of parsed.tokens) {
        if (token.kind !== "option") continue;
        const option = options[token.name]!;
        if (seen.has(token.name) && !("multiple" in option && option.multiple))
            throw new UsageError(`--${token.name} is given twice; allowed: once (the plan never picks one silently)`);
        seen.add(token.name);
        if (option.type === "string" && (token.value ?? "").trim() === "") throw new UsageError(`--${token.name} needs a value; it was given an empty one`);
    }
    return { ...parsed.values } as Values<O>;
}
