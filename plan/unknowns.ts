// Values unknown at preview as the engine sends them: one sentinel string, the same one the
// policy SDK's proxy recognises (its unknownStringValue), so records carry it verbatim.
import * as pulumi from "@pulumi/pulumi";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { ResourceRecord } from "./types";

export const ENGINE_UNKNOWN: string = unknownValue;

/** Replaces the SDK's in-process `unknown` (what deserialization gives under dryRun) by the wire sentinel. */
export function withEngineUnknowns(value: unknown): unknown {
    if (pulumi.isUnknown(value)) return ENGINE_UNKNOWN;
    if (Array.isArray(value)) return value.map(withEngineUnknowns);
    if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withEngineUnknowns(v)]));
    }
    return value;
}

/** Paths ("a.b[0].c") of the values unknown in a record's inputs or outputs. */
export function unknownPaths(record: Pick<ResourceRecord, "inputs" | "outputs">, where: "inputs" | "outputs" = "inputs"): string[] {
    const paths: string[] = [];
    const walk = (value: unknown, path: string) => {
        if (value === ENGINE_UNKNOWN) paths.push(path);
        else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
        else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(record[where], "");
    return paths;
}
