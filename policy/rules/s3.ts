// S3 around an app: every bucket blocks public access, no bucket policy grants to everyone, every
// bucket refuses plain HTTP, ACLs are disabled; versioning and access logging where the profile
// asks for them. Buckets are `Bucket` (v7; v5's legacy bucket) and `BucketV2`; their settings are
// followed through the stack's S3 resources (see lib/s3Buckets.ts).
import { resourceRule, stackRule } from "../lib/rule";
import { configsOf, eachBucket, exempted } from "../lib/s3Buckets";
import { deniesInsecureTransport, policiesOf, publicGrants } from "../lib/s3Policies";
import { accessLogged, evidence, fromConfigs, holds, logTargets, versioned } from "../lib/s3Settings";
import { cannotDecide } from "../lib/undecided";
import { T } from "../knowledge/types";
import { truthy } from "../knowledge/values";

const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export const s3BucketPublicAccessBlock = stackRule({
    name: "s3-bucket-public-access-block",
    description:
        "No S3 bucket turns off a public access block flag (blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets), so no ACL or policy can make it public. AWS sets all four on every new bucket, so a bucket without a BucketPublicAccessBlock passes.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add an aws.s3.BucketPublicAccessBlock whose bucket is the bucket's id (or name), with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.",
    anchors: ["S3.8", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6", "AwsSolutions-S2"],
    check(graph, _config, report) {
        eachBucket(graph, (bucket) => {
            const configs = configsOf(graph, "bucketPublicAccessBlock", bucket);
            if (configs.linked.length === 0) {
                if (configs.unplaced[0]) cannotDecide(configs.unplaced[0].name, "bucket");
                return; // AWS blocks public access on every new bucket (all four flags) unless a block turns one off.
            }
            const off = PUBLIC_ACCESS_FLAGS.filter((flag) => !holds(configs.linked.map((b) => evidence(b, [flag], truthy))));
            if (off.length > 0)
                report(`public access block ${configs.linked.map((b) => b.name).join(", ")} leaves ${off.join(", ")} off; set all four true.`, bucket);
        });
    },
});

export const s3BucketPolicyNoPublicPrincipal = resourceRule({
    name: "s3-bucket-policy-no-public-principal",
    description:
        'Bucket policies (BucketPolicy resources and a bucket\'s inline policy) never allow every principal (`"*"`, `{"AWS": "*"}`, or everyone but a NotPrincipal) unless a condition narrows who (aws:SourceArn, aws:SourceAccount, aws:SourceVpce, aws:PrincipalOrgID, …).',
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Name the principals that need access (a role ARN, a service principal), or add a condition that binds the caller: aws:SourceArn/aws:SourceAccount for a service, aws:SourceVpce for a VPC endpoint, aws:PrincipalOrgID for an organization. Serve public content through CloudFront with origin access control.",
    anchors: ["S3.2", "S3.3", "CKV_AWS_70"],
    types: [...T.bucket, ...T.bucketPolicy],
    check(props, _ctx, report) {
        for (const grant of publicGrants(props.policy))
            report(`${grant.statement} allows ${grant.actions} to ${grant.everyone} and no condition narrows who (${grant.why}).`);
    },
});

export const s3BucketTlsOnly = stackRule({
    name: "s3-bucket-tls-only",
    description:
        'Every S3 bucket\'s policy denies requests made without TLS: a Deny for `Principal: "*"` on `s3:*` (the bucket and its objects) when `aws:SecureTransport` is false.',
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Add to the bucket policy: `{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucketArn, bucketArn + "/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }`.',
    anchors: ["S3.5", "AwsSolutions-S10"],
    check(graph, _config, report) {
        eachBucket(graph, (bucket) => {
            const { sources, unplaced } = policiesOf(graph, bucket);
            if (sources.some((s) => s.known && deniesInsecureTransport(s.document()))) return;
            const unknown = sources.find((s) => !s.known);
            if (unknown) cannotDecide(unknown.resource, "policy");
            if (unplaced[0]) cannotDecide(unplaced[0].name, "bucket");
            const where = sources.length > 0 ? `its policy (${sources.map((s) => s.where).join(", ")})` : "it has no bucket policy, so it";
            report(`${where} does not deny requests without TLS; add a Deny on s3:* when aws:SecureTransport is false.`, bucket);
        });
    },
});

export const s3BucketAclsDisabled = stackRule({
    name: "s3-bucket-acls-disabled",
    description:
        "No S3 bucket turns ACLs back on: AWS creates every bucket with objectOwnership BucketOwnerEnforced (ACLs disabled), so only policies grant access; ownership controls that set another value, or an ACL on a bucket without them, fail.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Add an aws.s3.BucketOwnershipControls whose bucket is the bucket\'s id (or name), with rule: { objectOwnership: "BucketOwnerEnforced" }, and drop acl/grants/BucketAcl resources.',
    anchors: ["S3.12", "CKV2_AWS_65"],
    check(graph, _config, report) {
        eachBucket(graph, (bucket) => {
            const enforced = (v: unknown) => v === "BucketOwnerEnforced";
            const { configs, found } = fromConfigs(graph, "bucketOwnershipControls", bucket, ["rule", "objectOwnership"], enforced);
            if (holds(found, configs)) return;
            if (configs.linked.length === 0) {
                // AWS's default is BucketOwnerEnforced: only an ACL the bucket asks for is a problem (AWS refuses it, too).
                const acl = bucket.props.acl;
                if (typeof acl === "string" && acl !== "private")
                    report(`sets acl ${acl}, but ACLs are disabled on new buckets (BucketOwnerEnforced); grant access with a bucket policy instead.`, bucket);
                return;
            }
            report(`ownership controls ${configs.linked.map((c) => c.name).join(", ")} do not set BucketOwnerEnforced, so ACLs stay enabled.`, bucket);
        });
    },
});

const exemptSchema = {
    properties: {
        exemptBuckets: {
            type: "array" as const,
            items: { type: "string" as const },
            default: [],
            description: "Bucket names or resource names (globs allowed) this rule leaves alone.",
        },
    },
};

export const s3BucketVersioning = stackRule<{ exemptBuckets: string[] }>({
    name: "s3-bucket-versioning",
    description: "S3 buckets keep object versions (versioning Enabled), so an overwrite or delete can be undone. Advisory unless the profile asks for it.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps:
        'Add an aws.s3.BucketVersioning with versioningConfiguration: { status: "Enabled" } (and a lifecycle rule that expires noncurrent versions), or list the bucket in exemptBuckets.',
    anchors: ["S3.14", "CKV_AWS_21"],
    configSchema: exemptSchema,
    check(graph, config, report) {
        eachBucket(graph, (bucket) => {
            if (exempted(bucket, config.exemptBuckets) || versioned(graph, bucket)) return;
            report("does not enable versioning; add a BucketVersioning with status Enabled.", bucket);
        });
    },
});

export const s3BucketAccessLogging = stackRule<{ exemptBuckets: string[] }>({
    name: "s3-bucket-access-logging",
    description:
        "S3 buckets write server access logs to another bucket (buckets that receive access logs are not asked to log themselves). Advisory unless the profile asks for it.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Add an aws.s3.BucketLogging with targetBucket (a log bucket) and targetPrefix, or list the bucket in exemptBuckets.",
    anchors: ["S3.9", "CKV_AWS_18", "AwsSolutions-S1", "awsguard s3-bucket-logging-enabled"],
    configSchema: exemptSchema,
    check(graph, config, report) {
        const receivesLogs = logTargets(graph);
        eachBucket(graph, (bucket) => {
            if (exempted(bucket, config.exemptBuckets) || receivesLogs(bucket) || accessLogged(graph, bucket)) return;
            report("writes no server access logs; add a BucketLogging to a log bucket.", bucket);
        });
    },
});

export const s3Rules = [
    s3BucketPublicAccessBlock,
    s3BucketPolicyNoPublicPrincipal,
    s3BucketTlsOnly,
    s3BucketAclsDisabled,
    s3BucketVersioning,
    s3BucketAccessLogging,
];
