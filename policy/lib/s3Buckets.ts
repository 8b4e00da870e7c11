// The S3 resources that configure a bucket (public access block, ownership controls, policy,
// versioning, logging), found the way the engine records them: by the property dependency of their
// `bucket` input on the bucket (all that is known at preview when the bucket's name is computed),
// else by the bucket's known name, id or ARN.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "./graph";
import { Kind, isKind } from "../knowledge/types";
import { isUnknownRead, read } from "../knowledge/unknowns";
import { globMatch } from "../knowledge/values";

export interface BucketConfigs {
    /** Resources of the kind configuring this bucket. */
    linked: PolicyResource[];
    /**
     * Resources of the kind whose `bucket` is unknown at preview and was fed by no bucket of the
     * stack: each may configure this bucket or another, which only `pulumi up` tells.
     */
    unplaced: PolicyResource[];
}

/** The values that identify a bucket where known: its name, id and ARN. */
export function bucketIdentity(bucket: PolicyResource): string[] {
    return ["bucket", "id", "arn"].map((key) => safeProp(bucket, key)).filter((v): v is string => typeof v === "string" && v !== "");
}

const fedByBucket = (r: PolicyResource) => (r.propertyDependencies.bucket ?? []).some((d) => isKind(d.type, "bucket"));

export function configsOf(graph: StackGraph, kind: Kind, bucket: PolicyResource): BucketConfigs {
    const identity = bucketIdentity(bucket);
    const byGraph = graph.consumersOf(bucket, kind, "bucket");
    const linked = graph.ofKind(kind).filter((r) => {
        if (byGraph.includes(r)) return true;
        const name = read(r.props, "bucket");
        return name.known && typeof name.value === "string" && identity.includes(name.value);
    });
    const unplaced = graph.ofKind(kind).filter((r) => !read(r.props, "bucket").known && !fedByBucket(r));
    return { linked, unplaced };
}

/** A bucket this rule's config exempts, by bucket name or resource name (globs allowed). */
export const exempted = (bucket: PolicyResource, patterns: readonly string[]): boolean =>
    patterns.some((p) => globMatch(p, bucket.name) || bucketIdentity(bucket).some((id) => globMatch(p, id)));

/**
 * Runs `check` for every bucket of the stack. A bucket whose verdict hangs on a value unknown at
 * preview (the check reads it and the SDK throws) is set aside; once the others are judged, the
 * first such read is raised again, so the rule can't run (or fails closed) naming that value.
 */
export function eachBucket(graph: StackGraph, check: (bucket: PolicyResource) => void): void {
    let undecided: unknown;
    for (const bucket of graph.ofKind("bucket")) {
        try {
            check(bucket);
        } catch (e) {
            if (!isUnknownRead(e)) throw e;
            undecided ??= e;
        }
    }
    if (undecided !== undefined) throw undecided;
}
