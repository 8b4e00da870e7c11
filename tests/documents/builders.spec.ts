import { strict as assert } from "node:assert";
import fc from "fast-check";
import { albRequestLabel, targetTrackingPolicies } from "../../documents/autoscaling";
import { checkAlbName, checkIamRoleName, checkTargetGroupName } from "../../settings/constraints";
import { APP_USER, webContainerDefinitions } from "../../documents/containerDefinitions";
import { ecsTasksTrustPolicy, executionRolePolicy, logsKeyPolicy, taskRolePolicy } from "../../documents/iamDocuments";
import { contentTag } from "../../documents/imageTag";
import { keepLastImagesPolicy } from "../../documents/lifecyclePolicy";
import { resourceNames, shortenName, stackSlug } from "../../settings/naming";
import { standardTags } from "../../documents/tags";
import { ecrRepositoryArn, parseEcrImage } from "../../policy/knowledge/ecr";
import { settingsFor } from "../support/settings";
import { join } from "node:path";

const statements = (doc: { Statement?: unknown } | undefined) => (doc?.Statement ?? []) as Record<string, unknown>[];

describe("pure builders", () => {
    describe("IAM documents", () => {
        const logGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev";
        const repoArn = "arn:aws:ecr:us-east-1:123456789012:repository/web/dev";

        it("execution role: token on *, pull on this repo, writes on this log group, nothing else", () => {
            const doc = executionRolePolicy({ repositoryArns: [repoArn], logGroupArn, secrets: [] });
            assert.deepEqual(
                statements(doc).map((s) => [s.Action, s.Resource]),
                [
                    [["ecr:GetAuthorizationToken"], "*"],
                    [["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], [repoArn]],
                    [["logs:CreateLogStream", "logs:PutLogEvents"], [`${logGroupArn}:*`]],
                ],
            );
        });

        it("execution role: reads exactly the declared secrets and parameters", () => {
            const doc = executionRolePolicy({
                repositoryArns: [],
                logGroupArn,
                secrets: [
                    { name: "DB", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::" },
                    { name: "KEY", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/web/key" },
                ],
            });
            const byAction = Object.fromEntries(statements(doc).map((s) => [(s.Action as string[])[0], s.Resource]));
            assert.deepEqual(byAction["secretsmanager:GetSecretValue"], ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"]);
            assert.deepEqual(byAction["ssm:GetParameters"], ["arn:aws:ssm:us-east-1:123456789012:parameter/web/key"]);
            assert.equal(byAction["ecr:GetAuthorizationToken"], undefined, "no ECR grants for a non-ECR image");
        });

        it("task role: read grants get GetObject and ListBucket only; read-write adds writes", () => {
            const read = taskRolePolicy([{ bucket: "assets", access: "read" }], "aws", false);
            assert.deepEqual(
                statements(read).map((s) => s.Action),
                [["s3:ListBucket"], ["s3:GetObject"]],
            );
            assert.deepEqual(
                statements(read).map((s) => s.Resource),
                [["arn:aws:s3:::assets"], ["arn:aws:s3:::assets/*"]],
            );
            const rw = taskRolePolicy([{ bucket: "assets", access: "read-write" }], "aws", false);
            assert.deepEqual(statements(rw)[1]!.Action, ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]);
            assert.equal(taskRolePolicy([], "aws", false), undefined);
        });

        it("no builder ever emits a wildcard action (property)", () => {
            const grant = fc.record({
                bucket: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/),
                access: fc.constantFrom("read" as const, "read-write" as const),
            });
            fc.assert(
                fc.property(fc.array(grant, { maxLength: 5 }), fc.boolean(), (grants, exec) => {
                    for (const s of statements(taskRolePolicy(grants, "aws", exec, "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev"))) {
                        for (const action of s.Action as string[]) assert.ok(!action.includes("*"), action);
                        // Only actions without a resource type take "*": the exec channels and the log group lookup.
                        if (s.Resource === "*") assert.ok(["EcsExecChannels", "EcsExecAuditLogLookup"].includes(String(s.Sid)), String(s.Sid));
                    }
                }),
            );
        });

        it("trust policy: ecs-tasks only, with SourceAccount and SourceArn", () => {
            const s = statements(ecsTasksTrustPolicy("123456789012", "aws", "us-east-1"))[0]!;
            assert.deepEqual(s.Principal, { Service: "ecs-tasks.amazonaws.com" });
            assert.deepEqual(s.Condition, {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*" },
            });
        });

        it("log key policy limits CloudWatch Logs to this log group", () => {
            const s = statements(logsKeyPolicy("123456789012", "aws", "us-east-1", "/ecs/web/prod"))[1]!;
            assert.deepEqual(s.Principal, { Service: "logs.us-east-1.amazonaws.com" });
            assert.match(JSON.stringify(s.Condition), /log-group:\/ecs\/web\/prod/);
        });
    });

    describe("container definitions", () => {
        const input = {
            name: "web",
            image: "repo@sha256:abc",
            port: 8080,
            environment: { Z: "1", A: "2" },
            secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
            logGroupName: "/ecs/web/dev",
            region: "us-east-1",
            streamPrefix: "web",
            healthCheckPath: "/health",
            containerHealthCheck: true,
            enableExec: false,
        };

        it("non-root, read-only root, awslogs, secrets by reference, sorted env", () => {
            const [c] = webContainerDefinitions(input);
            assert.equal(c!.user, APP_USER);
            assert.equal(c!.readonlyRootFilesystem, true);
            assert.equal(c!.logConfiguration!.logDriver, "awslogs");
            assert.equal(c!.logConfiguration!.options!["awslogs-group"], "/ecs/web/dev");
            assert.equal(c!.logConfiguration!.options!["awslogs-stream-prefix"], "web");
            assert.deepEqual(
                c!.environment!.map((e) => e.name),
                ["A", "PORT", "Z"],
            );
            assert.deepEqual(c!.secrets, [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }]);
            assert.deepEqual(c!.healthCheck!.command, ["CMD", "node", "/app/healthcheck.js", "/health"]);
            assert.deepEqual(c!.mountPoints, [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }]);
        });

        it("foreign images get no container health probe they may not ship", () => {
            assert.equal(webContainerDefinitions({ ...input, containerHealthCheck: false })[0]!.healthCheck, undefined);
        });
    });

    describe("autoscaling", () => {
        it("tracks CPU, memory and requests per target with the settings' values", () => {
            const policies = targetTrackingPolicies(settingsFor("prod").autoscaling);
            assert.deepEqual(
                policies.map((p) => [p.metric, p.targetValue]),
                [
                    ["ECSServiceAverageCPUUtilization", 60],
                    ["ECSServiceAverageMemoryUtilization", 75],
                    ["ALBRequestCountPerTarget", 500],
                ],
            );
            assert.deepEqual(
                policies.map((p) => p.needsResourceLabel),
                [false, false, true],
            );
            assert.equal(albRequestLabel("app/a/1", "targetgroup/t/2"), "app/a/1/targetgroup/t/2");
        });
    });

    describe("names", () => {
        it("short names stay as they are", () => {
            const n = resourceNames("web", "dev");
            assert.deepEqual([n.alb, n.targetGroup, n.repository, n.logGroup], ["web-dev", "web-dev-tg", "web/dev", "/ecs/web/dev"]);
        });

        it("long app and stack names are shortened deterministically and always accepted (property)", () => {
            fc.assert(
                fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,28}[a-z0-9]$/), fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,60}$/), (app, stack) => {
                    const n = resourceNames(app, stack);
                    assert.deepEqual(resourceNames(app, stack), n, "deterministic");
                    for (const name of [n.alb, n.targetGroup]) {
                        const problem = name.startsWith("internal-") ? undefined : checkTargetGroupName(name);
                        assert.equal(problem, undefined, name);
                    }
                    assert.equal(checkIamRoleName(n.executionRole), undefined);
                    assert.equal(checkIamRoleName(n.taskRole), undefined);
                }),
                { numRuns: 1000 },
            );
        });

        it("two long names that share a prefix do not collide", () => {
            const a = shortenName("customer-portal-feature-branch-alpha", 24);
            const b = shortenName("customer-portal-feature-branch-beta", 24);
            assert.equal(a.length, 24);
            assert.notEqual(a, b);
            assert.equal(checkAlbName(a), undefined);
        });

        it("stack names with _ and . become hyphens", () => {
            assert.equal(stackSlug("Feature_X.Preview"), "feature-x-preview");
        });
    });

    it("lifecycle policy keeps the last N images", () => {
        const rule = (JSON.parse(keepLastImagesPolicy(15)) as { rules: Record<string, Record<string, unknown>>[] }).rules[0]!;
        assert.deepEqual(rule.selection, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 15 });
        assert.deepEqual(rule.action, { type: "expire" });
    });

    it("tags: required keys win over user tags of the same name", () => {
        const tags = standardTags({ appName: "web", profile: "dev", stack: "dev", tags: { team: "core", app: "spoofed" } });
        assert.deepEqual(tags, { team: "core", app: "web", environment: "dev", stack: "dev", "managed-by": "pulumi" });
    });

    it("image tag follows the app's content", () => {
        const tag = contentTag(join(__dirname, "..", "..", "app"));
        assert.match(tag, /^app-[0-9a-f]{16}$/);
        assert.equal(contentTag(join(__dirname, "..", "..", "app")), tag);
        assert.notEqual(contentTag(join(__dirname, "..", "..", "policy", "config")), tag);
    });

    it("recognises ECR image references", () => {
        assert.equal(
            ecrRepositoryArn(parseEcrImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2")!),
            "arn:aws:ecr:eu-west-1:123456789012:repository/team/web",
        );
        assert.equal(parseEcrImage("ghcr.io/acme/web:1.2"), undefined);
    });
});
