import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { PipelineRoles } from "../../components/pipelineRoles";
import type { ResourceRecord } from "../../plan/types";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";
import { PIPELINE } from "../support/pipeline";

const where = pulumi.output({ partition: "aws", region: "us-east-1", accountId: "123456789012" });
const roles = (ecsDeploy?: { clusterName: string; taskFamily: string; passRoleNames: string[] }) => () =>
    new PipelineRoles("web-dev", {
        settings: settingsFor("dev", { pipeline: JSON.stringify(PIPELINE) }).pipeline!,
        where,
        bucketName: "web-dev-artifacts-123456789012",
        repositoryName: "web/dev",
        ecsDeploy,
        tags: { app: "web" },
    });
type Document = { Statement: { Sid: string; Action: string[]; Resource: unknown; Condition?: unknown }[] };
const documentOf = (resources: ResourceRecord[], name: string) => json(one(resources, "aws:iam/rolePolicy:RolePolicy", name).inputs.policy) as Document;

describe("PipelineRoles under mocks", () => {
    it("one explicitly named role per actor, each trusting its service for its own project or pipeline", async () => {
        const resources = await record(roles());
        assert.deepEqual(
            ofType(resources, "aws:iam/role:Role")
                .map((r) => r.inputs.name)
                .sort(),
            ["web-dev-build", "web-dev-deploy", "web-dev-pipeline", "web-dev-policy-gate"],
        );
        const trustOf = (name: string) => (json(one(resources, "aws:iam/role:Role", name).inputs.assumeRolePolicy) as Document).Statement[0]!;
        assert.deepEqual(trustOf("web-dev-pipeline").Condition, {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:codepipeline:us-east-1:123456789012:web-dev" },
        });
        assert.match(JSON.stringify(trustOf("web-dev-policy-gate")), /codebuild\.amazonaws\.com.*project\/web-dev-policy-gate/);
    });

    it("grants name this bucket, repository, log group, connection, token secret and stack role", async () => {
        const resources = await record(roles());
        const build = documentOf(resources, "web-dev-build").Statement;
        assert.deepEqual(build.find((s) => s.Sid === "PushThisRepository")!.Resource, ["arn:aws:ecr:us-east-1:123456789012:repository/web/dev"]);
        assert.deepEqual(build.find((s) => s.Sid === "WriteBuildLogs")!.Resource, ["arn:aws:logs:us-east-1:123456789012:log-group:/codebuild/web/dev:*"]);
        const deploy = documentOf(resources, "web-dev-deploy").Statement;
        assert.deepEqual(deploy.find((s) => s.Sid === "ActAsTheStackRole")!.Resource, [PIPELINE.deployRoleArn]);
        assert.deepEqual(deploy.find((s) => s.Sid === "ReadPulumiToken")!.Resource, [PIPELINE.pulumiTokenSecretArn]);
        const pipeline = documentOf(resources, "web-dev-pipeline").Statement;
        assert.deepEqual(pipeline.find((s) => s.Sid === "UseTheSourceConnection")!.Resource, [PIPELINE.connectionArn]);
        assert.deepEqual(pipeline.find((s) => s.Sid === "RunThisStacksBuilds")!.Resource, [
            "arn:aws:codebuild:us-east-1:123456789012:project/web-dev-build",
            "arn:aws:codebuild:us-east-1:123456789012:project/web-dev-policy-gate",
            "arn:aws:codebuild:us-east-1:123456789012:project/web-dev-deploy",
        ]);
    });

    it("with the ECS deploy action: no deploy role; the pipeline deploys this cluster and passes the task roles to ECS only", async () => {
        const resources = await record(roles({ clusterName: "web-dev", taskFamily: "web-dev", passRoleNames: ["web-dev-execution", "web-dev-task"] }));
        assert.ok(!ofType(resources, "aws:iam/role:Role").some((r) => r.name === "web-dev-deploy"));
        const pipeline = documentOf(resources, "web-dev-pipeline").Statement;
        assert.deepEqual(pipeline.find((s) => s.Sid === "RegisterThisFamily")!.Resource, ["arn:aws:ecs:us-east-1:123456789012:task-definition/web-dev:*"]);
        assert.deepEqual(pipeline.find((s) => s.Sid === "PassTaskRolesToEcsOnly")!.Condition, {
            StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" },
        });
        assert.deepEqual(
            documentOf(resources, "web-dev-build").Statement[1]!.Action,
            ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
            "the build writes imagedefinitions.json",
        );
    });
});
