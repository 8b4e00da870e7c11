import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import type { PolicyPackConfig } from "@pulumi/policy";
import { estimateMonthlyCost } from "../../policy/knowledge/cost";
import { monthlyCostBudget } from "../../policy/rules/cost";
import { requiredTags } from "../../policy/rules/tagging";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { check, checkRaw, evaluatePolicies, messages, resourceRecord, StackBuilder, TASK_DEFINITION } from "./harness";

describe("policy: tagging and cost", () => {
    describe("required-tags", () => {
        const TEAM: PolicyPackConfig = { "required-tags": { enforcementLevel: "mandatory", requiredTags: ["app", "environment"] } };

        it("with no config: advisory, and no tag key is demanded", async () => {
            assert.equal(requiredTags.enforcementLevel, "advisory");
            assert.deepEqual(await check(requiredTags, aws.ecs.Cluster, {}), []);
            assert.deepEqual(await check(requiredTags, aws.rds.Instance, { instanceClass: "db.t4g.micro" }), []);
        });

        it("a config naming the keys judges them; its level makes them mandatory", async () => {
            const [mandatory] = await check(requiredTags, aws.ecs.Cluster, { tags: { app: "web" } }, TEAM);
            assert.equal(mandatory!.enforcementLevel, "mandatory");
            assert.equal(messages([mandatory!])[0], 'subject: missing tags environment (has ["app"]); add them for cost allocation.');
            const [advisory] = await check(requiredTags, aws.ecs.Cluster, { tags: { app: "web" } }, { "required-tags": { requiredTags: ["cost-center"] } });
            assert.equal(advisory!.enforcementLevel, "advisory");
            assert.equal(messages([advisory!])[0], 'subject: missing tags cost-center (has ["app"]); add them for cost allocation.');
            assert.deepEqual(await check(requiredTags, aws.ecs.Cluster, { tags: { app: "web", environment: "dev" } }, TEAM), []);
        });

        it("judges the resources that cost money: RDS instances, Lambda functions, S3 buckets", async () => {
            const untagged = [
                await check(requiredTags, aws.rds.Instance, { instanceClass: "db.t4g.micro" }, TEAM),
                await check(requiredTags, aws.lambda.Function, { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs22.x" }, TEAM),
                await check(requiredTags, aws.s3.Bucket, { bucket: "web-assets" }, TEAM),
                await check(requiredTags, aws.s3.BucketV2, { bucket: "web-assets", tags: { app: "web" } }, TEAM),
            ];
            assert.deepEqual(untagged.map(messages), [
                ["subject: missing tags app, environment (has []); add them for cost allocation."],
                ["subject: missing tags app, environment (has []); add them for cost allocation."],
                ["subject: missing tags app, environment (has []); add them for cost allocation."],
                ['subject: missing tags environment (has ["app"]); add them for cost allocation.'],
            ]);
        });

        it("leaves types that take no tags alone", async () => {
            assert.deepEqual(await checkRaw(requiredTags, "aws:ec2/route:Route", {}, TEAM), []);
            assert.deepEqual(await check(requiredTags, aws.s3.BucketPublicAccessBlock, { bucket: "web-assets" }, TEAM), []);
            assert.deepEqual(
                await check(requiredTags, aws.iam.RolePolicyAttachment, { role: "r", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, TEAM),
                [],
            );
        });

        it("counts tagsAll and the provider's defaultTags", async () => {
            assert.deepEqual(await checkRaw(requiredTags, "aws:s3/bucket:Bucket", { tagsAll: { app: "web", environment: "dev" } }, TEAM), []);
            const record = resourceRecord("aws:lambda/function:Function", "fn", { tags: { app: "web" } });
            const provider = { urn: "urn:pulumi:test::fargate-web::pulumi:providers:aws::tagged", type: "pulumi:providers:aws", name: "tagged" };
            for (const defaultTags of [{ tags: { environment: "dev" } }, JSON.stringify({ tags: { environment: "dev" } })]) {
                const evaluation = await evaluatePolicies(
                    [requiredTags],
                    [{ ...record, provider: { ...provider, inputs: { region: "us-east-1", defaultTags } } }],
                    TEAM,
                );
                assert.deepEqual(evaluation.violations, [], JSON.stringify(defaultTags));
            }
        });

        it("preview: a tags map computed from outputs can't run; a known key with an unknown value counts", async () => {
            const [v] = await checkRaw(requiredTags, "aws:ecs/cluster:Cluster", { tags: UNKNOWN.object }, TEAM);
            assert.ok(v!.unverifiable && v!.message.includes("value at .subject.tags can't be known during preview"), v!.message);
            assert.deepEqual(await checkRaw(requiredTags, "aws:ecs/cluster:Cluster", { tags: { app: UNKNOWN.string, environment: "dev" } }, TEAM), []);
        });
    });

    describe("monthly-cost-budget (stack)", () => {
        const stack = (desiredCount: number, spot: boolean) =>
            new StackBuilder()
                .add(TASK_DEFINITION, "td", { arn: "td-arn", cpu: "1024", memory: "2048" })
                .add("aws:ecs/service:Service", "svc", {
                    taskDefinition: "td-arn",
                    desiredCount,
                    capacityProviderStrategies: [{ capacityProvider: spot ? "FARGATE_SPOT" : "FARGATE", weight: 1 }],
                })
                .add("aws:lb/loadBalancer:LoadBalancer", "alb", { subnets: ["a", "b"] })
                .add("aws:ec2/natGateway:NatGateway", "nat", {});

        it("passes under budget and fails over it, naming the largest items", async () => {
            assert.deepEqual(await stack(2, false).check(monthlyCostBudget, { "monthly-cost-budget": { monthlyBudgetUsd: 500 } }), []);
            const [v] = await stack(20, false).check(monthlyCostBudget, { "monthly-cost-budget": { monthlyBudgetUsd: 500 } });
            assert.match(
                messages([v!])[0]!,
                /^estimated monthly cost \$\d+\.\d\d exceeds the budget of \$500.00 \(largest: Fargate X86_64 on-demand vCPU \$591.01/,
            );
        });

        it("Spot costs less than on-demand for the same tasks", () => {
            const cost = (spot: boolean) => estimateMonthlyCost(stack(4, spot).records.map((r) => ({ type: r.type, props: r.inputs }))).totalUsd;
            assert.ok(cost(true) < cost(false));
        });

        it("prices follow the published us-east-1 rates", () => {
            const { lines } = estimateMonthlyCost([
                { type: "aws:ec2/natGateway:NatGateway", props: {} },
                { type: TASK_DEFINITION, props: { cpu: "1024", memory: "1024" } },
                { type: "aws:ecs/service:Service", props: { desiredCount: 1 } },
            ]);
            const usd = Object.fromEntries(lines.map((l) => [l.item, l.monthlyUsd]));
            assert.equal(usd["NAT gateway"], 32.85);
            assert.equal(usd["Fargate X86_64 on-demand vCPU"], 29.55);
            assert.equal(usd["Fargate X86_64 on-demand memory"], 3.24);
        });
    });
});
