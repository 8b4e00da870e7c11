import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { Pipeline, PipelineArgs } from "../../components/pipeline";
import { outputValue } from "../../plan/runProgram";
import type { ResourceRecord } from "../../plan/types";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";
import { PIPELINE_WITH_PREVIEW_ROLE as PIPELINE } from "../support/pipeline";

const BUCKET = "web-dev-artifacts-123456789012";

function args(extra: Record<string, unknown> = {}, raw: Record<string, string> = {}): PipelineArgs {
    const s = settingsFor("dev", { pipeline: JSON.stringify({ ...PIPELINE, ...extra }), ...raw });
    return {
        settings: s.pipeline!,
        repositoryName: s.names.repository,
        buildContext: "app",
        cpuArchitecture: s.cpuArchitecture,
        containerName: s.appName,
        clusterName: s.names.cluster,
        taskFamily: s.names.prefix,
        ecsDeploy: { serviceName: pulumi.output("web-dev-svc"), passRoleNames: [s.names.executionRole, s.names.taskRole] },
        logRetentionDays: s.logRetentionDays,
        logKms: false,
        protect: false,
        disposable: true,
        tags: { app: "web", environment: "dev" },
    };
}

const project = (resources: ResourceRecord[], name: string) =>
    one(resources, "aws:codebuild/project:Project", name).inputs as Record<string, Record<string, unknown>>;
const variables = (p: Record<string, Record<string, unknown>>) => p.environment!.environmentVariables as Record<string, string>[];
const policyOf = (resources: ResourceRecord[], role: string) =>
    json(one(resources, "aws:iam/rolePolicy:RolePolicy", role).inputs.policy) as { Statement: { Sid: string; Action: string[]; Resource: unknown }[] };

