// The WebService per deployment strategy, under mocks: what the service, target groups, listener
// rules, security groups, alarms and roles register.
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { strict as assert } from "node:assert";
import { AwsMocks } from "../../plan/awsMocks";
import { WebService } from "../../components/webService";
import type { ResourceRecord } from "../../plan/types";
import { globMatch } from "../../policy/knowledge/values";
import { json, one, ofType } from "../support/mocks";
import { settingsFor } from "../support/settings";
import { buildWebService } from "../support/webService";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
const HOOK = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test";
const SERVICE = "aws:ecs/service:Service";
const TG = "aws:lb/targetGroup:TargetGroup";
const RULE = "aws:lb/listenerRule:ListenerRule";
const LISTENER = "aws:lb/listener:Listener";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

/** `vpcCidr: null` stands for an adopted VPC, whose CIDR the component looks up. */
function build(stack: string, raw: Record<string, string> = {}, vpcCidr: string | null = "10.0.0.0/16"): Promise<ResourceRecord[]> {
    return buildWebService(stack, raw, { vpcCidr: vpcCidr ?? undefined });
}

type Inputs = Record<string, unknown>;
const service = (resources: ResourceRecord[]) => one(resources, SERVICE).inputs;
const loadBalancer = (resources: ResourceRecord[]) => (service(resources).loadBalancers as Inputs[])[0]!;
const statements = (r: ResourceRecord) => (json(r.inputs.policy) as { Statement: { Sid: string; Action: string[]; Resource: string | string[] }[] }).Statement;

