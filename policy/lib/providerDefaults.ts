// Inputs as the engine sends them at preview: after the AWS provider's Check, which fills in schema
// defaults (`imageTagMutability: "MUTABLE"`, a security group's `description: "Managed by
// Pulumi"`, numeric zeros, empty lists), with computed values unknown. Rules read optional
// properties through `effective`, so an omitted value and its filled-in default get one verdict,
// and an unknown value is reported as unknown instead of throwing.
import { Kind, isKind } from "../knowledge/types";
import { isUnknown } from "../knowledge/unknowns";
import { isRecord } from "../knowledge/values";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as { isSpecialProxy: string; getSpecialProxyTarget: string };

/** What a read returns for a value the engine does not know yet (a computed id or ARN at preview). */
export const UNKNOWN_INPUT: unique symbol = Symbol("unknown at preview");
type Input = unknown;

/** Schema defaults the provider fills in, by resource kind and dotted property path (list entries without an index). */
const DEFAULTS: Partial<Record<Kind, Record<string, unknown>>> = {
    repository: { imageTagMutability: "MUTABLE", "encryptionConfigurations.encryptionType": "AES256" },
    securityGroup: { description: "Managed by Pulumi", revokeRulesOnDelete: false },
    defaultSecurityGroup: { revokeRulesOnDelete: false },
    loadBalancer: { desyncMitigationMode: "defensive", dropInvalidHeaderFields: false, enableDeletionProtection: false, loadBalancerType: "application" },
    classicLoadBalancer: { desyncMitigationMode: "defensive" },
    logGroup: { retentionInDays: 0 },
    kmsKey: {
        enableKeyRotation: false,
        isEnabled: true,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        bypassPolicyLockoutSafetyCheck: false,
    },
    subnet: { mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false },
    service: { "networkConfiguration.assignPublicIp": false },
    taskSet: { "networkConfiguration.assignPublicIp": false },
};

/** The plain object behind the policy SDK's unknown-checking proxy (its values keep the unknown sentinels). */
export function unwrap(value: unknown): unknown {
    if (typeof value === "object" && value !== null && (value as Record<string, unknown>)[proxy.isSpecialProxy] === true)
        return (value as Record<string, unknown>)[proxy.getSpecialProxyTarget];
    return value;
}

/** `obj.a.b` without throwing: UNKNOWN_INPUT where the engine does not know a level yet. */
export function readInput(obj: unknown, ...path: string[]): Input {
    let cur = unwrap(obj);
    for (const key of path) {
        if (isUnknown(cur)) return UNKNOWN_INPUT;
        if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
        else if (isRecord(cur)) cur = cur[key];
        else return undefined;
    }
    return isUnknown(cur) ? UNKNOWN_INPUT : cur;
}

const kindOf = (type: string): Kind | undefined => (Object.keys(DEFAULTS) as Kind[]).find((k) => isKind(type, k));

/** The default the provider fills in at `path` (list indexes ignored: `volumes.0.x` is `volumes.x`). */
export function providerDefault(type: string, path: string): unknown {
    const kind = kindOf(type);
    const key = path
        .split(".")
        .filter((k) => !/^\d+$/.test(k))
        .join(".");
    return kind ? DEFAULTS[kind]?.[key] : undefined;
}

const absent = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** A value as AWS will apply it: absent, null, "" and [] become the provider default (or undefined). */
export function withDefault(type: string, path: string, value: Input): Input {
    return absent(value) ? providerDefault(type, path) : value;
}

/** The effective value of an optional input at a dotted path (`networkConfiguration.assignPublicIp`, `volumes.0.name`). */
export function effective(type: string, props: unknown, path: string): Input {
    return withDefault(type, path, readInput(props, ...path.split(".")));
}

/**
 * The effective value of an input the verdict depends on. When the engine does not know it yet,
 * the read goes through the SDK's proxy so its own "can't be known during preview" error reports
 * the rule as undecided (presence checks use `effective` instead: an unknown id is present).
 */
export function decisive(type: string, props: Record<string, unknown>, path: string): unknown {
    const value = effective(type, props, path);
    if (value === UNKNOWN_INPUT) {
        let cur: unknown = props;
        for (const key of path.split(".")) cur = (cur as Record<string, unknown>)[key];
    }
    return value;
}

/** `value`, marked when it is what the provider fills in for an omitted property. */
export function describeValue(type: string, path: string, value: Input): string {
    if (value === UNKNOWN_INPUT) return "unknown at preview";
    const text = value === undefined ? "unset" : typeof value === "string" ? value : JSON.stringify(value);
    return value !== undefined && providerDefault(type, path) === value ? `${text} (the default)` : text;
}

/** Entries of a list input (each unwrapped); [] for absent or unknown lists, unknown entries kept as UNKNOWN_INPUT. */
export function inputList(props: unknown, ...path: string[]): Input[] {
    const list = readInput(props, ...path);
    if (!Array.isArray(list)) return [];
    return list.map((v) => (isUnknown(v) ? UNKNOWN_INPUT : v));
}
