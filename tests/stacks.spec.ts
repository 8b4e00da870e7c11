// Whole stacks: every shipped Pulumi.<stack>.yaml under mocks with the whole pack and that
// stack's policy config; known-bad variants caught with the expected rule names.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import type { PolicyAnalyzer } from "../plan/analyzer/client";
import { Plan, PlanOptions, buildPlan } from "../plan/plan";
import { renderText } from "../plan/render";
import { ENGINE_UNKNOWN } from "../plan/unknowns";
import { checkPlanConstraints } from "../plan/planConstraints";
import { runProgram } from "../plan/runProgram";
import { loadStackConfig } from "../plan/stackConfig";
import type { PlanPhase } from "../plan/verdicts";
import { sharedAnalyzer } from "./support/analyzer";
import { ROOT } from "./support/mocks";
import { listStacks } from "../plan/stackInfo";
import { policyConfigWith } from "./support/policyConfig";
import { scopableActions } from "../policy/lib/iamGrants";
import { TUTORIAL_CAUGHT } from "./fixtures/tutorialCaught";
import { stackPlan } from "./support/stackPlans";

/** Every stack with a stack file: the shipped ones and any an adopter adds. */
const STACKS = listStacks(ROOT);

const countByType = (plan: Plan) => {
    const counts: Record<string, number> = {};
    for (const r of plan.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    return counts;
};
/** Policies with a mandatory violation in a phase (at preview, the CI gate, unless said otherwise). */
const mandatoryRules = (plan: Plan, phase: PlanPhase = "preview") =>
    [...new Set(plan.phases[phase]!.evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName))].sort();

