// Pure builders for deployments, without mocks.
import { strict as assert } from "node:assert";
import {
    circuitBreaker,
    deploymentAlarms,
    deploymentConfiguration,
    deploymentTimeoutMinutes,
    linearShiftSteps,
    weightedForward,
} from "../../documents/deployment";
import { fiveXxRateQueries, unhealthyHostQueries } from "../../documents/deploymentAlarms";
import { ecsServiceTrustPolicy, hookRolePolicy, trafficRolePolicy } from "../../documents/deploymentIam";
import { evaluatePolicies } from "../policy/harness";
import { iamRules } from "../../policy/rules/iam";
import { iamTrustRules } from "../../policy/rules/iamTrust";
import type { DeploymentSettings } from "../../settings/types";
import { resourceRecord } from "../policy/harness";

const base: DeploymentSettings = {
    strategy: "rolling",
    bakeTimeMinutes: 10,
    canaryPercent: 10,
    canaryBakeTimeMinutes: 7,
    linearStepPercent: 25,
    linearStepBakeTimeMinutes: 4,
    testListenerPort: 8443,
    hookStages: ["POST_TEST_TRAFFIC_SHIFT"],
};
const HOOK = "arn:aws:lambda:us-east-1:123456789012:function:smoke";

interface PlainStatement {
    Sid: string;
    Principal?: unknown;
    Resource: string | string[];
}
/** A document as AWS reads it (the builder's type allows Pulumi inputs). */
const statements = (doc: unknown) => (JSON.parse(JSON.stringify(doc)) as { Statement: PlainStatement[] }).Statement;

