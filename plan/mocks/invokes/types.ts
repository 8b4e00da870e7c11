// An invoke's answer: a function of its arguments and of where the mocks pretend to be.
import type { AwsPlace } from "../aws";

export type InvokeArgs = Record<string, unknown>;
export type InvokeResult = Record<string, unknown>;
/** undefined: this lookup is not one the mocks can answer (e.g. a public parameter they don't know). */
export type Answer = (args: InvokeArgs, place: AwsPlace) => InvokeResult | undefined;

/** The provider fails this invoke itself (the program fails under `pulumi preview` too). */
export class InvokeRejected extends Error {
    override name = "InvokeRejected";
}

/** A filter list's values for one name (`[{ name: "vpc-id", values: [...] }]`). */
export function filterValues(args: InvokeArgs, name: string): string[] | undefined {
    const filters = Array.isArray(args.filters) ? (args.filters as { name?: unknown; values?: unknown }[]) : [];
    const found = filters.find((f) => f.name === name);
    return Array.isArray(found?.values) ? found.values.map(String) : undefined;
}

/** JSON with object keys sorted at every level, so equal arguments give equal text. */
export const canonicalJson = (value: unknown): string =>
    JSON.stringify(value, (_, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );

/** The arguments as a stable seed: the same lookup answers the same ids. */
export const seedOf = (token: string, args: InvokeArgs) => `${token}:${canonicalJson(args)}`;
