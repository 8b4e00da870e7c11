// The artifact bucket's lifecycle and bucket policy, as data.
import type * as aws from "@pulumi/aws";
import type { PolicyDocument } from "./iamDocuments";

type LifecycleRule = aws.types.input.s3.BucketLifecycleConfigurationRule;

/** Artifacts are per run: expire them, with any old versions and unfinished uploads. */
export function artifactLifecycleRules(retentionDays: number): LifecycleRule[] {
    return [
        {
            id: "expire-pipeline-artifacts",
            status: "Enabled",
            filter: { prefix: "" },
            expiration: { days: retentionDays },
            noncurrentVersionExpiration: { noncurrentDays: 1 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
    ];
}

/** Refuses every request that does not use TLS. */
export function artifactBucketPolicy(bucketArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}