describe("documents: deployment", () => {
    it("deployment configuration per strategy, with minutes as the provider's strings", () => {
        assert.deepEqual(deploymentConfiguration(base), { strategy: "ROLLING" });
        assert.deepEqual(deploymentConfiguration({ ...base, strategy: "blue-green" }), { strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" });
        assert.deepEqual(deploymentConfiguration({ ...base, strategy: "canary" }), {
            strategy: "CANARY",
            bakeTimeInMinutes: "10",
            canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: "7" },
        });
        assert.deepEqual(deploymentConfiguration({ ...base, strategy: "linear" }), {
            strategy: "LINEAR",
            bakeTimeInMinutes: "10",
            linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: "4" },
        });
    });

    it("a lifecycle hook needs both the function and the role ECS invokes it with", () => {
        const hooked = { ...base, strategy: "blue-green" as const, hookFunctionArn: HOOK };
        assert.deepEqual(deploymentConfiguration(hooked, "arn:aws:iam::123456789012:role/hook").lifecycleHooks, [
            { hookTargetArn: HOOK, roleArn: "arn:aws:iam::123456789012:role/hook", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], targetType: "AWS_LAMBDA" },
        ]);
        assert.equal(deploymentConfiguration(hooked).lifecycleHooks, undefined);
    });

    it("alarms roll back for every strategy; the circuit breaker only where ECS takes it (rolling)", () => {
        assert.deepEqual(deploymentAlarms(["a", "b"]), { alarmNames: ["a", "b"], enable: true, rollback: true });
        assert.deepEqual(circuitBreaker("rolling"), { enable: true, rollback: true });
        for (const s of ["blue-green", "canary", "linear"] as const) assert.equal(circuitBreaker(s), undefined, s);
    });

    it("listener rules start with all traffic on the live target group", () => {
        assert.deepEqual(weightedForward("live", "other"), [
            {
                type: "forward",
                forward: {
                    targetGroups: [
                        { arn: "live", weight: 100 },
                        { arn: "other", weight: 0 },
                    ],
                },
            },
        ]);
    });

    it("`pulumi up` waits through every bake: 20 minutes plus the strategy's waits", () => {
        assert.equal(deploymentTimeoutMinutes(base), 20);
        assert.equal(deploymentTimeoutMinutes({ ...base, strategy: "blue-green" }), 30);
        assert.equal(deploymentTimeoutMinutes({ ...base, strategy: "canary" }), 37);
        // 25% steps: 4 shifts, 3 waits of 4 minutes.
        assert.equal(deploymentTimeoutMinutes({ ...base, strategy: "linear" }), 42);
        assert.deepEqual([linearShiftSteps(10), linearShiftSteps(11), linearShiftSteps(33.3), linearShiftSteps(100)], [10, 10, 4, 1]);
    });

    describe("deployment alarm metrics", () => {
        it("one target group: the 5xx rate of that group", () => {
            const queries = fiveXxRateQueries("app/web/1", ["targetgroup/web-tg/2"]);
            assert.deepEqual(
                queries.filter((q) => q.returnData).map((q) => q.expression),
                ["100 * errors0 / MAX([errors0, requests0])"],
            );
            assert.deepEqual(unhealthyHostQueries("app/web/1", ["targetgroup/web-tg/2"]), [
                {
                    id: "unhealthy0",
                    metric: {
                        namespace: "AWS/ApplicationELB",
                        metricName: "UnHealthyHostCount",
                        dimensions: { LoadBalancer: "app/web/1", TargetGroup: "targetgroup/web-tg/2" },
                        period: 60,
                        stat: "Maximum",
                    },
                    returnData: true,
                },
            ]);
        });

        it("two target groups: the worst group's rate, so a small failing canary is not diluted", () => {
            const queries = fiveXxRateQueries("app/web/1", ["targetgroup/blue/2", "targetgroup/green/3"]);
            const returned = queries.filter((q) => q.returnData);
            assert.deepEqual(
                returned.map((q) => q.expression),
                ["MAX([rate0, rate1])"],
            );
            assert.equal(new Set(queries.map((q) => q.id)).size, queries.length, "ids are unique");
            const groups = queries.flatMap((q) => (q.metric ? [(q.metric as { dimensions: Record<string, string> }).dimensions.TargetGroup] : []));
            assert.deepEqual([...new Set(groups)], ["targetgroup/blue/2", "targetgroup/green/3"]);
            const unhealthy = unhealthyHostQueries("app/web/1", ["targetgroup/blue/2", "targetgroup/green/3"]);
            assert.deepEqual(
                unhealthy.filter((q) => q.returnData).map((q) => q.expression),
                ["MAX([unhealthy0, unhealthy1])"],
            );
        });
    });

    describe("roles ECS assumes", () => {
        const scope = {
            partition: "aws",
            region: "us-east-1",
            accountId: "123456789012",
            loadBalancerName: "web-prod-abc1234",
            targetGroupNames: ["web-prod-tg-1", "web-prod-tg-alt-2"],
        };

        it("the traffic role moves targets of these two groups and reweights rules of this load balancer only", () => {
            const resources = Object.fromEntries(statements(trafficRolePolicy(scope)).map((s) => [s.Sid, s.Resource]));
            assert.deepEqual(resources, {
                ReadLoadBalancing: "*",
                MoveTargetsOfThisService: [
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-prod-tg-1/*",
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-prod-tg-alt-2/*",
                ],
                ShiftTrafficOnThisLoadBalancer: [
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-prod-abc1234/*",
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web-prod-abc1234/*",
                ],
            });
            assert.deepEqual(statements(ecsServiceTrustPolicy())[0]!.Principal, { Service: "ecs.amazonaws.com" });
        });

        it("the hook role invokes the one function", () => {
            assert.deepEqual(statements(hookRolePolicy(HOOK)), [
                { Sid: "InvokeDeploymentHook", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [HOOK] },
            ]);
        });

        it('both pass the pack\'s IAM rules (the ELB reads are the only Resource "*")', async () => {
            const records = [
                resourceRecord("aws:iam/rolePolicy:RolePolicy", "traffic", { policy: JSON.stringify(trafficRolePolicy(scope)) }),
                resourceRecord("aws:iam/rolePolicy:RolePolicy", "hook", { policy: JSON.stringify(hookRolePolicy(HOOK)) }),
                resourceRecord("aws:iam/role:Role", "role", { assumeRolePolicy: JSON.stringify(ecsServiceTrustPolicy()) }),
            ];
            assert.deepEqual((await evaluatePolicies([...iamRules, ...iamTrustRules], records)).violations, []);
        });
    });
});
