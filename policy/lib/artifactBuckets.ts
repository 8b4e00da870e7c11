// The protection of a pipeline's artifact buckets, followed through the stack's S3 resources:
// encryption, public access block and lifecycle configuration, each a separate resource in
// provider v6+ (or the legacy inline blocks of a v5 bucket).
import type { PolicyResource } from "@pulumi/policy";
import { knownAt } from "./containerInstances";
import { StackGraph, safeProp } from "./graph";
import type { Kind } from "../knowledge/types";
import { asRecords, at, num, text, truthy } from "../knowledge/values";

/** Resources of `kind` configuring `bucket`: by the graph, else by the bucket's name. */
function configuring(graph: StackGraph, kind: Kind, bucket: PolicyResource, name: string): PolicyResource[] {
    const byGraph = graph.consumersOf(bucket, kind, "bucket");
    return byGraph.length > 0 ? byGraph : graph.ofKind(kind).filter((r) => safeProp(r, "bucket") === name);
}

const ENCRYPTIONS = ["aws:kms", "aws:kms:dsse", "AES256"];

function encrypted(graph: StackGraph, bucket: PolicyResource, name: string): boolean {
    const rules = [
        ...configuring(graph, "bucketEncryption", bucket, name).flatMap((c) => asRecords(knownAt(c, "rules"))),
        ...asRecords(knownAt(bucket, "serverSideEncryptionConfiguration", "rule")),
    ];
    return rules.some((r) => ENCRYPTIONS.includes(text(at(r, "applyServerSideEncryptionByDefault", "sseAlgorithm"))));
}

const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

function publicAccessGaps(graph: StackGraph, bucket: PolicyResource, name: string): string[] | undefined {
    const blocks = configuring(graph, "bucketPublicAccessBlock", bucket, name);
    if (blocks.length === 0) return undefined;
    return PUBLIC_ACCESS_FLAGS.filter((flag) => !blocks.some((b) => truthy(knownAt(b, flag))));
}

function expires(graph: StackGraph, bucket: PolicyResource, name: string): boolean {
    const rules = [
        ...configuring(graph, "bucketLifecycle", bucket, name).flatMap((c) => asRecords(knownAt(c, "rules"))),
        ...asRecords(knownAt(bucket, "lifecycleRules")).map((r) => ({ ...r, status: truthy(r.enabled) ? "Enabled" : "Disabled" })),
    ];
    return rules.some((r) => text(r.status) === "Enabled" && num(at(r, "expiration", "days"), 0) > 0);
}

/** Problems of each artifact bucket `pipeline` uses, as messages. */
export function artifactBucketChecks(graph: StackGraph, pipeline: PolicyResource, approved: string[]): string[] {
    const problems: string[] = [];
    const fromGraph = graph.inputsOf(pipeline, "artifactStores", "bucket");
    // Read through the proxy: an unknown location at preview throws, and the rule says so.
    const names = asRecords(pipeline.props.artifactStores).map((store) => text(store.location));
    if (names.length === 0) problems.push("has no artifactStores this stack can follow.");
    for (const name of names) {
        const bucket = fromGraph.find((b) => safeProp(b, "bucket") === name) ?? graph.ofKind("bucket").find((b) => safeProp(b, "bucket") === name);
        if (!bucket) {
            if (!approved.includes(name))
                problems.push(`artifact bucket ${name} is not in this stack and not in approvedArtifactBuckets: unverifiable, so not accepted.`);
            continue;
        }
        if (!encrypted(graph, bucket, name)) problems.push(`artifact bucket ${name} has no default encryption; add a BucketServerSideEncryptionConfiguration.`);
        const gaps = publicAccessGaps(graph, bucket, name);
        if (gaps === undefined) problems.push(`artifact bucket ${name} has no public access block; add a BucketPublicAccessBlock with all four flags true.`);
        else if (gaps.length > 0) problems.push(`artifact bucket ${name} public access block leaves ${gaps.join(", ")} off; set all four true.`);
        if (!expires(graph, bucket, name)) problems.push(`artifact bucket ${name} never expires its artifacts; add a lifecycle rule with expiration.`);
    }
    return problems;
}
