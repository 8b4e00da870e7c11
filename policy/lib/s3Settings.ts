// A bucket's settings as evidence from several places: inline blocks of the bucket (v5/v7
// `versioning`, `logging`; BucketV2's `versionings`, `loggings`) and the separate resources that
// configure it. A setting holds when any known evidence says so; when none does and some evidence
// (or a configuring resource not yet placed on a bucket) is unknown at preview, the check cannot
// decide and throws the SDK's unknown-value error for it.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "./graph";
import { BucketConfigs, bucketIdentity, configsOf } from "./s3Buckets";
import { cannotDecide } from "./undecided";
import type { Kind } from "../knowledge/types";
import { isUnknownRead, read } from "../knowledge/unknowns";
import { asRecords, at, truthy } from "../knowledge/values";

export type Evidence = { known: true; holds: boolean } | { known: false; resource: string; path: string[] };

/** What `test` says of `r.props` at `path`; unknown when a level, or what `test` reads, is unknown. */
export function evidence(r: PolicyResource, path: string[], test: (value: unknown) => boolean): Evidence {
    const unknown: Evidence = { known: false, resource: r.name, path };
    let cur: unknown = r.props;
    for (const key of path) {
        const next = read(cur, key);
        if (!next.known) return unknown;
        cur = next.value;
    }
    try {
        return { known: true, holds: test(cur) };
    } catch (e) {
        if (isUnknownRead(e)) return unknown;
        throw e;
    }
}

/** True when any evidence holds; false when all is known and none holds; else cannot decide. */
export function holds(found: Evidence[], configs?: BucketConfigs): boolean {
    if (found.some((e) => e.known && e.holds)) return true;
    const unknown = found.find((e): e is Extract<Evidence, { known: false }> => !e.known);
    if (unknown) cannotDecide(unknown.resource, ...unknown.path);
    const unplaced = configs?.unplaced[0];
    if (unplaced) cannotDecide(unplaced.name, "bucket");
    return false;
}

/** Evidence from the resources of `kind` configuring `bucket`, with those resources. */
export function fromConfigs(graph: StackGraph, kind: Kind, bucket: PolicyResource, path: string[], test: (value: unknown) => boolean) {
    const configs = configsOf(graph, kind, bucket);
    return { configs, found: configs.linked.map((r) => evidence(r, path, test)) };
}

const enabledEntry = (value: unknown) => asRecords(value).some((v) => truthy(v.enabled));

export function versioned(graph: StackGraph, bucket: PolicyResource): boolean {
    const { configs, found } = fromConfigs(graph, "bucketVersioning", bucket, ["versioningConfiguration"], (v) => at(v, "status") === "Enabled");
    return holds([evidence(bucket, ["versioning"], enabledEntry), evidence(bucket, ["versionings"], enabledEntry), ...found], configs);
}

const namesTarget = (value: unknown) => asRecords(value).some((v) => typeof v.targetBucket === "string" && v.targetBucket !== "");

export function accessLogged(graph: StackGraph, bucket: PolicyResource): boolean {
    const { configs, found } = fromConfigs(graph, "bucketLogging", bucket, ["targetBucket"], (v) => typeof v === "string" && v !== "");
    return holds([evidence(bucket, ["logging"], namesTarget), evidence(bucket, ["loggings"], namesTarget), ...found], configs);
}

/** Inputs through which a resource sends its logs to a bucket: S3 server access logs, load balancer access logs. */
const LOG_TARGET_INPUTS: [prop: string, ...path: string[]][] = [
    ["targetBucket"],
    ["logging", "targetBucket"],
    ["loggings", "targetBucket"],
    ["accessLogs", "bucket"],
];

/** A nested read, undefined where unknown at preview. */
function evidenceFree(readValue: () => unknown): unknown {
    try {
        return readValue();
    } catch (e) {
        if (isUnknownRead(e)) return undefined;
        throw e;
    }
}

/**
 * Buckets that receive access logs (S3 server access logs, load balancer access logs): they are not
 * asked to log their own access, which would loop. One pass over the stack, then a lookup per bucket.
 */
export function logTargets(graph: StackGraph): (bucket: PolicyResource) => boolean {
    const urns = new Set<string>();
    const names = new Set<unknown>();
    for (const r of graph.resources) {
        for (const [prop, ...path] of LOG_TARGET_INPUTS) {
            for (const d of r.propertyDependencies[prop] ?? []) urns.add(d.urn);
            const value = read(r.props, prop);
            if (!value.known || value.value === undefined) continue;
            if (path.length === 0) names.add(value.value);
            else for (const v of asRecords(value.value)) names.add(evidenceFree(() => at(v, ...path)));
        }
    }
    return (bucket) => urns.has(bucket.urn) || bucketIdentity(bucket).some((id) => names.has(id));
}
