// S3 rules through the pack's server: buckets (v7 Bucket and BucketV2) with their configuring
// resources, linked by property dependency (at preview, when the bucket's name is computed) or by
// the known name (after up); unknown values either can't run or fail closed.
import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import type { PolicyPackConfig } from "@pulumi/policy";
import {
    s3BucketAccessLogging,
    s3BucketAclsDisabled,
    s3BucketPolicyNoPublicPrincipal,
    s3BucketPublicAccessBlock,
    s3BucketTlsOnly,
    s3BucketVersioning,
} from "../../policy/rules/s3";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import type { Phase } from "../../plan/analyzer/types";
import { ResourceClass, StackBuilder, check, evaluatePolicies, messages } from "./harness";

type AnyRule = Parameters<typeof evaluatePolicies>[0][number];

const ARN = "arn:aws:s3:::web-artifacts";
const FLAGS = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const document = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const TLS_DENY = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [ARN, `${ARN}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};

/**
 * A bucket and what configures it. At preview its name, id and ARN are computed, so each
 * configuring resource is linked by its `bucket` input's dependency; after up, by the name alone.
 */
function bucketStack(phase: Phase, configs: [ResourceClass, string, object][], bucketClass: ResourceClass = aws.s3.Bucket, bucketProps: object = {}) {
    const preview = phase === "preview";
    const b = new StackBuilder().add(
        bucketClass,
        "artifacts",
        preview
            ? { bucket: UNKNOWN.string, id: UNKNOWN.string, arn: UNKNOWN.string, ...bucketProps }
            : { bucket: "web-artifacts", id: "web-artifacts", arn: ARN, ...bucketProps },
    );
    for (const [cls, name, props] of configs)
        b.add(cls, name, { bucket: preview ? UNKNOWN.string : "web-artifacts", ...props }, preview ? { bucket: ["artifacts"] } : {});
    return b;
}

const verdicts = async (rule: AnyRule, b: StackBuilder, phase: Phase, config: PolicyPackConfig = {}) =>
    (await evaluatePolicies([rule], b.records, config, phase)).violations;

const PHASES: Phase[] = ["preview", "up"];

describe("policy: S3", () => {
    describe("s3-bucket-public-access-block (stack)", () => {
        for (const phase of PHASES) {
            it(`${phase}: passes a Bucket and a BucketV2 blocked on all four flags`, async () => {
                for (const cls of [aws.s3.Bucket, aws.s3.BucketV2])
                    assert.deepEqual(
                        await verdicts(s3BucketPublicAccessBlock, bucketStack(phase, [[aws.s3.BucketPublicAccessBlock, "pab", FLAGS]], cls), phase),
                        [],
                    );
            });
            it(`${phase}: passes a bucket without a block (AWS blocks all four on every new bucket); fails a block that leaves a flag off`, async () => {
                assert.deepEqual(await verdicts(s3BucketPublicAccessBlock, bucketStack(phase, []), phase), []);
                const partial = bucketStack(phase, [
                    [aws.s3.BucketPublicAccessBlock, "pab", { ...FLAGS, restrictPublicBuckets: false, ignorePublicAcls: undefined }],
                ]);
                const [v] = await verdicts(s3BucketPublicAccessBlock, partial, phase);
                assert.equal(v!.enforcementLevel, "mandatory");
                assert.equal(messages([v!])[0], "artifacts: public access block pab leaves ignorePublicAcls, restrictPublicBuckets off; set all four true.");
            });
        }
        it("preview: a block whose bucket no bucket of the stack fed can't be placed: can't run, or fails closed", async () => {
            const b = bucketStack("preview", []).add(aws.s3.BucketPublicAccessBlock, "pab", { bucket: UNKNOWN.string, ...FLAGS });
            const [cantRun] = await verdicts(s3BucketPublicAccessBlock, b, "preview");
            assert.ok(cantRun!.unverifiable && cantRun!.enforcementLevel === "advisory", cantRun!.message);
            assert.match(cantRun!.message, /pab\.bucket/);
            const [closed] = await verdicts(s3BucketPublicAccessBlock, b, "preview", { "s3-bucket-public-access-block": { failClosedAtPreview: true } });
            assert.equal(closed!.enforcementLevel, "mandatory");
            assert.match(messages([closed!])[0]!, /^pab\.bucket is unknown at preview, so this policy cannot decide before deploy/);
        });
    });

    describe("s3-bucket-policy-no-public-principal", () => {
        const policyOf = (...statements: object[]) => ({ bucket: "web-artifacts", policy: document(...statements) });
        it("fails grants to everyone without a narrowing condition, in BucketPolicy and inline policies", async () => {
            assert.deepEqual(
                messages(
                    await check(
                        s3BucketPolicyNoPublicPrincipal,
                        aws.s3.BucketPolicy,
                        policyOf({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*` }),
                    ),
                ),
                ['subject: statement #1 allows ["s3:GetObject"] to everyone (Principal "*") and no condition narrows who (no condition).'],
            );
            const inline = document(TLS_DENY, {
                Sid: "PublicWrite",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["s3:PutObject"],
                Resource: `${ARN}/*`,
                Condition: { Bool: { "aws:SecureTransport": "true" } },
            });
            const [v] = await check(s3BucketPolicyNoPublicPrincipal, aws.s3.BucketV2, { policy: inline });
            assert.equal(v!.severity, "critical");
            assert.match(
                messages([v!])[0]!,
                /^subject: statement PublicWrite allows \["s3:PutObject"\] to everyone \(Principal "\*"\) and no condition narrows who \(Bool on aws:SecureTransport: /,
            );
        });
        it("fails an Allow with NotPrincipal: everyone but the named principals", async () => {
            const notPrincipal = {
                Sid: "",
                Effect: "Allow",
                NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/ops" },
                Action: "s3:GetObject",
                Resource: `${ARN}/*`,
            };
            assert.deepEqual(messages(await check(s3BucketPolicyNoPublicPrincipal, aws.s3.BucketPolicy, policyOf(TLS_DENY, notPrincipal))), [
                'subject: statement #2 allows ["s3:GetObject"] to everyone but NotPrincipal {"AWS":"arn:aws:iam::123456789012:role/ops"} and no condition narrows who (no condition).',
            ]);
        });
        it("passes grants narrowed by aws:SourceArn, named principals, and Deny statements", async () => {
            const narrowed = {
                Effect: "Allow",
                Principal: "*",
                Action: "s3:PutObject",
                Resource: `${ARN}/*`,
                Condition: { ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:*" } },
            };
            const named = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/app" }, Action: "s3:GetObject", Resource: `${ARN}/*` };
            assert.deepEqual(await check(s3BucketPolicyNoPublicPrincipal, aws.s3.BucketPolicy, policyOf(narrowed, named, TLS_DENY)), []);
            assert.deepEqual(await check(s3BucketPolicyNoPublicPrincipal, aws.s3.Bucket, { bucket: "web-artifacts" }), []);
        });
        it("preview: a policy built from the bucket's ARN can't run, or fails closed", async () => {
            const [cantRun] = await check(s3BucketPolicyNoPublicPrincipal, aws.s3.BucketPolicy, { bucket: "web-artifacts", policy: UNKNOWN.string });
            assert.ok(cantRun!.unverifiable && cantRun!.enforcementLevel === "advisory");
            const [closed] = await check(
                s3BucketPolicyNoPublicPrincipal,
                aws.s3.BucketPolicy,
                { bucket: "web-artifacts", policy: UNKNOWN.string },
                {
                    "s3-bucket-policy-no-public-principal": { failClosedAtPreview: true },
                },
            );
            assert.match(messages([closed!])[0]!, /^subject: policy is unknown at preview, so this policy cannot decide before deploy/);
        });
    });

    describe("s3-bucket-tls-only (stack)", () => {
        for (const phase of PHASES) {
            it(`${phase}: passes a BucketPolicy and an inline policy that deny plain HTTP`, async () => {
                assert.deepEqual(
                    await verdicts(s3BucketTlsOnly, bucketStack(phase, [[aws.s3.BucketPolicy, "pol", { policy: document(TLS_DENY) }]]), phase),
                    [],
                );
                assert.deepEqual(await verdicts(s3BucketTlsOnly, bucketStack(phase, [], aws.s3.BucketV2, { policy: document(TLS_DENY) }), phase), []);
            });
            it(`${phase}: fails a bucket without a policy, and a Deny that leaves the objects out`, async () => {
                assert.deepEqual(messages(await verdicts(s3BucketTlsOnly, bucketStack(phase, []), phase)), [
                    "artifacts: it has no bucket policy, so it does not deny requests without TLS; add a Deny on s3:* when aws:SecureTransport is false.",
                ]);
                const bucketOnly = bucketStack(phase, [[aws.s3.BucketPolicy, "pol", { policy: document({ ...TLS_DENY, Resource: ARN }) }]]);
                assert.deepEqual(messages(await verdicts(s3BucketTlsOnly, bucketOnly, phase)), [
                    "artifacts: its policy (pol) does not deny requests without TLS; add a Deny on s3:* when aws:SecureTransport is false.",
                ]);
            });
        }
        it("preview: an unknown policy document can't run, or fails closed; other buckets are still judged", async () => {
            const b = bucketStack("preview", [[aws.s3.BucketPolicy, "pol", { policy: UNKNOWN.string }]]).add(aws.s3.BucketV2, "plain", { bucket: "web-plain" });
            const all = await verdicts(s3BucketTlsOnly, b, "preview");
            assert.ok(
                messages(all).includes(
                    "plain: it has no bucket policy, so it does not deny requests without TLS; add a Deny on s3:* when aws:SecureTransport is false.",
                ),
            );
            assert.ok(
                all.some(
                    (v) =>
                        v.unverifiable && v.enforcementLevel === "advisory" && v.message.includes("string value at .pol.policy can't be known during preview"),
                ),
            );
            const closed = await verdicts(s3BucketTlsOnly, b, "preview", { "s3-bucket-tls-only": { failClosedAtPreview: true } });
            assert.ok(
                messages(closed).some((m) => m.startsWith("pol.policy is unknown at preview, so this policy cannot decide before deploy")),
                messages(closed).join("\n"),
            );
        });
    });

    describe("s3-bucket-acls-disabled (stack)", () => {
        for (const phase of PHASES) {
            it(`${phase}: passes BucketOwnerEnforced and AWS's default (no controls); fails ObjectWriter and an ACL asked for`, async () => {
                const enforced: [ResourceClass, string, object] = [aws.s3.BucketOwnershipControls, "own", { rule: { objectOwnership: "BucketOwnerEnforced" } }];
                assert.deepEqual(await verdicts(s3BucketAclsDisabled, bucketStack(phase, [enforced]), phase), []);
                assert.deepEqual(await verdicts(s3BucketAclsDisabled, bucketStack(phase, []), phase), []);
                assert.deepEqual(messages(await verdicts(s3BucketAclsDisabled, bucketStack(phase, [], aws.s3.Bucket, { acl: "public-read" }), phase)), [
                    "artifacts: sets acl public-read, but ACLs are disabled on new buckets (BucketOwnerEnforced); grant access with a bucket policy instead.",
                ]);
                const writer = bucketStack(phase, [[aws.s3.BucketOwnershipControls, "own", { rule: { objectOwnership: "ObjectWriter" } }]]);
                assert.deepEqual(messages(await verdicts(s3BucketAclsDisabled, writer, phase)), [
                    "artifacts: ownership controls own do not set BucketOwnerEnforced, so ACLs stay enabled.",
                ]);
            });
        }
    });

    describe("s3-bucket-versioning (stack)", () => {
        for (const phase of PHASES) {
            it(`${phase}: advisory by default; BucketVersioning, v7 inline and BucketV2 inline versioning pass`, async () => {
                const [v] = await verdicts(s3BucketVersioning, bucketStack(phase, []), phase);
                assert.equal(v!.enforcementLevel, "advisory");
                assert.equal(messages([v!])[0], "artifacts: does not enable versioning; add a BucketVersioning with status Enabled.");
                const on = { versioningConfiguration: { status: "Enabled" } };
                assert.deepEqual(await verdicts(s3BucketVersioning, bucketStack(phase, [[aws.s3.BucketVersioning, "ver", on]]), phase), []);
                assert.deepEqual(await verdicts(s3BucketVersioning, bucketStack(phase, [], aws.s3.Bucket, { versioning: { enabled: true } }), phase), []);
                assert.deepEqual(await verdicts(s3BucketVersioning, bucketStack(phase, [], aws.s3.BucketV2, { versionings: [{ enabled: true }] }), phase), []);
            });
        }
        it("a profile makes it mandatory and may exempt buckets by name", async () => {
            const suspended = bucketStack("up", [[aws.s3.BucketVersioning, "ver", { versioningConfiguration: { status: "Suspended" } }]]);
            const [v] = await verdicts(s3BucketVersioning, suspended, "up", { "s3-bucket-versioning": "mandatory" });
            assert.equal(v!.enforcementLevel, "mandatory");
            assert.deepEqual(
                await verdicts(s3BucketVersioning, suspended, "up", { "s3-bucket-versioning": { enforcementLevel: "mandatory", exemptBuckets: ["web-*"] } }),
                [],
            );
        });
        it("preview: an unknown versioning status can't run", async () => {
            const [v] = await verdicts(
                s3BucketVersioning,
                bucketStack("preview", [[aws.s3.BucketVersioning, "ver", { versioningConfiguration: UNKNOWN.object }]]),
                "preview",
            );
            assert.ok(v!.unverifiable && /ver\.versioningConfiguration/.test(v!.message), v!.message);
        });
    });

    describe("s3-bucket-access-logging (stack)", () => {
        for (const phase of PHASES) {
            it(`${phase}: a bucket logging to a log bucket passes, and the log bucket is not asked to log itself`, async () => {
                const b = bucketStack(phase, []).add(aws.s3.BucketV2, "logs", { bucket: "web-logs" });
                assert.deepEqual(messages(await verdicts(s3BucketAccessLogging, b, phase)), [
                    "artifacts: writes no server access logs; add a BucketLogging to a log bucket.",
                    "logs: writes no server access logs; add a BucketLogging to a log bucket.",
                ]);
                b.add(
                    aws.s3.BucketLogging,
                    "access-log",
                    { bucket: phase === "preview" ? UNKNOWN.string : "web-artifacts", targetBucket: "web-logs", targetPrefix: "artifacts/" },
                    phase === "preview" ? { bucket: ["artifacts"], targetBucket: ["logs"] } : {},
                );
                assert.deepEqual(await verdicts(s3BucketAccessLogging, b, phase), []);
            });
        }
        it("a load balancer's access-log bucket is not asked to log itself", async () => {
            const b = new StackBuilder()
                .add(aws.s3.BucketV2, "alb-logs", { bucket: "web-alb-logs" })
                .add(aws.lb.LoadBalancer, "alb", { accessLogs: { bucket: "web-alb-logs", enabled: true } });
            assert.deepEqual(await verdicts(s3BucketAccessLogging, b, "up"), []);
        });
        it("a v7 bucket's inline logging block counts", async () => {
            const b = bucketStack("up", [], aws.s3.Bucket, { logging: { targetBucket: "web-logs", targetPrefix: "a/" } });
            assert.deepEqual(await verdicts(s3BucketAccessLogging, b, "up"), []);
        });
    });
});