describe("WebService deployments under mocks", () => {
    it("rolling (dev): ROLLING, circuit breaker and alarms both roll back; one target group, no rules, no test port", async () => {
        const resources = await build("dev");
        const svc = service(resources);
        assert.deepEqual(svc.deploymentConfiguration, { strategy: "ROLLING" });
        assert.deepEqual(svc.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.deepEqual(svc.alarms, { alarmNames: ["web-dev-5xx-rate", "web-dev-unhealthy-hosts"], enable: true, rollback: true });
        assert.equal(loadBalancer(resources).advancedConfiguration, undefined);
        assert.deepEqual(
            ofType(resources, TG).map((t) => t.name),
            ["web-dev-tg"],
        );
        assert.deepEqual(ofType(resources, RULE), []);
        assert.deepEqual(
            ofType(resources, INGRESS).map((r) => r.name),
            ["web-dev-alb-in-80", "web-dev-task-in-alb"],
        );
        assert.ok(!resources.some((r) => r.type === "aws:iam/role:Role"), "no role for ECS to assume");
    });

    it("the alarms the service names exist, are named explicitly and are registered before it", async () => {
        const resources = await build("prod");
        const names = (service(resources).alarms as { alarmNames: string[] }).alarmNames;
        const alarms = ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm");
        assert.deepEqual(
            names.map((n) => alarms.find((a) => a.inputs.name === n)?.name),
            ["web-prod-5xx-rate", "web-prod-unhealthy-hosts"],
        );
        const deps = one(resources, SERVICE).dependencies;
        for (const alarm of names) assert.ok(deps.some((u) => u.endsWith(`metricAlarm:MetricAlarm::${alarm}`), `service depends on ${alarm}`));
    });

    for (const [strategy, expected] of [
        ["blue-green", { strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" }],
        ["canary", { strategy: "CANARY", bakeTimeInMinutes: "10", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: "10" } }],
        ["linear", { strategy: "LINEAR", bakeTimeInMinutes: "10", linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: "5" } }],
    ] as const) {
        it(`${strategy} (prod): its configuration, alarm rollback, no circuit breaker`, async () => {
            const svc = service(await build("prod", { deployment: strategy }));
            assert.deepEqual(svc.deploymentConfiguration, expected);
            assert.equal(svc.deploymentCircuitBreaker, undefined);
            assert.deepEqual(svc.alarms, { alarmNames: ["web-prod-5xx-rate", "web-prod-unhealthy-hosts"], enable: true, rollback: true });
        });
    }

    describe("what traffic shifting needs (prod canary, HTTPS)", () => {
        let resources: ResourceRecord[];
        before(async () => (resources = await build("prod", { certificateArn: CERT })));

        it("a second target group, configured like the first", async () => {
            const [live, alternate] = [one(resources, TG, "web-prod-tg"), one(resources, TG, "web-prod-tg-alt")];
            assert.deepEqual({ ...alternate.inputs, name: undefined }, { ...live.inputs, name: undefined });
            assert.equal(loadBalancer(resources).targetGroupArn, live.outputs.arn);
            assert.equal((loadBalancer(resources).advancedConfiguration as Inputs).alternateTargetGroupArn, alternate.outputs.arn);
        });

        it("production and test rules forward 100/0 by weight; the production rule sits on the HTTPS listener", async () => {
            const [live, alternate] = [one(resources, TG, "web-prod-tg").outputs.arn, one(resources, TG, "web-prod-tg-alt").outputs.arn];
            const https = ofType(resources, LISTENER).find((l) => l.inputs.port === 443)!;
            const test = ofType(resources, LISTENER).find((l) => l.inputs.port === 8443)!;
            const [production, testRule] = [one(resources, RULE, "web-prod-production-rule"), one(resources, RULE, "web-prod-test-rule")];
            assert.equal(production.inputs.listenerArn, https.outputs.arn);
            assert.equal(testRule.inputs.listenerArn, test.outputs.arn);
            for (const rule of [production, testRule]) {
                assert.deepEqual(rule.inputs.conditions, [{ pathPattern: { values: ["/*"] } }]);
                assert.deepEqual(rule.inputs.actions, [
                    {
                        type: "forward",
                        forward: {
                            targetGroups: [
                                { arn: live, weight: 100 },
                                { arn: alternate, weight: 0 },
                            ],
                        },
                    },
                ]);
            }
            assert.deepEqual(loadBalancer(resources).advancedConfiguration, {
                alternateTargetGroupArn: alternate,
                productionListenerRule: production.outputs.arn,
                testListenerRule: testRule.outputs.arn,
                roleArn: one(resources, "aws:iam/role:Role", "web-prod-ecs-traffic").outputs.arn,
            });
        });

        it("the test listener speaks HTTPS with the stack's TLS policy, refuses what the rule does not match, and is open to the VPC only", async () => {
            const test = ofType(resources, LISTENER).find((l) => l.inputs.port === 8443)!.inputs;
            assert.deepEqual([test.protocol, test.sslPolicy, test.certificateArn], ["HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", CERT]);
            assert.deepEqual(test.defaultActions, [
                { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "no test route" } },
            ]);
            const ingress = one(resources, INGRESS, "web-prod-alb-in-test").inputs;
            assert.deepEqual([ingress.fromPort, ingress.toPort, ingress.cidrIpv4], [8443, 8443, "10.0.0.0/16"]);
            const world = ofType(resources, INGRESS).filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0");
            assert.deepEqual(
                world.map((r) => r.inputs.fromPort),
                [80, 443],
            );
        });

        it("the traffic role's policy covers exactly these target groups and this load balancer's listeners and rules", async () => {
            const [policy] = ofType(resources, ROLE_POLICY).filter((p) => p.name === "web-prod-ecs-traffic");
            const bySid = Object.fromEntries(statements(policy!).map((s) => [s.Sid, [s.Resource].flat()]));
            const covered = (sid: string, arn: unknown) => bySid[sid]!.some((pattern) => globMatch(pattern, String(arn)));
            for (const tg of ofType(resources, TG)) assert.ok(covered("MoveTargetsOfThisService", tg.outputs.arn), tg.name);
            for (const rule of ofType(resources, RULE)) assert.ok(covered("ShiftTrafficOnThisLoadBalancer", rule.outputs.arn), rule.name);
            for (const listener of ofType(resources, LISTENER)) assert.ok(covered("ShiftTrafficOnThisLoadBalancer", listener.outputs.arn), listener.name);
            assert.ok(!covered("ShiftTrafficOnThisLoadBalancer", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/other-alb/1/2/3"));
            assert.deepEqual(json(one(resources, "aws:iam/role:Role", "web-prod-ecs-traffic").inputs.assumeRolePolicy), {
                Version: "2012-10-17",
                Statement: [{ Sid: "EcsAssumesForDeployments", Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }],
            });
        });

        it("both alarms watch both target groups; requests-per-target scaling is dropped (it would follow one group)", async () => {
            const suffixes = ofType(resources, TG).map((t) => t.outputs.arnSuffix);
            for (const alarm of ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.name !== "web-prod-high-cpu")) {
                const groups = (alarm.inputs.metricQueries as { metric?: { dimensions: { TargetGroup: string } } }[]).flatMap((q) =>
                    q.metric ? [q.metric.dimensions.TargetGroup] : [],
                );
                assert.deepEqual([...new Set(groups)].sort(), [...suffixes].sort(), alarm.name);
            }
            assert.deepEqual(
                ofType(resources, "aws:appautoscaling/policy:Policy").map((p) => p.name),
                ["web-prod-cpu", "web-prod-memory"],
            );
        });
    });

    it("without a certificate the production rule rides the HTTP listener and the test listener speaks HTTP", async () => {
        const resources = await build("dev", { deployment: "blue-green" });
        const http = ofType(resources, LISTENER).find((l) => l.inputs.port === 80)!;
        assert.equal(one(resources, RULE, "web-dev-production-rule").inputs.listenerArn, http.outputs.arn);
        const test = ofType(resources, LISTENER).find((l) => l.inputs.port === 8443)!.inputs;
        assert.deepEqual([test.protocol, test.sslPolicy], ["HTTP", undefined]);
    });

    it("an adopted VPC: the test port opens to the VPC's own CIDR, looked up by id", async () => {
        const resources = await build("dev", { deployment: "canary" }, null);
        assert.equal(one(resources, INGRESS, "web-dev-alb-in-test").inputs.cidrIpv4, "172.31.0.0/16");
    });

    it("a lifecycle hook: its own role may invoke that function only, and ECS gets it in the configuration", async () => {
        const resources = await build("prod", { deployment: "blue-green", deploymentHookArn: HOOK, deploymentHookStages: '["POST_TEST_TRAFFIC_SHIFT"]' });
        const hookRole = one(resources, "aws:iam/role:Role", "web-prod-ecs-hook");
        assert.deepEqual(statements(one(resources, ROLE_POLICY, "web-prod-ecs-hook")), [
            { Sid: "InvokeDeploymentHook", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [HOOK] },
        ]);
        assert.deepEqual((service(resources).deploymentConfiguration as Inputs).lifecycleHooks, [
            { hookTargetArn: HOOK, roleArn: hookRole.outputs.arn, lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], targetType: "AWS_LAMBDA" },
        ]);
        assert.equal(ofType(await build("prod"), "aws:iam/role:Role").length, 1, "no hook role without a hook");
    });

    it("the engine is told to leave ECS's weights alone and to wait through the bakes", async () => {
        interface Options {
            ignoreChanges: string[];
            update?: string;
        }
        const seen = new Map<string, Options>();
        /** Records the resource options the engine receives, which the shared recorder leaves out. */
        class OptionsMonitor extends MockMonitor {
            override async registerResource(req: never, callback: (err: unknown, response: unknown) => void): Promise<void> {
                const r = req as {
                    getName(): string;
                    getIgnorechangesList(): string[];
                    getCustomtimeouts(): { getUpdate(): string } | undefined;
                };
                seen.set(r.getName(), { ignoreChanges: r.getIgnorechangesList(), update: r.getCustomtimeouts()?.getUpdate() });
                return super.registerResource(req, callback);
            }
        }
        pulumi.runtime.setMockOptions(new OptionsMonitor(new AwsMocks()), "fargate-web", "prod", false);
        const s = settingsFor("prod");
        new WebService(s.names.prefix, {
            settings: s,
            vpcId: "vpc-0123456789abcdef0",
            vpcCidr: "10.0.0.0/16",
            publicSubnetIds: ["subnet-00000000000000001"],
            privateSubnetIds: ["subnet-00000000000000003"],
            clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/web",
            clusterName: "web",
            imageUri: "web@sha256:" + "a".repeat(64),
            containerHealthCheck: true,
            logGroupName: "/ecs/web/prod",
            region: "us-east-1",
            executionRoleArn: "arn:aws:iam::123456789012:role/exec",
            taskRoleArn: "arn:aws:iam::123456789012:role/task",
            tags: {},
        });
        await pulumi.runtime.disconnect();
        assert.deepEqual(seen.get("web-prod-production-rule")?.ignoreChanges, ["actions"]);
        assert.deepEqual(seen.get("web-prod-test-rule")?.ignoreChanges, ["actions"]);
        // 20 minutes + the 10-minute canary bake + the 10-minute bake.
        assert.deepEqual(seen.get("web-prod")?.ignoreChanges, ["desiredCount"]);
        assert.equal(seen.get("web-prod")?.update, "40m");
    });
});
