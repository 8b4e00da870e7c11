// The policy SDK's sentinels for values unknown at preview (kept internal by the SDK).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as Record<string, string>;

export const UNKNOWN = {
    string: proxy.unknownStringValue!,
    number: proxy.unknownNumberValue!,
    boolean: proxy.unknownBooleanValue!,
    array: proxy.unknownArrayValue!,
    object: proxy.unknownObjectValue!,
} as const;

const SENTINELS = new Set<unknown>(Object.values(UNKNOWN));

export const isUnknown = (value: unknown): boolean => SENTINELS.has(value);
