import { strict as assert } from "node:assert";
import { join } from "node:path";
import { deployApp } from "../components/app";
import { readSettings } from "../settings/settings";
import { buildPlan } from "../plan/plan";
import { checkPlanConstraints } from "../plan/planConstraints";
import { exitCodeOf, planResult } from "../plan/outcome";
import { runUnderMocks } from "../plan/runProgram";
import { loadStackConfig } from "../plan/stackConfig";
import { listStacks } from "../plan/stackInfo";
import { ENGINE_UNKNOWN } from "../plan/unknowns";
import { detailOf } from "../plan/verdicts";
import { ROOT } from "./support/mocks";
import { sharedAnalyzer } from "./support/analyzer";
import { cli } from "./support/cli";
import { policyConfigWith } from "./support/policyConfig";
import { resourceRecord } from "./policy/harness";
import { stackPlan } from "./support/stackPlans";

describe("offline plan", function () {
    this.timeout(120_000);

    describe("CLI and exit codes", () => {
        it("dev: prints the tree, the verdicts at preview and after up, cost and rollout; exits 0", async () => {
            const { code, out } = await cli(["--stack", "dev"]);
            assert.equal(code, 0);
            assert.match(out, /Offline plan for stack dev \(us-east-1\)/);
            assert.match(out, /├─ fargate-web:network:Network {2,}web-dev/);
            assert.match(out, /└─ aws:ecs:Service {2,}web-dev/);
            assert.match(out, /Policies: fargate-web-policy@v0\.1\.0 with policy\/config\/dev\.json — the CI gate is the preview column/);
            assert.match(out, /\n {2}policy +level +at preview +after up\n/);
            assert.match(out, /\n {2}alb-access-logs +advisory +1 advisory +1 advisory\n/);
            assert.match(out, /The other \d+ policies pass in both phases; \d+ disabled\./);
            assert.match(out, /At preview:\n {2}advisory \(\d+\)\n(?: {4}\[.*\n)* {4}\[alb-access-logs\] aws:lb:LoadBalancer web-dev: access logs are off/);
            assert.match(out, /After up: the same violations as at preview[ .(]/);
            assert.match(out, /Total {2,}\$\d+\.\d\d {2}\(budget \$100\.00\)/);
            assert.match(out, /ECS defaults: {2}8 min 15 s: 1 batch of 1 task, /);
            assert.match(out, /Result: pass at preview$/);
        });

        it("--config launchType=ec2 and --config pipeline=… show the capacity, the pipeline and EC2's cost next to Fargate's", async () => {
            const pipeline = JSON.stringify({
                connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                repository: "acme/fargate-web",
                branch: "main",
                pulumiTokenSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:pulumi-token-AbCdEf",
                deployRoleArn: "arn:aws:iam::123456789012:role/pulumi-deploy",
            });
            const { code, out } = await cli(["--stack", "dev", "--config", "launchType=ec2", "--config", `pipeline=${pipeline}`]);
            assert.equal(code, 0);
            assert.match(out, /aws:ecs:CapacityProvider {2,}web-dev-ec2/);
            assert.match(out, /aws:codepipeline:Pipeline {2,}web-dev/);
            assert.match(out, /EC2 t3\.small Spot +730\.0 instance-hours/);
            assert.match(out, /CodePipeline V2 action minutes/);
            assert.match(out, /Total with the same tasks on Fargate +\$\d+\.\d\d/);
            const bad = await cli(["--stack", "dev", "--config", 'pipeline={"branch":"main"}']);
            assert.equal(bad.code, 2);
            assert.match(bad.err, /pipeline\.connectionArn is required/);
        });

        it("--json prints one document with both phases and a verdict per policy", async () => {
            const { code, out } = await cli(["--stack", "prod", "--json"]);
            assert.equal(code, 0);
            const doc = JSON.parse(out) as {
                result: string;
                gate: string;
                resources: { type: string }[];
                cost: { totalUsd: number };
                policyConfig: string;
                phases: Record<string, { result: string; violations: { policyName: string; detail: string; message: string }[] }>;
                policies: { name: string; enforcementLevel: string; preview: { status: string }; up: { status: string } }[];
            };
            assert.deepEqual([doc.result, doc.gate, doc.policyConfig], ["pass", "preview", "policy/config/prod.json"]);
            assert.deepEqual(Object.keys(doc.phases), ["preview", "up"]);
            assert.ok(doc.resources.some((r) => r.type === "aws:ecs/service:Service"));
            assert.ok(doc.cost.totalUsd > 0);
            const logs = doc.policies.find((p) => p.name === "alb-access-logs")!;
            assert.deepEqual([logs.enforcementLevel, logs.preview.status, logs.up.status], ["advisory", "violated", "violated"]);
            const logsViolation = doc.phases.preview!.violations.find((v) => v.policyName === "alb-access-logs")!;
            assert.ok(logsViolation.message.endsWith(`\n${logsViolation.detail}`), "message is the server's: description, newline, detail");
        });

        it("exits 1 naming the rule when a mandatory violation remains at preview", async () => {
            const config = policyConfigWith("dev", { "alb-access-logs": "mandatory" });
            const { code, out } = await cli(["--stack", "dev", "--policy-config", config]);
            assert.equal(code, 1);
            assert.match(out, /At preview:\n {2}mandatory \(1\)\n {4}\[alb-access-logs\] aws:lb:LoadBalancer web-dev: access logs are off/);
            assert.match(out, /Result: FAIL at preview \(1 mandatory violation\(s\)\); after up: 1 mandatory/);
        });

        it("--phase evaluates one phase; the exit code follows the phase evaluated", async () => {
            const config = policyConfigWith("dev", { "alb-access-logs": "mandatory" });
            const up = await cli(["--stack", "dev", "--phase", "up", "--policy-config", config, "--json"]);
            const doc = JSON.parse(up.out) as { gate: string; phases: Record<string, unknown>; result: string };
            assert.deepEqual([up.code, doc.gate, Object.keys(doc.phases), doc.result], [1, "up", ["up"], "fail"]);
            const preview = await cli(["--stack", "dev", "--phase", "preview"]);
            assert.equal(preview.code, 0);
            assert.match(preview.out, /\n {2}policy +level +at preview\n/);
            assert.doesNotMatch(preview.out, /after up/i);
            const bad = await cli(["--phase", "deploy"]);
            assert.equal(bad.code, 2);
            assert.match(bad.err, /--phase deploy is not valid; allowed: preview, up/);
        });

        it("exits 2 on invalid settings with the settings text and no stack trace", async () => {
            const { code, err } = await cli(["--stack", "dev", "--config", "memory=3000", "--config", "cpu=512"]);
            assert.equal(code, 2);
            assert.match(err, /memory=3000 is not valid with cpu=512; allowed: 1024–4096 in 1024 steps/);
            assert.doesNotMatch(err, /\n\s+at /);
        });

        it("a stack config granting broad S3 access never reaches AWS: exit 2 naming the grant", async () => {
            const { code, err } = await cli(["--stack", "dev", "--config", 's3Grants=[{"bucket":"*","access":"read-write"}]']);
            assert.equal(code, 2);
            assert.match(err, /s3Grants\[0\]\.bucket=\* is not valid; allowed: an S3 bucket name .*wildcards are not allowed/);
        });

        it("exits 2 on bad usage", async () => {
            assert.equal((await cli(["--bogus"])).code, 2);
            const known = listStacks(ROOT).join(", ");
            assert.equal((await cli(["--stack", "nosuch"])).err, `error: stack 'nosuch' has no Pulumi.nosuch.yaml; allowed: ${known}`);
            assert.equal((await cli(["--config", "novalue"])).code, 2);
        });

        it("exits 2 when a setting exceeds what the region offers", async () => {
            const { code, err } = await cli(["--stack", "dev", "--config", "aws:region=eu-west-1", "--config", "azCount=4"]);
            assert.equal(code, 2);
            assert.match(err, /azCount=4 is not valid in this region; allowed: at most 3 \(available zones: eu-west-1a, eu-west-1b, eu-west-1c\)/);
        });
    });

    it("the plan's resources are exactly what index.ts registers", async () => {
        const plan = await stackPlan("dev", ["up"]);
        const stack = loadStackConfig(ROOT, "dev");
        const settings = readSettings({ profile: "dev" }, "dev", stack.project, stack.region);
        const direct = await runUnderMocks(stack, () => deployApp(settings));
        const key = (r: { type: string; urn: string }) => `${r.urn}`;
        assert.deepEqual(plan.resources.map(key).sort(), direct.resources.map(key).sort());
        assert.equal(plan.resources.length, 70);
    });

    it("the plan's verdicts are the server's, in the rules' own words", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "dev", configOverrides: { appName: "web" }, analyzer: await sharedAnalyzer() });
        for (const phase of ["preview", "up"] as const) {
            const violations = plan.phases[phase]!.evaluation.violations.filter((v) => !v.unverifiable);
            assert.deepEqual(
                violations.map((v) => v.policyName).sort(),
                ["alb-access-logs", "alb-https-only", "alb-waf-web-acl", "demo-stack-expiry", "ecr-immutable-tags", "log-group-kms", "vpc-flow-logs"],
                phase,
            );
            const kms = violations.find((v) => v.policyName === "log-group-kms")!;
            assert.equal(detailOf(kms), "web-dev: kmsKeyId is not set; logs are encrypted with a service key only. Set kmsKeyId to a customer-managed key.");
        }
    });

    describe("AWS limits on planned resources", () => {
        const own = { availableZones: [], ownProgram: true };
        it("a variant of this program with values AWS refuses fails (exit 1) beside its verdicts, naming resource, value, limit and setting", async () => {
            const plan = await buildPlan({
                root: ROOT,
                stack: "dev",
                analyzer: await sharedAnalyzer(),
                programPath: join(__dirname, "fixtures", "overLimitProgram.ts"),
            });
            const messages = plan.limitProblems.map((p) => p.message).sort();
            assert.deepEqual(messages, [
                "aws:cloudwatch:LogGroup logs: name=/ecs/web dev is not valid; allowed: 1–512 characters of A-Z a-z 0-9 . - _ / # (setting: appName / stack name)",
                "aws:cloudwatch:LogGroup logs: retentionInDays=10 is not valid; allowed: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, or 0 (never expire) (setting: logRetentionDays)",
                "aws:lb:TargetGroup tg: healthCheck.timeout=10 is not valid; allowed: less than the interval (10 s) (setting: healthCheckTimeoutSeconds)",
                "aws:lb:TargetGroup tg: name=a-target-group-name-longer-than-32 is not valid; allowed: at most 32 characters (is 34) (setting: appName / stack name)",
            ]);
            // The policies still judged the same resources.
            assert.ok(plan.phases.preview!.evaluation.violations.some((v) => v.policyName === "log-group-kms"));
            assert.equal(planResult(plan), "fail");
            assert.equal(exitCodeOf(plan), 1);
        });

        it("names the resource, the value, the limit and, for this project's program, the setting", () => {
            const tg = resourceRecord("aws:lb/targetGroup:TargetGroup", "tg", {
                name: "a-target-group-name-that-is-far-too-long",
                healthCheck: { interval: 10, timeout: 10, healthyThreshold: 2, unhealthyThreshold: 2, matcher: "200", path: "/health" },
                deregistrationDelay: 4000,
            });
            const expected = [
                "aws:lb:TargetGroup tg: name=a-target-group-name-that-is-far-too-long is not valid; allowed: at most 32 characters (is 40)",
                "aws:lb:TargetGroup tg: healthCheck.timeout=10 is not valid; allowed: less than the interval (10 s)",
                "aws:lb:TargetGroup tg: deregistrationDelay=4000 is not valid; allowed: a whole number from 0 to 3600 seconds",
            ];
            assert.deepEqual(
                checkPlanConstraints([tg], own).map((p) => p.message),
                expected.map((m, i) => `${m} (setting: ${["appName / stack name", "healthCheckTimeoutSeconds", "deregistrationDelaySeconds"][i]})`),
            );
            assert.deepEqual(
                checkPlanConstraints([tg], { availableZones: [], ownProgram: false }).map((p) => p.message),
                expected,
            );
        });

        it("leaves values unknown at preview to the after-up check", () => {
            const td = resourceRecord("aws:ecs/taskDefinition:TaskDefinition", "td", { cpu: "256", memory: "512", containerDefinitions: ENGINE_UNKNOWN });
            td.outputs = { name: ENGINE_UNKNOWN };
            const logs = resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: ENGINE_UNKNOWN });
            logs.outputs = { name: "/ecs/web" };
            assert.deepEqual(checkPlanConstraints([td, logs], own), []);
            logs.inputs.retentionInDays = 10;
            assert.equal(checkPlanConstraints([td, logs], own).length, 1);
        });

        it("checks sizes, percents, autoscaling, listeners and tags", () => {
            const records = [
                resourceRecord("aws:ecs/taskDefinition:TaskDefinition", "td", {
                    cpu: "512",
                    memory: "512",
                    requiresCompatibilities: ["FARGATE"],
                    containerDefinitions: "[]",
                }),
                resourceRecord("aws:ecs/service:Service", "svc", { desiredCount: 1, deploymentMinimumHealthyPercent: 100, deploymentMaximumPercent: 100 }),
                resourceRecord("aws:appautoscaling/policy:Policy", "p", {
                    targetTrackingScalingPolicyConfiguration: {
                        targetValue: 95,
                        scaleInCooldown: 0,
                        scaleOutCooldown: 60,
                        predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
                    },
                }),
                resourceRecord("aws:lb/listener:Listener", "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", certificateArn: "arn:bad" }),
                resourceRecord("aws:ecs/cluster:Cluster", "c", { tags: { "aws:team": "x" } }),
            ];
            const problems = checkPlanConstraints(records, own).map((p) => p.message);
            assert.equal(problems.length, 6);
            assert.match(problems[0]!, /td: cpu\/memory=512\/512 is not valid; allowed: 1024–4096 in 1024 steps \(setting: cpu, memory\)/);
            assert.match(problems[1]!, /svc: deployment percents=100\/100 .*\(setting: minHealthyPercent, maxPercent\)/);
            assert.match(problems[2]!, /p: targetValue=95 .*10 to 90 percent \(setting: cpuTargetPercent\)/);
            assert.match(problems[3]!, /l: certificateArn=arn:bad/);
            assert.match(problems[4]!, /l: sslPolicy=ELBSecurityPolicy-2016-08 is not valid; allowed: a TLS 1.2\+ policy/);
            assert.match(problems[5]!, /c: tags.aws:team=x .*\(setting: tags\)/);
        });
    });
});
