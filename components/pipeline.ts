// CodePipeline for one stack: Source (CodeConnections) → Build (the app's image, content-tagged)
// → PolicyGate (`pulumi preview` with the pack) → Deploy (`pulumi up`). The program stays the
// source of truth: nothing changes the stack behind Pulumi's back unless deploy is "ecs".
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArtifactBucket } from "./artifactBucket";
import { awsContext } from "./awsContext";
import { Logs } from "./logs";
import { PipelineRoles } from "./pipelineRoles";
import type { Place } from "../documents/arns";
import { imageBuildSpec, stackBuildSpec } from "../documents/buildspec";
import { pipelineStages } from "../documents/pipelineStages";
import { pipelineUrl } from "../documents/consoleUrls";
import { ecrRegistryHost } from "../policy/knowledge/ecr";
import type { CpuArchitecture, PipelineSettings } from "../settings/types";

/** CodeBuild's managed Amazon Linux 2023 images: the build runs on the app's own architecture. */
const BUILD_ENVIRONMENTS: Record<CpuArchitecture, { type: string; image: string }> = {
    X86_64: { type: "LINUX_CONTAINER", image: "aws/codebuild/amazonlinux-x86_64-standard:5.0" },
    ARM64: { type: "ARM_CONTAINER", image: "aws/codebuild/amazonlinux-aarch64-standard:3.0" },
};

export interface PipelineArgs {
    settings: PipelineSettings;
    repositoryName: string;
    buildContext: string;
    cpuArchitecture: CpuArchitecture;
    /** The app's container, cluster and task family (the ECS deploy action names them). */
    containerName: string;
    clusterName: string;
    taskFamily: string;
    /** ECS deploy action only: the service it updates and the roles its revisions pass. */
    ecsDeploy?: { serviceName: pulumi.Input<string>; passRoleNames: string[] };
    logRetentionDays: number;
    logKms: boolean;
    protect: boolean;
    disposable: boolean;
    tags: Record<string, string>;
}

