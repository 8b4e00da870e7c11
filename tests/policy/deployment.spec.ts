import { strict as assert } from "node:assert";
import { join } from "node:path";
import { readPolicyConfig } from "../support/policyConfig";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsServiceRollbackPath, ecsTestListenerNotInternetFacing } from "../../policy/rules/deployment";
import { messages, SERVICE, StackBuilder, VALUE_FORMS, Values } from "./harness";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const RULE = "aws:lb/listenerRule:ListenerRule";
const TG = "aws:lb/targetGroup:TargetGroup";
const DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";

const alarmsOn = (alarmNames: unknown = ["web-5xx-rate"]) => ({ alarms: { enable: true, rollback: true, alarmNames } });
const breakerOn = { deploymentCircuitBreaker: { enable: true, rollback: true } };
const strategy = (name: string) => ({ deploymentConfiguration: { strategy: name } });

describe("policy: deployment", () => {
    describe("ecs-service-rollback-path", () => {
        const verdicts = (props: Record<string, unknown>, deps: Record<string, string[]> = {}, b = new StackBuilder()) =>
            b.add(SERVICE, "svc", props, deps).check(ecsServiceRollbackPath);

        it("passes a rolling service with the circuit breaker, and any strategy with alarm rollback", async () => {
            assert.deepEqual(await verdicts({ ...breakerOn }), []);
            assert.deepEqual(await verdicts({ ...strategy("ROLLING"), ...alarmsOn() }), []);
            for (const s of ["BLUE_GREEN", "CANARY", "LINEAR"]) assert.deepEqual(await verdicts({ ...strategy(s), ...alarmsOn() }), [], s);
        });

        it("fails a canary whose only safeguard is the circuit breaker, which ECS ignores outside rolling", async () => {
            assert.deepEqual(messages(await verdicts({ ...strategy("CANARY"), ...breakerOn })), [
                "svc: has no rollback path: no deployment alarms, and a circuit breaker, which ECS applies to rolling deployments only (strategy CANARY). A release that fails stays deployed.",
            ]);
        });

        it("fails alarms that do not roll back, an empty alarm list, and a breaker without rollback", async () => {
            assert.match(
                messages(
                    await verdicts({ ...breakerOn, deploymentCircuitBreaker: { enable: true, rollback: false }, alarms: { enable: true, rollback: false } }),
                )[0]!,
                /has no rollback path: alarms.enable=true, alarms.rollback=false, and no circuit breaker with rollback/,
            );
            assert.match(messages(await verdicts({ ...strategy("BLUE_GREEN"), ...alarmsOn([]) }))[0]!, /alarms.alarmNames is empty/);
            assert.match(messages(await verdicts({}))[0]!, /no deployment alarms, and no circuit breaker with rollback/);
        });

        it("at preview, computed alarm names pass when alarms in the stack feed them, and fail when nothing does", async () => {
            const fed = new StackBuilder().add(ALARM, "web-5xx-rate", { name: "web-5xx-rate" });
            assert.deepEqual(await verdicts({ ...strategy("CANARY"), ...alarmsOn(UNKNOWN.array) }, { alarms: ["web-5xx-rate"] }, fed), []);
            assert.match(
                messages(await verdicts({ ...strategy("CANARY"), ...alarmsOn(UNKNOWN.array) }))[0]!,
                /alarms.alarmNames is unknown and fed by no alarm in this stack/,
            );
        });

        it("CodeDeploy services need a deployment group with auto-rollback; EXTERNAL ones cannot be proven", async () => {
            const codeDeploy = { deploymentController: { type: "CODE_DEPLOY" } };
            const withGroup = (autoRollbackConfiguration: unknown) =>
                new StackBuilder()
                    .add(SERVICE, "svc", codeDeploy)
                    .add(DEPLOYMENT_GROUP, "dg", { autoRollbackConfiguration, ecsService: { serviceName: "svc" } }, { ecsService: ["svc"] })
                    .check(ecsServiceRollbackPath);
            assert.deepEqual(await withGroup({ enabled: true, events: ["DEPLOYMENT_FAILURE"] }), []);
            assert.match(
                messages(await withGroup({ enabled: false, events: [] }))[0]!,
                /deployment group dg has no autoRollbackConfiguration on DEPLOYMENT_FAILURE/,
            );
            assert.match(messages(await verdicts(codeDeploy))[0]!, /CODE_DEPLOY but no CodeDeploy deployment group in this stack deploys it/);
            assert.match(
                messages(await verdicts({ deploymentController: { type: "EXTERNAL" } }))[0]!,
                /EXTERNAL: rollback is up to a controller the pack cannot see/,
            );
        });

        it("is advisory by default and mandatory on prod", async () => {
            assert.equal((await verdicts({}))[0]!.enforcementLevel, "advisory");
            const prod = readPolicyConfig(join(__dirname, "..", "..", "policy", "config", "prod.json"));
            const [v] = await new StackBuilder().add(SERVICE, "svc", {}).check(ecsServiceRollbackPath, prod);
            assert.equal(v!.enforcementLevel, "mandatory");
        });
    });

    describe("ecs-test-listener-not-internet-facing (graph)", () => {
        const PROD_RULE_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/prod";
        const TEST_RULE_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/3/test";

        /** An internet-facing ALB: 443 open to the world, the test port as `testIngress` says. */
        function stack(o: { testIngress?: Record<string, unknown>; internal?: boolean; testOnProductionListener?: boolean; arns: Values }) {
            const known = o.arns === "known";
            const b = new StackBuilder()
                .add(SG, "alb-sg", {})
                .add(INGRESS, "alb-in-443", { fromPort: 443, toPort: 443, ipProtocol: "tcp", cidrIpv4: "0.0.0.0/0" }, { securityGroupId: ["alb-sg"] })
                .add(
                    INGRESS,
                    "alb-in-test",
                    { fromPort: 8443, toPort: 8443, ipProtocol: "tcp", cidrIpv4: "10.0.0.0/16", ...o.testIngress },
                    { securityGroupId: ["alb-sg"] },
                )
                .add(LB, "alb", { internal: o.internal ?? false }, { securityGroups: ["alb-sg"] })
                .add(TG, "tg", {})
                .add(TG, "tg-alt", {})
                .add(LISTENER, "https", { port: 443, protocol: "HTTPS" }, { loadBalancerArn: ["alb"], defaultActions: ["tg"] })
                .add(LISTENER, "test", { port: 8443, protocol: "HTTPS" }, { loadBalancerArn: ["alb"] })
                .add(RULE, "prod-rule", { arn: known ? PROD_RULE_ARN : UNKNOWN.string, priority: 100 }, { listenerArn: ["https"], actions: ["tg", "tg-alt"] })
                .add(
                    RULE,
                    "test-rule",
                    { arn: known ? TEST_RULE_ARN : UNKNOWN.string, priority: 100 },
                    { listenerArn: [o.testOnProductionListener ? "https" : "test"], actions: ["tg", "tg-alt"] },
                );
            const advancedConfiguration = {
                alternateTargetGroupArn: known ? "tg-alt-id" : UNKNOWN.string,
                productionListenerRule: known ? PROD_RULE_ARN : UNKNOWN.string,
                testListenerRule: known ? TEST_RULE_ARN : UNKNOWN.string,
                roleArn: known ? "arn:aws:iam::123456789012:role/traffic" : UNKNOWN.string,
            };
            return b.add(
                SERVICE,
                "svc",
                { loadBalancers: [{ containerPort: 8080, targetGroupArn: known ? "tg-id" : UNKNOWN.string, advancedConfiguration }] },
                { loadBalancers: ["tg", "tg-alt", "prod-rule", "test-rule"] },
            );
        }

        for (const arns of VALUE_FORMS) {
            it(`${arns} ARNs: passes a test port open only to the VPC, and any port on an internal load balancer`, async () => {
                assert.deepEqual(await stack({ arns }).check(ecsTestListenerNotInternetFacing), []);
                assert.deepEqual(await stack({ arns, internal: true, testIngress: { cidrIpv4: "0.0.0.0/0" } }).check(ecsTestListenerNotInternetFacing), []);
            });
            it(`${arns} ARNs: fails a test port the ALB's security group opens to the world (IPv4 or IPv6)`, async () => {
                const [v] = await stack({ arns, testIngress: { cidrIpv4: "0.0.0.0/0" } }).check(ecsTestListenerNotInternetFacing);
                assert.equal(v!.enforcementLevel, "mandatory");
                assert.match(
                    messages([v!])[0]!,
                    arns === "known"
                        ? /^svc: test listener rule test-rule is reachable from the internet: internet-facing load balancer alb's security group alb-sg admits port 8443 from the world \(alb-in-test\)/
                        : /^svc: 2 of the listener rules its deployments use are reachable from the internet or unproven \(prod-rule: .*port 443.*; test-rule: .*port 8443 from the world \(alb-in-test\)\), but only its 1 production rule\(s\) may be/,
                );
                const v6 = await stack({ arns, testIngress: { cidrIpv4: undefined, cidrIpv6: "::/0" } }).check(ecsTestListenerNotInternetFacing);
                assert.equal(v6.length, 1);
            });
            it(`${arns} ARNs: fails a test rule on the public production listener (e.g. a header match on 443)`, async () => {
                assert.match(
                    messages(await stack({ arns, testOnProductionListener: true }).check(ecsTestListenerNotInternetFacing))[0]!,
                    /port 443 from the world \(alb-in-443\)/,
                );
            });
        }

        it("a test rule outside the stack cannot be proven private", async () => {
            const b = new StackBuilder().add(SERVICE, "svc", {
                loadBalancers: [
                    {
                        advancedConfiguration: {
                            productionListenerRule: PROD_RULE_ARN,
                            testListenerRule: "arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/x/1/2/3",
                        },
                    },
                ],
            });
            assert.match(
                messages(await b.check(ecsTestListenerNotInternetFacing))[0]!,
                /test listener rule .*listener-rule\/app\/x\/1\/2\/3 cannot be proven private: rule .* is not in this stack/,
            );
        });

        it("an internet-facing load balancer whose security groups live elsewhere cannot be proven private", async () => {
            const b = new StackBuilder()
                .add(LB, "alb", { securityGroups: ["sg-0123456789abcdef0"] })
                .add(LISTENER, "test", { port: 8443 }, { loadBalancerArn: ["alb"] })
                .add(RULE, "test-rule", { arn: TEST_RULE_ARN }, { listenerArn: ["test"] })
                .add(SERVICE, "svc", { loadBalancers: [{ advancedConfiguration: { testListenerRule: TEST_RULE_ARN } }] });
            assert.deepEqual(messages(await b.check(ecsTestListenerNotInternetFacing)), [
                'svc: test listener rule test-rule cannot be proven private: internet-facing load balancer alb\'s security groups (["sg-0123456789abcdef0"]) are not in this stack.',
            ]);
        });

        it("services without a test listener rule are not its concern", async () => {
            const b = new StackBuilder().add(SERVICE, "svc", {
                loadBalancers: [{ targetGroupArn: "tg", advancedConfiguration: { productionListenerRule: PROD_RULE_ARN } }],
            });
            assert.deepEqual(await b.check(ecsTestListenerNotInternetFacing), []);
        });

        it("CodeDeploy: a test traffic route on a world-open port fails; unknown at preview says it cannot tell", async () => {
            const codeDeploy = (listenerArns: unknown, testCidr: string) =>
                new StackBuilder()
                    .add(SG, "alb-sg", {})
                    .add(INGRESS, "alb-in-test", { fromPort: 8080, toPort: 8080, ipProtocol: "tcp", cidrIpv4: testCidr }, { securityGroupId: ["alb-sg"] })
                    .add(LB, "alb", {}, { securityGroups: ["alb-sg"] })
                    .add(LISTENER, "test", { port: 8080, arn: "arn:test-listener" }, { loadBalancerArn: ["alb"] })
                    .add(
                        DEPLOYMENT_GROUP,
                        "dg",
                        { loadBalancerInfo: { targetGroupPairInfo: [{ testTrafficRoute: { listenerArns } }] } },
                        { loadBalancerInfo: ["test"] },
                    )
                    .check(ecsTestListenerNotInternetFacing);
            assert.deepEqual(await codeDeploy(["arn:test-listener"], "10.0.0.0/16"), []);
            assert.match(messages(await codeDeploy(["arn:test-listener"], "0.0.0.0/0"))[0]!, /^dg: test listener test is reachable from the internet/);
            assert.match(messages(await codeDeploy(UNKNOWN.array, "10.0.0.0/16"))[0]!, /testTrafficRoute.listenerArns is unknown at preview/);
        });
    });
});
