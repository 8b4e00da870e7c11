import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PULUMI_CLI_VERSION } from "../../settings/pipelineSettings";
import { ROOT } from "../support/mocks";
import { settingsErrorFor, settingsFor } from "../support/settings";
import { PIPELINE } from "../support/pipeline";

const pipeline = (extra: Record<string, unknown> = {}) => ({ pipeline: JSON.stringify({ ...PIPELINE, ...extra }) });

describe("settings: launch type, EC2 capacity, pipeline, dashboard", () => {
    describe("launchType and ec2*", () => {
        it("defaults to Fargate without EC2 capacity; a dashboard on every profile", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                const s = settingsFor(stack);
                assert.equal(s.launchType, "fargate");
                assert.equal(s.ec2, undefined);
                assert.equal(s.dashboard, true);
            }
            assert.equal(settingsFor("dev", { dashboard: "false" }).dashboard, false);
        });

        it("sizes EC2 capacity from the service: small burstable on dev, general purpose on prod, one instance per AZ outside dev", () => {
            const dev = settingsFor("dev", { launchType: "ec2" }).ec2!;
            assert.deepEqual([dev.instanceType, dev.tasksPerInstance, dev.minInstances, dev.maxInstances], ["t3.small", 2, 1, 2]);
            // prod: 1024/2048 tasks, 3..12 of them, maxPercent 200 → 24 during a full-scale deployment at 2 per m6i.large.
            const prod = settingsFor("prod", { launchType: "ec2", cpu: "1024", memory: "2048" }).ec2!;
            assert.deepEqual([prod.instanceType, prod.tasksPerInstance, prod.minInstances, prod.maxInstances], ["m6i.large", 2, 3, 12]);
            assert.equal(prod.amiParameter, "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
            assert.equal(prod.instancePolicy, "scoped");
            assert.deepEqual(prod.names, {
                capacityProvider: "web-prod-ec2",
                autoScalingGroup: "web-prod-ec2",
                launchTemplate: "web-prod-ec2",
                instanceRole: "web-prod-ec2-instance",
                securityGroup: "web-prod-ec2",
            });
        });

        it("ARM64 takes Graviton types and the arm64 AMI; a task too big for the profile's type picks the cheapest type that holds it", () => {
            const arm = settingsFor("staging", { launchType: "ec2", cpuArchitecture: "ARM64" }).ec2!;
            assert.equal(arm.instanceType, "t4g.medium");
            assert.match(arm.amiParameter, /amazon-linux-2023\/arm64\/recommended/);
            assert.equal(settingsFor("dev", { launchType: "ec2", cpu: "2048", memory: "8192" }).ec2!.instanceType, "r6i.large");
        });

        it("capacity provider names never start with aws, ecs or fargate", () => {
            assert.equal(settingsFor("dev", { launchType: "ec2", appName: "ecsdemo" }).ec2!.names.capacityProvider, "cp-ecsdemo-dev-ec2");
        });

        it("refuses EC2 settings on Fargate, unknown or mismatched types, and types a task does not fit", () => {
            assert.match(settingsErrorFor({ launchType: "lambda" }), /launchType=lambda is not valid; allowed: fargate, ec2/);
            assert.match(
                settingsErrorFor({ ec2InstanceType: "t3.small" }),
                /ec2InstanceType is set but launchType=fargate; allowed: set launchType=ec2, or remove ec2InstanceType/,
            );
            assert.match(
                settingsErrorFor({ launchType: "ec2", ec2InstanceType: "t3.nano" }),
                /ec2InstanceType=t3\.nano is not valid; allowed: one of t3\.micro, t3\.small/,
            );
            assert.match(
                settingsErrorFor({ launchType: "ec2", ec2InstanceType: "t4g.small" }),
                /ec2InstanceType=t4g\.small is not valid; allowed: a X86_64 type \(cpuArchitecture=X86_64\): t3\.micro/,
            );
            assert.match(
                settingsErrorFor({ launchType: "ec2", ec2InstanceType: "t3.micro", memory: "1024" }),
                /ec2InstanceType=t3\.micro is not valid; allowed: a type that holds one task of cpu=256, memory=1024 .* e\.g\. t3\.small/,
            );
        });

        it("refuses too few instances for maxCount, and Fargate-only task storage", () => {
            assert.match(
                settingsErrorFor({ launchType: "ec2", maxCount: "6", ec2MaxInstances: "2" }),
                /ec2MaxInstances=2 is not valid; allowed: 3–1000 \(maxCount=6 tasks at 2 per t3\.small need 3; and at least ec2MinInstances=1\)/,
            );
            assert.match(settingsErrorFor({ launchType: "ec2", ec2VolumeGiB: "8" }), /ec2VolumeGiB=8 is not valid; allowed: 30–16384/);
            assert.match(
                settingsErrorFor({ launchType: "ec2", ephemeralStorageGiB: "50" }),
                /ephemeralStorageGiB=50 is not valid with launchType=ec2; allowed: 21/,
            );
            assert.match(
                settingsErrorFor({ launchType: "ec2", ec2InstancePolicy: "admin" }),
                /ec2InstancePolicy=admin is not valid; allowed: scoped, aws-managed/,
            );
        });
    });

    describe("pipeline", () => {
        it("is off unless set; fills the stack, profile's policy config, preview role, CLI version and retention", () => {
            assert.equal(settingsFor("dev").pipeline, undefined);
            const p = settingsFor("prod", pipeline()).pipeline!;
            assert.deepEqual(
                [p.stack, p.deploy, p.policyConfig, p.previewRoleArn, p.pulumiVersion, p.artifactRetentionDays],
                ["prod", "pulumi", "policy/config/prod.json", PIPELINE.deployRoleArn, PULUMI_CLI_VERSION, 90],
            );
            assert.equal(settingsFor("feature-x", { profile: "dev", ...pipeline() }).pipeline!.policyConfig, "policy/config/dev.json");
            assert.deepEqual(settingsFor("dev", pipeline()).pipeline!.names, {
                pipeline: "web-dev",
                buildProject: "web-dev-build",
                gateProject: "web-dev-policy-gate",
                deployProject: "web-dev-deploy",
                logGroup: "/codebuild/web/dev",
                pipelineRole: "web-dev-pipeline",
                buildRole: "web-dev-build",
                gateRole: "web-dev-policy-gate",
                deployRole: "web-dev-deploy",
                bucketPrefix: "web-dev",
            });
        });

        it("the default CLI is the release of the @pulumi/pulumi SDK the project pins", () => {
            const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
            assert.equal(PULUMI_CLI_VERSION, pkg.dependencies["@pulumi/pulumi"]);
        });

        it("names every missing, unknown and malformed key", () => {
            const error = settingsErrorFor({ pipeline: JSON.stringify({ repository: "acme/web", brnach: "main", deployRoleArn: "arn:aws:iam::1:user/x" }) });
            assert.match(error, /pipeline\.brnach is not a setting of the pipeline; allowed keys: connectionArn, repository, branch/);
            assert.match(error, /pipeline\.connectionArn is required; allowed: a CodeConnections connection ARN/);
            assert.match(error, /pipeline\.branch is required/);
            assert.match(error, /pipeline\.pulumiTokenSecretArn is required; allowed: a Secrets Manager secret ARN/);
            assert.match(error, /pipeline\.deployRoleArn=arn:aws:iam::1:user\/x is not valid; allowed: an IAM role ARN `pulumi up` assumes/);
            assert.match(settingsErrorFor(pipeline({ deploy: "kubectl" })), /pipeline\.deploy=kubectl is not valid; allowed: pulumi, ecs/);
            assert.match(settingsErrorFor(pipeline({ branch: "feature..x" })), /pipeline\.branch=feature\.\.x is not valid; allowed: a git branch name/);
            assert.match(settingsErrorFor(pipeline({ policyConfig: "../secrets.json" })), /pipeline\.policyConfig=\.\.\/secrets\.json is not valid/);
            assert.match(settingsErrorFor(pipeline({ artifactRetentionDays: 0 })), /pipeline\.artifactRetentionDays=0 is not valid; allowed: 1–3650/);
            assert.match(settingsErrorFor({ pipeline: '"main"' }), /pipeline=main is not valid; allowed: \{ connectionArn, repository, branch/);
        });

        it("long app and stack names still give names AWS accepts", () => {
            const s = settingsFor("feature-add-very-long-branch-name-for-preview-42", {
                profile: "dev",
                appName: "customer-portal-frontend-web",
                launchType: "ec2",
                ...pipeline(),
            });
            const n = s.pipeline!.names;
            for (const role of [n.pipelineRole, n.buildRole, n.gateRole, n.deployRole, s.ec2!.names.instanceRole]) assert.ok(role.length <= 64, role);
            assert.ok(n.pipeline.length <= 100 && `${n.bucketPrefix}-artifacts-123456789012`.length <= 63, n.bucketPrefix);
            assert.match(`${n.bucketPrefix}-artifacts-123456789012`, /^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
            assert.ok(s.ec2!.names.launchTemplate.length <= 128 && s.ec2!.names.capacityProvider.length <= 255);
        });

        it("accepts the older CodeStar connection ARNs, nested repositories and the ECS deploy variant", () => {
            const p = settingsFor(
                "dev",
                pipeline({
                    connectionArn: "arn:aws:codestar-connections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    repository: "group/sub/app",
                    deploy: "ecs",
                }),
            ).pipeline!;
            assert.deepEqual([p.repository, p.deploy], ["group/sub/app", "ecs"]);
        });
    });
});
