import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { ecrImageReference } from "../documents/arns";
import { contentTag } from "../documents/imageTag";
import { keepLastImagesPolicy } from "../documents/lifecyclePolicy";
import { ecrRepositoryArn } from "../policy/knowledge/ecr";
import { awsContext } from "./awsContext";

export interface RegistryArgs {
    repositoryName: string;
    immutableTags: boolean;
    keepImages: number;
    /** Disposable stacks delete the repository with its images on destroy. */
    disposable: boolean;
    protect: boolean;
    /** A prebuilt image reference; when absent the image is built from `buildContext`. */
    image?: string;
    buildContext: string;
    platform: "linux/amd64" | "linux/arm64";
    tags: Record<string, string>;
}

/** ECR repository (scan on push, lifecycle, encryption) and the image the service runs. */
export class Registry extends pulumi.ComponentResource {
    /** Formatted from account/region/partition and the repository name: known at preview. */
    readonly repositoryArn: pulumi.Output<string>;
    readonly repositoryUrl: pulumi.Output<string>;
    /**
     * The image the task runs: the prebuilt reference, or this repository's URL and the content
     * tag, computed (known at preview) rather than read back from the build (unknown until up).
     */
    readonly imageUri: pulumi.Output<string>;
    /** The build that pushes `imageUri`; whatever runs the image must `dependsOn` it. */
    readonly imageBuild?: pulumi.Resource;
    /** Whether the image was built from this repo's app (and so ships its health probe). */
    readonly builtHere: boolean;

    constructor(name: string, args: RegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:registry:Registry", name, {}, opts);

        const repo = new aws.ecr.Repository(
            name,
            {
                name: args.repositoryName,
                imageTagMutability: args.immutableTags ? "IMMUTABLE" : "MUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS" }],
                forceDelete: args.disposable,
                tags: args.tags,
            },
            { parent: this, protect: args.protect },
        );
        new aws.ecr.LifecyclePolicy(name, { repository: repo.name, policy: keepLastImagesPolicy(args.keepImages) }, { parent: this });

        const ctx = awsContext({ parent: this });
        this.builtHere = args.image === undefined;
        if (args.image !== undefined) {
            this.imageUri = pulumi.output(args.image);
        } else {
            const tag = contentTag(args.buildContext);
            // Building and pushing is opaque work: awsx does it (needs Docker where `pulumi up` runs).
            this.imageBuild = new awsx.ecr.Image(
                name,
                { repositoryUrl: repo.repositoryUrl, context: args.buildContext, platform: args.platform, imageTag: tag },
                { parent: this },
            );
            // Not the build's imageUri (…@sha256:digest, unknown until the push): the content tag names
            // the same image, and immutable tags keep it from ever naming another.
            this.imageUri = pulumi
                .all([ctx.accountId, ctx.partition, ctx.region, ctx.dnsSuffix])
                .apply(([accountId, partition, region, dnsSuffix]) => ecrImageReference({ accountId, partition, region, dnsSuffix }, args.repositoryName, tag));
        }

        this.repositoryArn = pulumi
            .all([ctx.accountId, ctx.partition, ctx.region])
            .apply(([account, partition, region]) => ecrRepositoryArn({ account, region, repository: args.repositoryName }, partition));
        this.repositoryUrl = repo.repositoryUrl;
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, imageUri: this.imageUri });
    }
}
