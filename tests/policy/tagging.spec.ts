import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { estimateMonthlyCost } from "../../policy/knowledge/cost";
import { monthlyCostBudget } from "../../policy/rules/cost";
import { requiredTags } from "../../policy/rules/tagging";
import { check, checkRaw, messages, StackBuilder, TASK_DEFINITION } from "./harness";

describe("policy: tagging and cost", () => {
    describe("required-tags", () => {
        it("passes tagged resources and ignores untaggable types", async () => {
            assert.deepEqual(await check(requiredTags, aws.ecs.Cluster, { tags: { app: "web", environment: "dev" } }), []);
            assert.deepEqual(await checkRaw(requiredTags, "aws:ec2/route:Route", {}), []);
        });
        it("fails missing tags and reads the required keys from config", async () => {
            assert.deepEqual(messages(await check(requiredTags, aws.ecs.Cluster, { tags: { app: "web" } })), [
                'subject: missing tags environment (has ["app"]); add them for cost allocation.',
            ]);
            assert.match(
                messages(
                    await checkRaw(
                        requiredTags,
                        "aws:ecs/cluster:Cluster",
                        { tags: { app: "web", environment: "dev" } },
                        { "required-tags": { requiredTags: ["app", "cost-center"] } },
                    ),
                )[0]!,
                /missing tags cost-center/,
            );
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