describe("whole stacks", function () {
    this.timeout(120_000);
    const plans: Record<string, Plan> = {};
    let analyzer: PolicyAnalyzer;
    /** Both phases, verdicts from the run's pack server. */
    const planFor = (o: Omit<PlanOptions, "root">) => buildPlan({ root: ROOT, analyzer, ...o });

    before(async () => {
        analyzer = await sharedAnalyzer();
        for (const stack of STACKS) plans[stack] = await stackPlan(stack);
    });

    it("ships dev, staging and prod", () => {
        assert.deepEqual(
            ["dev", "prod", "staging"].filter((s) => STACKS.includes(s)),
            ["dev", "prod", "staging"],
        );
    });

    it("every shipped stack is clean of mandatory violations under its own policy config, at preview and after up", () => {
        for (const stack of STACKS) {
            assert.deepEqual(mandatoryRules(plans[stack]!, "preview"), [], `${stack} at preview`);
            assert.deepEqual(mandatoryRules(plans[stack]!, "up"), [], `${stack} after up`);
            assert.equal(plans[stack]!.gate, "preview");
        }
    });

    it("no task has a public IP, no wildcard action, no Resource * beyond unscopable actions, every container logs", () => {
        for (const stack of STACKS) {
            const resources = plans[stack]!.resources;
            for (const service of resources.filter((r) => r.type === "aws:ecs/service:Service")) {
                assert.equal((service.inputs.networkConfiguration as { assignPublicIp: boolean }).assignPublicIp, false, stack);
            }
            for (const policy of resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy")) {
                for (const s of (JSON.parse(String(policy.inputs.policy)) as { Statement: { Action: string[]; Resource: string | string[] }[] }).Statement) {
                    assert.ok(
                        s.Action.every((a) => !a.includes("*")),
                        `${stack}: ${JSON.stringify(s.Action)}`,
                    );
                    if (s.Resource === "*")
                        assert.deepEqual(
                            scopableActions(s.Action, []).flatMap((g) => g.scopable),
                            [],
                            `${stack}: ${JSON.stringify(s.Action)} on *`,
                        );
                    else assert.ok(![s.Resource].flat().includes("*"), `${stack}: ${JSON.stringify(s.Resource)}`);
                }
            }
            for (const td of resources.filter((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")) {
                for (const c of JSON.parse(String(td.inputs.containerDefinitions)) as { logConfiguration?: { logDriver: string } }[])
                    assert.equal(c.logConfiguration?.logDriver, "awslogs", stack);
            }
            assert.ok(!resources.some((r) => /FullAccess/.test(JSON.stringify(r.inputs))), `${stack}: no *FullAccess`);
        }
    });

    it("dev and prod differ as designed: NAT instance vs NAT per AZ, subnets, KMS, protection", () => {
        const [dev, prod] = [countByType(plans.dev!), countByType(plans.prod!)];
        assert.deepEqual([dev["aws:ec2/natGateway:NatGateway"], prod["aws:ec2/natGateway:NatGateway"]], [undefined, 3]);
        assert.deepEqual([dev["aws:ec2/instance:Instance"], prod["aws:ec2/instance:Instance"]], [1, undefined]);
        assert.deepEqual([dev["aws:ec2/vpcEndpoint:VpcEndpoint"], prod["aws:ec2/vpcEndpoint:VpcEndpoint"]], [1, 1], "the S3 gateway endpoint");
        assert.deepEqual([dev["aws:ec2/subnet:Subnet"], prod["aws:ec2/subnet:Subnet"]], [4, 6]);
        // prod: a key for the service's logs, the VPC's flow logs and the WAF's logs (each key policy names its one group).
        assert.deepEqual([dev["aws:kms/key:Key"], prod["aws:kms/key:Key"]], [undefined, 3]);
        assert.deepEqual([dev["aws:wafv2/webAcl:WebAcl"], prod["aws:wafv2/webAcl:WebAcl"]], [undefined, 1]);
        assert.deepEqual([dev["aws:ec2/flowLog:FlowLog"], prod["aws:ec2/flowLog:FlowLog"]], [undefined, 1]);
        // prod: HTTPS, the HTTP redirect, and its canary deployments' private test listener.
        assert.deepEqual([dev["aws:lb/listener:Listener"], prod["aws:lb/listener:Listener"]], [1, 3]);
        assert.deepEqual(
            plans
                .prod!.resources.filter((r) => r.protect)
                .map((r) => r.type)
                .sort(),
            [...Array(3).fill("aws:cloudwatch/logGroup:LogGroup"), "aws:ecr/repository:Repository", ...Array(3).fill("aws:kms/key:Key")],
        );
        assert.deepEqual(
            plans.dev!.resources.filter((r) => r.protect),
            [],
        );
        const devRepo = plans.dev!.resources.find((r) => r.type === "aws:ecr/repository:Repository")!;
        assert.equal(devRepo.inputs.forceDelete, true, "dev destroys cleanly with its images");
    });

    it("prod deploys with a non-rolling strategy that rolls back on alarms the stack creates", () => {
        const resources = plans.prod!.resources;
        const service = resources.find((r) => r.type === "aws:ecs/service:Service")!.inputs as {
            deploymentConfiguration: { strategy: string };
            alarms: { enable: boolean; rollback: boolean; alarmNames: string[] };
        };
        assert.notEqual(service.deploymentConfiguration.strategy, "ROLLING");
        assert.deepEqual([service.alarms.enable, service.alarms.rollback], [true, true]);
        const alarmNames = resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.inputs.name);
        assert.ok(service.alarms.alarmNames.length > 0 && service.alarms.alarmNames.every((n) => alarmNames.includes(n)));
        assert.ok(
            !Object.values(plans.prod!.phases)
                .flatMap((p) => p.evaluation.violations)
                .some((v) => v.policyName.startsWith("ecs-service-rollback") || v.policyName.startsWith("ecs-test-listener")),
        );
    });

    it("every strategy keeps a stack clean of mandatory violations", async () => {
        // prod ships canary; dev (rolling) shows the HTTP test listener of a stack without a certificate.
        const variants: [string, string][] = [
            ["prod", "rolling"],
            ["prod", "blue-green"],
            ["prod", "linear"],
            ["dev", "canary"],
        ];
        for (const [stack, deployment] of variants) {
            const plan = await planFor({ stack, configOverrides: { deployment } });
            assert.deepEqual(mandatoryRules(plan, "preview"), [], `${stack} ${deployment} at preview`);
            assert.deepEqual(mandatoryRules(plan, "up"), [], `${stack} ${deployment} after up`);
        }
    });

    it("every shipped stack passes the AWS limits check", () => {
        for (const stack of STACKS)
            assert.deepEqual(
                checkPlanConstraints(plans[stack]!.resources, {
                    availableZones: ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"],
                    ownProgram: true,
                }),
                [],
                stack,
            );
    });

    it("a tutorial-style program is caught with the expected rule names at preview and after up", async () => {
        const plan = await planFor({ stack: "dev", programPath: join(__dirname, "fixtures", "publicIpProgram.ts") });
        // The same rules at preview as after up: remediations copy unknowns (the cluster ARN) through.
        assert.deepEqual(mandatoryRules(plan, "preview"), mandatoryRules(plan, "up"));
        assert.deepEqual(mandatoryRules(plan, "up"), TUTORIAL_CAUGHT);
        // The public IP itself is fixed by remediation on dev, and reported on prod's config.
        for (const phase of ["preview", "up"] as const)
            assert.deepEqual(
                plan.phases[phase]!.evaluation.remediations.map((r) => r.policyName).sort(),
                ["ecs-cluster-container-insights", "ecs-service-no-public-ip"],
                phase,
            );
        const strict = await planFor({
            stack: "dev",
            programPath: join(__dirname, "fixtures", "publicIpProgram.ts"),
            policyConfigPath: join(ROOT, "policy", "config", "prod.json"),
        });
        assert.ok(mandatoryRules(strict).includes("ecs-service-no-public-ip"));
    });

    it("a stack config over its budget fails the cost policy", async () => {
        const plan = await planFor({ stack: "dev", configOverrides: { cpu: 4096, memory: 8192, desiredCount: 2, maxCount: 4, spot: false } });
        assert.deepEqual(mandatoryRules(plan, "up"), ["monthly-cost-budget"]);
        // At preview the gate never passes it silently: it fails, or says it cannot run.
        const atPreview = plan.phases.preview!.evaluation.violations.filter((v) => v.policyName === "monthly-cost-budget");
        assert.ok(atPreview.length > 0 && atPreview.every((v) => v.enforcementLevel === "mandatory" || v.unverifiable));
    });

    it("optional features keep a stack clean: ECS Exec, secrets, S3 grants, ARM, HTTPS on dev", async () => {
        const withFeatures = await planFor({
            stack: "dev",
            configOverrides: {
                enableExec: true,
                cpuArchitecture: "ARM64",
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
                s3Grants: [{ bucket: "acme-uploads", access: "read-write" }],
                secrets: [{ name: "DB_URL", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-url-AbCdEf" }],
            },
        });
        assert.deepEqual(mandatoryRules(withFeatures, "preview"), []);
        assert.deepEqual(mandatoryRules(withFeatures, "up"), []);
        assert.ok(withFeatures.cost.lines.some((l) => l.item === "Secrets Manager secrets" && l.quantity === 1));
        assert.ok(withFeatures.cost.lines.some((l) => l.item.startsWith("Fargate ARM64 Spot")));
    });

    it("an adopted VPC's subnets are unverifiable until the policy config allowlists them", async () => {
        const existingVpc = {
            vpcId: "vpc-0123456789abcdef0",
            publicSubnetIds: ["subnet-0000000000000000a", "subnet-0000000000000000b"],
            privateSubnetIds: ["subnet-0000000000000000c", "subnet-0000000000000000d"],
        };
        const unverified = await planFor({ stack: "dev", configOverrides: { existingVpc } });
        assert.deepEqual(mandatoryRules(unverified), ["ecs-service-private-subnets"]);
        assert.match(
            unverified.phases.preview!.evaluation.violations.find((v) => v.policyName === "ecs-service-private-subnets")!.message,
            /subnet subnet-0000000000000000c is not in this stack and not in approvedPrivateSubnetIds: unverifiable/,
        );
        const config = policyConfigWith("dev", { "ecs-service-private-subnets": { approvedPrivateSubnetIds: existingVpc.privateSubnetIds } });
        const approved = await planFor({ stack: "dev", configOverrides: { existingVpc }, policyConfigPath: config });
        assert.deepEqual(mandatoryRules(approved), []);
        assert.equal(approved.resources.filter((r) => r.type === "aws:ec2/natGateway:NatGateway").length, 0);
    });

    it("long app and stack names are shortened into names AWS accepts", async () => {
        const stack = {
            ...loadStackConfig(ROOT, "dev", { appName: "customer-portal-frontend-web", profile: "dev" }),
            stack: "feature-add-very-long-branch-name-for-preview-42",
        };
        const run = await runProgram(ROOT, stack);
        assert.deepEqual(checkPlanConstraints(run.resources, { availableZones: run.mocks.zones(), ownProgram: true }), []);
        const alb = run.resources.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer")!;
        assert.ok(String(alb.outputs.name).length <= 32, String(alb.outputs.name));
        const again = await runProgram(ROOT, stack);
        assert.equal(again.resources.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer")!.name, alb.name, "deterministic");
    });
});

describe("whole stacks: the EC2 launch type, the pipeline and the dashboard", function () {
    this.timeout(300_000);
    let analyzer: PolicyAnalyzer;
    before(async () => (analyzer = await sharedAnalyzer()));
    /** Both phases, verdicts from the run's pack server. */
    const planFor = (o: Omit<PlanOptions, "root">) => buildPlan({ root: ROOT, analyzer, ...o });
    const PIPELINE = {
        connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        repository: "acme/fargate-web",
        branch: "main",
        pulumiTokenSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:pulumi-token-AbCdEf",
        deployRoleArn: "arn:aws:iam::123456789012:role/pulumi-deploy",
    };
    const FEATURES = { launchType: "ec2", pipeline: PIPELINE };
    const OURS = /^(cicd-|codebuild-|ecs-container-instance-)/;

    it("keep every shipped stack clean after up, within its budget", async () => {
        for (const stack of STACKS) {
            const plan = await planFor({ stack, configOverrides: FEATURES, phases: ["up"] });
            assert.deepEqual(mandatoryRules(plan, "up"), [], stack);
            assert.ok(
                plan.resources.some((r) => r.type === "aws:codepipeline/pipeline:Pipeline") &&
                    plan.resources.some((r) => r.type === "aws:autoscaling/group:Group"),
                stack,
            );
            assert.deepEqual(
                plan.phases.up!.evaluation.violations.filter((v) => OURS.test(v.policyName)),
                [],
                stack,
            );
        }
    });

    it("keep every shipped stack clean at preview, where ids and ARNs are unknown, with every new rule decided", async () => {
        for (const stack of STACKS) {
            const plan = await planFor({ stack, configOverrides: FEATURES, phases: ["preview"] });
            const { resources, evaluation } = plan.phases.preview!;
            assert.ok(
                resources.some((r) => Object.values(r.inputs).includes(ENGINE_UNKNOWN)),
                "the preview has unknowns",
            );
            assert.deepEqual(
                evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}: ${v.message}`),
                [],
                stack,
            );
            assert.deepEqual(
                evaluation.violations.filter((v) => OURS.test(v.policyName) || (v.policyName === "monthly-cost-budget" && v.unverifiable)),
                [],
                stack,
            );
        }
    });

    it("the ECS deploy action variant stays clean, and leaves the service's task definition to the pipeline", async () => {
        const plan = await planFor({ stack: "staging", configOverrides: { pipeline: { ...PIPELINE, deploy: "ecs" } } });
        assert.deepEqual([mandatoryRules(plan, "preview"), mandatoryRules(plan, "up")], [[], []]);
        assert.ok(!plan.resources.some((r) => r.type === "aws:codebuild/project:Project" && r.name.endsWith("-deploy")));
    });

    it("the plan prices the instances and shows what the same tasks would cost on Fargate", async () => {
        const plan = await planFor({ stack: "dev", configOverrides: { launchType: "ec2" }, phases: ["up"] });
        // One t3.small on Spot (dev) for the single task: 730 h × $0.0208 × 35 %.
        assert.deepEqual(
            plan.cost.lines.find((l) => l.item.startsWith("EC2 t3.small")),
            { item: "EC2 t3.small Spot", quantity: 730, unit: "instance-hours", monthlyUsd: 5.31 },
        );
        assert.ok(!plan.cost.lines.some((l) => l.item.startsWith("Fargate ")), "no Fargate lines for tasks on EC2");
        const fargate = await stackPlan("dev", ["up"]);
        assert.equal(plan.cost.alternative?.label, "the same tasks on Fargate");
        assert.equal(plan.cost.alternative?.totalUsd, fargate.cost.totalUsd, "the comparison is the Fargate stack's own estimate");
        assert.match(renderText(plan, ROOT), /Total with the same tasks on Fargate\s+\$\d+\.\d\d/);
        // The service runs on the EC2 provider, spread over AZs, without Fargate's platform version.
        const service = plan.resources.find((r) => r.type === "aws:ecs/service:Service")!.inputs;
        assert.deepEqual(service.capacityProviderStrategies, [{ capacityProvider: "web-dev-ec2", weight: 1 }]);
        assert.equal(service.platformVersion, undefined);
        assert.deepEqual(service.orderedPlacementStrategies, [
            { type: "spread", field: "attribute:ecs.availability-zone" },
            { type: "binpack", field: "memory" },
        ]);
        assert.deepEqual(plan.resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!.inputs.requiresCompatibilities, ["EC2"]);
    });

    it("the dashboard's address is a stack output; the pipeline's too when there is one", async () => {
        const plan = await planFor({ stack: "prod", configOverrides: { pipeline: PIPELINE }, phases: ["up"] });
        assert.equal(plan.outputs.dashboardUrl, "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/web-prod");
        assert.match(String(plan.outputs.pipelineUrl), /codepipeline\/pipelines\/web-prod\/view/);
        const off = await planFor({ stack: "dev", configOverrides: { dashboard: false }, phases: ["up"] });
        assert.equal(off.outputs.dashboardUrl, undefined);
        assert.ok(!off.resources.some((r) => r.type === "aws:cloudwatch/dashboard:Dashboard"));
    });

    it("the AWS-managed instance policy is refused until the policy config gives the reason and accepts what it grants", async () => {
        const managed = await planFor({ stack: "dev", configOverrides: { launchType: "ec2", ec2InstancePolicy: "aws-managed" } });
        // Its document (ecs:Submit*, ecs:CreateCluster and log writes on *) is judged like an inline policy's.
        const refused = ["ecs-container-instance-role-scoped", "iam-no-broad-managed-policies"];
        assert.deepEqual([mandatoryRules(managed, "preview"), mandatoryRules(managed, "up")], [refused, refused]);
        const config = policyConfigWith("dev", {
            "ecs-container-instance-role-scoped": { managedPolicyReason: "legacy bridge-mode tasks pull with the instance role" },
            "iam-no-broad-managed-policies": { allowedManagedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"] },
        });
        const accepted = await planFor({
            stack: "dev",
            configOverrides: { launchType: "ec2", ec2InstancePolicy: "aws-managed" },
            policyConfigPath: config,
        });
        assert.deepEqual([mandatoryRules(accepted, "preview"), mandatoryRules(accepted, "up")], [[], []]);
    });
});