export class Pipeline extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: PipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:cicd:Pipeline", name, {}, opts);
        const s = args.settings;
        const n = s.names;
        const ctx = awsContext({ parent: this });
        const dnsSuffix = aws.getPartitionOutput({}, { parent: this }).dnsSuffix;
        const where: pulumi.Output<Place> = pulumi.all([ctx.partition, ctx.region, ctx.accountId]).apply(([partition, region, accountId]) => ({
            partition,
            region,
            accountId,
        }));

        const logs = new Logs(
            `${name}-build`,
            { logGroupName: n.logGroup, retentionDays: args.logRetentionDays, kms: args.logKms, protect: args.protect, tags: args.tags },
            { parent: this },
        );
        const bucket = new ArtifactBucket(
            `${name}-artifacts`,
            {
                bucketName: ctx.accountId.apply((account) => `${n.bucketPrefix}-artifacts-${account}`),
                retentionDays: s.artifactRetentionDays,
                disposable: args.disposable,
                tags: args.tags,
            },
            { parent: this },
        );
        const ecs = s.deploy === "ecs" ? args.ecsDeploy : undefined;
        if (s.deploy === "ecs" && !ecs) throw new Error("pipeline.deploy=ecs needs the service to deploy to");
        const roles = new PipelineRoles(
            name,
            {
                settings: s,
                where,
                bucketName: bucket.bucketName,
                repositoryName: args.repositoryName,
                ecsDeploy: ecs && { clusterName: args.clusterName, taskFamily: args.taskFamily, passRoleNames: ecs.passRoleNames },
                tags: args.tags,
            },
            { parent: this },
        );

        const project = (projectName: string, stream: string, serviceRole: pulumi.Input<string>, buildspec: pulumi.Input<string>, o: ProjectOptions) =>
            new aws.codebuild.Project(
                projectName,
                {
                    name: projectName,
                    description: o.description,
                    serviceRole,
                    source: { type: "CODEPIPELINE", buildspec },
                    artifacts: { type: "CODEPIPELINE" },
                    environment: {
                        ...o.environment,
                        computeType: "BUILD_GENERAL1_SMALL",
                        // Docker needs it; nothing else gets it.
                        privilegedMode: o.privileged,
                        imagePullCredentialsType: "CODEBUILD",
                        environmentVariables: o.variables,
                    },
                    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: logs.logGroupName, streamName: stream }, s3Logs: { status: "DISABLED" } },
                    buildTimeout: o.timeoutMinutes,
                    queuedTimeout: 60,
                    tags: args.tags,
                },
                { parent: this },
            );
        const stackVariables = (roleArn: string) => [
            { name: "PULUMI_ACCESS_TOKEN", type: "SECRETS_MANAGER", value: s.pulumiTokenSecretArn },
            { name: "STACK_ROLE_ARN", type: "PLAINTEXT", value: roleArn },
        ];
        const stackSpec = (command: "preview" | "up") =>
            stackBuildSpec({ command, stack: s.stack, policyConfig: s.policyConfig, pulumiVersion: s.pulumiVersion });

        const buildspec = pulumi.all([ctx.accountId, ctx.region, dnsSuffix]).apply(([account, region, suffix]) =>
            imageBuildSpec({
                repositoryUrl: `${ecrRegistryHost(account, region, suffix)}/${args.repositoryName}`,
                repositoryName: args.repositoryName,
                buildContext: args.buildContext,
                platform: args.cpuArchitecture === "ARM64" ? "linux/arm64" : "linux/amd64",
                containerName: ecs ? args.containerName : undefined,
            }),
        );
        const build = project(n.buildProject, "build", roles.buildRoleArn, buildspec, {
            description: `Builds ${args.buildContext}/ and pushes a content-tagged image to ${args.repositoryName}`,
            environment: BUILD_ENVIRONMENTS[args.cpuArchitecture],
            privileged: true,
            variables: [],
            timeoutMinutes: 30,
        });
        const gate = project(n.gateProject, "policy-gate", roles.gateRoleArn, stackSpec("preview"), {
            description: `pulumi preview of ${s.stack} with the policy pack (${s.policyConfig})`,
            environment: BUILD_ENVIRONMENTS.X86_64,
            privileged: false,
            variables: stackVariables(s.previewRoleArn),
            timeoutMinutes: 30,
        });
        const deploy = roles.deployRoleArn
            ? project(n.deployProject, "deploy", roles.deployRoleArn, stackSpec("up"), {
                  description: `pulumi up of ${s.stack} with the policy pack (${s.policyConfig})`,
                  environment: BUILD_ENVIRONMENTS.X86_64,
                  privileged: false,
                  variables: stackVariables(s.deployRoleArn),
                  // The service update waits for steady state.
                  timeoutMinutes: 60,
              })
            : undefined;

        // Explicit names keep the stages known at preview; only an ECS service's name may wait for it.
        const stages = pipelineStages({
            connectionArn: s.connectionArn,
            repository: s.repository,
            branch: s.branch,
            buildProject: n.buildProject,
            gateProject: n.gateProject,
            deploy: ecs ? { kind: "ecs", clusterName: args.clusterName, serviceName: ecs.serviceName } : { kind: "pulumi", project: n.deployProject },
        });
        const pipeline = new aws.codepipeline.Pipeline(
            n.pipeline,
            {
                name: n.pipeline,
                pipelineType: "V2",
                // One deploy at a time, in order: a newer commit never cancels a running `pulumi up`.
                executionMode: "QUEUED",
                roleArn: roles.pipelineRoleArn,
                artifactStores: [{ location: bucket.bucketName, type: "S3" }],
                stages,
                tags: args.tags,
            },
            { parent: this, dependsOn: [build, gate, ...(deploy ? [deploy] : [])] },
        );

        this.url = pulumi
            .all([ctx.partition, ctx.region, pipeline.name])
            .apply(([partition, region, pipelineName]) => pipelineUrl(partition, region, pipelineName));
        this.registerOutputs({ url: this.url });
    }
}

interface ProjectOptions {
    description: string;
    environment: { type: string; image: string };
    privileged: boolean;
    variables: { name: string; type: string; value: string }[];
    timeoutMinutes: number;
}
