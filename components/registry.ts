import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { contentTag } from "../documents/imageTag";
import { keepLastImagesPolicy } from "../documents/lifecyclePolicy";

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
    readonly repositoryArn: pulumi.Output<string>;
    readonly repositoryUrl: pulumi.Output<string>;
    /** The image the task runs, pinned by digest when built here. */
    readonly imageUri: pulumi.Output<string>;
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

        this.builtHere = args.image === undefined;
        if (args.image !== undefined) {
            this.imageUri = pulumi.output(args.image);
        } else {
            // Building and pushing is opaque work: awsx does it (needs Docker where `pulumi up` runs).
            const image = new awsx.ecr.Image(
                name,
                {
                    repositoryUrl: repo.repositoryUrl,
                    context: args.buildContext,
                    platform: args.platform,
                    imageTag: contentTag(args.buildContext),
                },
                { parent: this },
            );
            this.imageUri = image.imageUri;
        }

        this.repositoryArn = repo.arn;
        this.repositoryUrl = repo.repositoryUrl;
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, imageUri: this.imageUri });
    }
}