describe("Pipeline under mocks", () => {
    it("four stages over three CodeBuild projects, V2, queued, artifacts in the stack's bucket", async () => {
        const resources = await record(() => new Pipeline("web-dev", args()));
        const pipeline = one(resources, "aws:codepipeline/pipeline:Pipeline").inputs;
        assert.deepEqual([pipeline.name, pipeline.pipelineType, pipeline.executionMode], ["web-dev", "V2", "QUEUED"]);
        assert.deepEqual(pipeline.artifactStores, [{ location: BUCKET, type: "S3" }]);
        const stages = pipeline.stages as { name: string; actions: { provider: string; configuration: Record<string, string> }[] }[];
        assert.deepEqual(
            stages.map((s) => `${s.name}:${s.actions[0]!.provider}:${s.actions[0]!.configuration.ProjectName ?? s.actions[0]!.configuration.FullRepositoryId}`),
            [
                "Source:CodeStarSourceConnection:acme/fargate-web",
                "Build:CodeBuild:web-dev-build",
                "PolicyGate:CodeBuild:web-dev-policy-gate",
                "Deploy:CodeBuild:web-dev-deploy",
            ],
        );
        assert.equal(pipeline.roleArn, one(resources, "aws:iam/role:Role", "web-dev-pipeline").outputs.arn);
        assert.deepEqual(
            ofType(resources, "aws:codebuild/project:Project")
                .map((p) => p.name)
                .sort(),
            ["web-dev-build", "web-dev-deploy", "web-dev-policy-gate"],
        );
    });

    it("the image build: privileged (Docker) and alone so; the buildspec from the settings, pushing to the stack's repository", async () => {
        const resources = await record(() => new Pipeline("web-dev", args()));
        const build = project(resources, "web-dev-build");
        assert.deepEqual(
            ["web-dev-build", "web-dev-policy-gate", "web-dev-deploy"].map((n) => project(resources, n).environment!.privilegedMode),
            [true, false, false],
        );
        assert.deepEqual([build.environment!.type, build.environment!.image], ["LINUX_CONTAINER", "aws/codebuild/amazonlinux-x86_64-standard:5.0"]);
        const spec = parse(String(build.source!.buildspec)) as { env: { variables: Record<string, string> } };
        assert.deepEqual(spec.env.variables, {
            REPOSITORY_URL: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev",
            REPOSITORY_NAME: "web/dev",
            BUILD_CONTEXT: "app",
            PLATFORM: "linux/amd64",
        });
        assert.deepEqual(build.logsConfig, {
            cloudwatchLogs: { status: "ENABLED", groupName: "/codebuild/web/dev", streamName: "build" },
            s3Logs: { status: "DISABLED" },
        });
        const arm = project(await record(() => new Pipeline("web-dev", args({}, { cpuArchitecture: "ARM64" }))), "web-dev-build");
        assert.deepEqual([arm.environment!.type, arm.environment!.image], ["ARM_CONTAINER", "aws/codebuild/amazonlinux-aarch64-standard:3.0"]);
    });

    it("gate and deploy read the Pulumi token from Secrets Manager and act as the preview and deploy roles", async () => {
        const resources = await record(() => new Pipeline("web-dev", args()));
        assert.deepEqual(variables(project(resources, "web-dev-policy-gate")), [
            { name: "PULUMI_ACCESS_TOKEN", type: "SECRETS_MANAGER", value: PIPELINE.pulumiTokenSecretArn },
            { name: "STACK_ROLE_ARN", type: "PLAINTEXT", value: PIPELINE.previewRoleArn },
        ]);
        assert.equal(variables(project(resources, "web-dev-deploy"))[1]!.value, PIPELINE.deployRoleArn);
        const gateSpec = parse(String(project(resources, "web-dev-policy-gate").source!.buildspec)) as { phases: { build: { commands: string[] } } };
        assert.match(gateSpec.phases.build.commands[0]!, /pulumi" preview --stack "\$STACK" .*--policy-pack policy --policy-pack-config "\$POLICY_CONFIG"/);
        assert.deepEqual(policyOf(resources, "web-dev-policy-gate").Statement.at(-1), {
            Sid: "ActAsTheStackRole",
            Effect: "Allow",
            Action: ["sts:AssumeRole"],
            Resource: [PIPELINE.previewRoleArn],
        });
    });

    it("deploy: ecs swaps the pulumi up project for the ECS deploy action, whose role may only touch this cluster and family", async () => {
        const resources = await record(() => new Pipeline("web-dev", args({ deploy: "ecs" })));
        assert.deepEqual(
            ofType(resources, "aws:codebuild/project:Project")
                .map((p) => p.name)
                .sort(),
            ["web-dev-build", "web-dev-policy-gate"],
        );
        const stages = one(resources, "aws:codepipeline/pipeline:Pipeline").inputs.stages as { actions: { provider: string; configuration: unknown }[] }[];
        assert.deepEqual(stages[3]!.actions[0]!.configuration, { ClusterName: "web-dev", ServiceName: "web-dev-svc", FileName: "imagedefinitions.json" });
        const grants = policyOf(resources, "web-dev-pipeline").Statement;
        assert.deepEqual(grants.find((s) => s.Sid === "DeployThisCluster")!.Resource, ["arn:aws:ecs:us-east-1:123456789012:service/web-dev/*"]);
        assert.deepEqual(grants.find((s) => s.Sid === "PassTaskRolesToEcsOnly")!.Resource, [
            "arn:aws:iam::123456789012:role/web-dev-execution*",
            "arn:aws:iam::123456789012:role/web-dev-task*",
        ]);
        assert.equal(ofType(resources, "aws:iam/role:Role").filter((r) => r.name === "web-dev-deploy").length, 0);
    });

    it("its console address is an output", async () => {
        let pipeline: Pipeline | undefined;
        await record(() => (pipeline = new Pipeline("web-dev", args())));
        assert.equal(
            await outputValue(pipeline!.url),
            "https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/web-dev/view?region=us-east-1",
        );
    });
});
