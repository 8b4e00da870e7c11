import { strict as assert } from "node:assert";
import { imageBuildRolePolicy, pipelineRolePolicy, serviceTrustPolicy, stackRolePolicy } from "../../documents/pipelineIam";
import { BUILD_NAMESPACE, pipelineStages } from "../../documents/pipelineStages";
import { artifactBucketPolicy, artifactLifecycleRules } from "../../documents/artifactBucket";
import * as arn from "../../documents/arns";
import { grantProblems } from "../support/iamData";

const where = { partition: "aws", region: "eu-west-1", accountId: "123456789012" };
const bucketArn = "arn:aws:s3:::web-dev-artifacts-123456789012";
const logGroupArn = arn.logGroupArn(where, "/codebuild/web/dev");
const statements = (doc: { Statement?: unknown }) =>
    doc.Statement as { Sid: string; Action: string[] | string; Resource: string[] | string; Condition?: unknown }[];
const grants = (doc: { Statement?: unknown }) => statements(doc).map((s) => [s.Sid, s.Action, s.Resource]);

describe("pipeline documents", () => {
    it("formats every ARN from partition, region, account and names (known at preview)", () => {
        assert.equal(arn.roleArn({ ...where, partition: "aws-cn" }, "web-dev-build"), "arn:aws-cn:iam::123456789012:role/web-dev-build");
        assert.equal(arn.projectArn(where, "web-dev-build"), "arn:aws:codebuild:eu-west-1:123456789012:project/web-dev-build");
        assert.equal(arn.pipelineArn(where, "web-dev"), "arn:aws:codepipeline:eu-west-1:123456789012:web-dev");
        assert.equal(arn.clusterServicesArn(where, "web-dev"), "arn:aws:ecs:eu-west-1:123456789012:service/web-dev/*");
        assert.equal(arn.taskFamilyArn(where, "web-dev"), "arn:aws:ecs:eu-west-1:123456789012:task-definition/web-dev:*");
    });

    it("trust: one service, this account, this resource", () => {
        const [s] = statements(serviceTrustPolicy("codebuild.amazonaws.com", "123456789012", arn.projectArn(where, "web-dev-build")));
        assert.deepEqual(s, {
            Sid: "ThisServiceForThisResource",
            Effect: "Allow",
            Principal: { Service: "codebuild.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                ArnLike: { "aws:SourceArn": "arn:aws:codebuild:eu-west-1:123456789012:project/web-dev-build" },
            },
        });
    });

    it("image build: logs of its group, artifacts of its bucket, push to its repository; token on * only", async () => {
        const repositoryArn = arn.repositoryArn(where, "web/dev");
        const doc = imageBuildRolePolicy({ logGroupArn, bucketArn, writesArtifacts: false, repositoryArn });
        assert.deepEqual(grants(doc), [
            ["WriteBuildLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [`${logGroupArn}:*`]],
            ["ReadPipelineArtifacts", ["s3:GetObject", "s3:GetObjectVersion"], [`${bucketArn}/*`]],
            ["LocateArtifactBucket", ["s3:GetBucketAcl", "s3:GetBucketLocation"], [bucketArn]],
            ["EcrAuthTokenIsAccountWide", ["ecr:GetAuthorizationToken"], "*"],
            [
                "PushThisRepository",
                [
                    "ecr:BatchCheckLayerAvailability",
                    "ecr:GetDownloadUrlForLayer",
                    "ecr:BatchGetImage",
                    "ecr:InitiateLayerUpload",
                    "ecr:UploadLayerPart",
                    "ecr:CompleteLayerUpload",
                    "ecr:PutImage",
                    "ecr:DescribeImages",
                ],
                [repositoryArn],
            ],
        ]);
        assert.deepEqual(await grantProblems(doc), []);
        const writes = imageBuildRolePolicy({ logGroupArn, bucketArn, writesArtifacts: true, repositoryArn });
        assert.deepEqual(
            statements(writes)[1]!.Action,
            ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
            "the ECS variant writes imagedefinitions.json",
        );
    });

    it("gate and deploy: the token secret itself (not its JSON key) and the stack's one role", async () => {
        const doc = stackRolePolicy({
            logGroupArn,
            bucketArn,
            writesArtifacts: false,
            tokenSecretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:pulumi-token-AbCdEf:token::",
            stackRoleArn: "arn:aws:iam::123456789012:role/pulumi-deploy",
        });
        assert.deepEqual(grants(doc).slice(3), [
            ["ReadPulumiToken", ["secretsmanager:GetSecretValue"], ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:pulumi-token-AbCdEf"]],
            ["ActAsTheStackRole", ["sts:AssumeRole"], ["arn:aws:iam::123456789012:role/pulumi-deploy"]],
        ]);
        assert.deepEqual(await grantProblems(doc), []);
    });

    it("pipeline: UseConnection in the connection's own service; StartBuild on its projects; the ECS variant passes task roles to ECS only", async () => {
        const projectArns = ["web-dev-build", "web-dev-policy-gate"].map((p) => arn.projectArn(where, p));
        const legacy = pipelineRolePolicy({ bucketArn, connectionArn: "arn:aws:codestar-connections:eu-west-1:123456789012:connection/abc", projectArns });
        assert.deepEqual(statements(legacy)[2]!.Action, ["codestar-connections:UseConnection"]);
        const ecsDeploy = {
            serviceArnPattern: arn.clusterServicesArn(where, "web-dev"),
            taskDefinitionArnPattern: arn.taskFamilyArn(where, "web-dev"),
            passRoleArns: [`${arn.roleArn(where, "web-dev-execution")}*`],
        };
        const doc = pipelineRolePolicy({ bucketArn, connectionArn: "arn:aws:codeconnections:eu-west-1:123456789012:connection/abc", projectArns, ecsDeploy });
        assert.deepEqual(statements(doc)[2]!.Action, ["codeconnections:UseConnection"]);
        assert.deepEqual(statements(doc)[3]!.Resource, projectArns);
        const pass = statements(doc).find((s) => s.Sid === "PassTaskRolesToEcsOnly")!;
        assert.deepEqual(pass.Condition, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
        assert.deepEqual(await grantProblems(doc), []);
        assert.equal(
            statements(pipelineRolePolicy({ bucketArn, connectionArn: "arn:aws:codeconnections:eu-west-1:1:connection/x", projectArns })).length,
            4,
            "no ECS grants without the ECS deploy action",
        );
    });

    it("the tutorial's CodeBuild grants fail the same authorization-data check", async () => {
        const tutorial = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ecr:PutImage", "ecs:UpdateService"], Resource: "*" }] };
        assert.deepEqual(await grantProblems(tutorial), [
            'ecr:PutImage on "*" although it takes repository',
            'ecs:UpdateService on "*" although it takes service',
        ]);
        const objectsOnTheBucket = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: bucketArn }] };
        assert.match((await grantProblems(objectsOnTheBucket))[0]!, /^s3:GetObject on arn:aws:s3:::web-dev-artifacts-123456789012, which is none of/);
    });

    it("stages: Source → Build → PolicyGate → Deploy, the image passed on as #{Build.IMAGE_URI}", () => {
        const stages = pipelineStages({
            connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
            repository: "acme/web",
            branch: "main",
            buildProject: "web-dev-build",
            gateProject: "web-dev-policy-gate",
            deploy: { kind: "pulumi", project: "web-dev-deploy" },
        }) as {
            name: string;
            actions: {
                name: string;
                provider: string;
                namespace?: string;
                inputArtifacts?: string[];
                outputArtifacts?: string[];
                configuration: Record<string, string>;
            }[];
        }[];
        assert.deepEqual(
            stages.map((s) => [s.name, s.actions.map((a) => `${a.provider}:${a.name}`)]),
            [
                ["Source", ["CodeStarSourceConnection:Source"]],
                ["Build", ["CodeBuild:BuildImage"]],
                ["PolicyGate", ["CodeBuild:PulumiPreview"]],
                ["Deploy", ["CodeBuild:PulumiUp"]],
            ],
        );
        const [source, build, gate, deploy] = stages.map((s) => s.actions[0]!);
        assert.deepEqual(source!.configuration, {
            ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
            FullRepositoryId: "acme/web",
            BranchName: "main",
            OutputArtifactFormat: "CODE_ZIP",
            DetectChanges: "true",
        });
        assert.equal(build!.namespace, BUILD_NAMESPACE);
        assert.deepEqual(build!.outputArtifacts, []);
        for (const action of [gate!, deploy!]) {
            assert.deepEqual(action.inputArtifacts, ["source"]);
            assert.deepEqual(JSON.parse(action.configuration.EnvironmentVariables!), [{ name: "IMAGE_URI", value: "#{Build.IMAGE_URI}", type: "PLAINTEXT" }]);
        }
        assert.equal(gate!.configuration.ProjectName, "web-dev-policy-gate");
        assert.equal(deploy!.configuration.ProjectName, "web-dev-deploy");
    });

    it("stages, ECS variant: the deploy action reads the build's imagedefinitions.json", () => {
        const stages = pipelineStages({
            connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
            repository: "acme/web",
            branch: "main",
            buildProject: "b",
            gateProject: "g",
            deploy: { kind: "ecs", clusterName: "web-dev", serviceName: "web-dev-svc" },
        }) as unknown as { actions: Record<string, unknown>[] }[];
        assert.deepEqual(stages[1]!.actions[0]!.outputArtifacts, ["imagedefinitions"]);
        assert.deepEqual(stages[3]!.actions[0], {
            name: "EcsDeploy",
            category: "Deploy",
            owner: "AWS",
            provider: "ECS",
            version: "1",
            inputArtifacts: ["imagedefinitions"],
            configuration: { ClusterName: "web-dev", ServiceName: "web-dev-svc", FileName: "imagedefinitions.json" },
        });
    });

    it("artifact bucket: TLS only, and every artifact expires", () => {
        assert.deepEqual(statements(artifactBucketPolicy(bucketArn))[0]!.Resource, [bucketArn, `${bucketArn}/*`]);
        assert.deepEqual((statements(artifactBucketPolicy(bucketArn))[0] as { Condition: unknown }).Condition, { Bool: { "aws:SecureTransport": "false" } });
        const [rule] = artifactLifecycleRules(14);
        assert.equal(rule!.status, "Enabled");
        assert.deepEqual(rule!.expiration, { days: 14 });
        assert.deepEqual(rule!.abortIncompleteMultipartUpload, { daysAfterInitiation: 1 });
    });
});
