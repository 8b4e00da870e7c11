import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { artifactBucketPolicy, artifactLifecycleRules } from "../documents/artifactBucket";

export interface ArtifactBucketArgs {
    bucketName: pulumi.Input<string>;
    /** Artifacts (source zips, image definitions) expire after this many days. */
    retentionDays: number;
    /** Disposable stacks delete the bucket with its objects on destroy. */
    disposable: boolean;
    tags: Record<string, string>;
}

/** The pipeline's artifact store: encrypted, never public, TLS only, and emptied by expiry. */
export class ArtifactBucket extends pulumi.ComponentResource {
    readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: ArtifactBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:cicd:ArtifactBucket", name, {}, opts);

        const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: args.disposable, tags: args.tags }, { parent: this });
        new aws.s3.BucketPublicAccessBlock(
            name,
            { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            { parent: this },
        );
        // Versions guard against an overwritten artifact; the lifecycle expires noncurrent ones after a day.
        new aws.s3.BucketVersioning(name, { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } }, { parent: this });
        new aws.s3.BucketOwnershipControls(name, { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent: this });
        // The AWS-managed aws/s3 key: CodePipeline and CodeBuild use it without key grants.
        new aws.s3.BucketServerSideEncryptionConfiguration(
            name,
            { bucket: bucket.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] },
            { parent: this },
        );
        new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.bucket, rules: artifactLifecycleRules(args.retentionDays) }, { parent: this });
        const partition = awsContext({ parent: this }).partition;
        const policy = pulumi.all([partition, bucket.bucket]).apply(([p, b]) => JSON.stringify(artifactBucketPolicy(`arn:${p}:s3:::${b}`)));
        new aws.s3.BucketPolicy(name, { bucket: bucket.bucket, policy }, { parent: this });

        this.bucketName = bucket.bucket;
        this.registerOutputs({ bucketName: this.bucketName });
    }
}
