// Rules changed to decide at preview, each in both phases: "after up" with the values AWS gives,
// "preview" with the same values unknown (UNKNOWN sentinels) and the property dependencies the
// engine records. What a rule truly cannot decide says so, naming the property.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { Secret, unknownCheckingProxy } from "@pulumi/policy";
import { executionRolePolicy } from "../../documents/iamDocuments";
import { readPolicyConfig } from "../../plan/plan";
import { Violation, enforcementLevelOf, evaluatePolicies, policyConfigOf } from "../../plan/runner";
import { policies } from "../../policy/policies";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsExecutionRoleLeastPrivilege, iamNoBroadManagedPolicies } from "../../policy/rules/iam";
import { ecsClusterContainerInsights, logGroupKms, logGroupRetention } from "../../policy/rules/logging";
import { ecsServiceNoPublicIp, ecsServicePrivateSubnets, ecsTaskIngressFromAlbOnly } from "../../policy/rules/network";
import { S3_FULL_ACCESS, document, goodContainer, taskDefinition } from "./fixtures";
import { SERVICE, StackBuilder, TASK_DEFINITION, check, messages, resourceRecord } from "./harness";

const U = UNKNOWN.string;
const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const ROUTE = "aws:ec2/route:Route";
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

type Phase = "preview" | "up";
const PHASES: Phase[] = ["preview", "up"];
/** A computed id: unknown at preview, AWS's value after up. */
const id = (phase: Phase, value: string) => (phase === "preview" ? U : value);
const undecided = (vs: Violation[]) => vs.filter((v) => v.unverifiable);

describe("policy: deciding at preview", () => {
    describe("log-group-kms decides on presence", () => {
        it("a key ARN unknown at preview is a key: passes in both phases, never 'can't run'", async () => {
            for (const phase of PHASES)
                assert.deepEqual(
                    await check(logGroupKms, "aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: id(phase, "arn:aws:kms:us-east-1:123456789012:key/k") }),
                    [],
                );
        });
        it("no key (absent or empty) is advised in both phases", async () => {
            for (const props of [{}, { kmsKeyId: "" }])
                assert.match(messages(await check(logGroupKms, "aws:cloudwatch/logGroup:LogGroup", props))[0]!, /kmsKeyId is not set/);
        });
    });

    describe("ecs-service-private-subnets follows what fed unknown gateway ids", () => {
        /** VPC-less network: subnet → association → table; `routes` and `deps` describe the table. */
        const network = (phase: Phase, table: Record<string, unknown>, tableDeps: Record<string, string[]>, extra?: (b: StackBuilder) => void) => {
            const b = new StackBuilder()
                .add("aws:ec2/internetGateway:InternetGateway", "igw", { id: id(phase, "igw-0abc") })
                .add("aws:ec2/natGateway:NatGateway", "nat", { id: id(phase, "nat-0abc") })
                .add("awsx:ec2:Vpc", "shared", {})
                .add(SUBNET, "apps", { id: id(phase, "subnet-apps"), mapPublicIpOnLaunch: false })
                .add(ROUTE_TABLE, "apps-rt", { id: id(phase, "rtb-apps"), ...table }, tableDeps)
                .add(ASSOCIATION, "apps", {}, { subnetId: ["apps"], routeTableId: ["apps-rt"] });
            extra?.(b);
            return b.add(SERVICE, "svc", { networkConfiguration: { subnets: [id(phase, "subnet-apps")] } }, { networkConfiguration: ["apps"] });
        };

        it("inline routes: [{ gatewayId: igw.id }] is public in both phases", async () => {
            for (const phase of PHASES) {
                const b = network(phase, { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: id(phase, "igw-0abc") }] }, { routes: ["igw"] });
                assert.match(
                    messages(await b.check(ecsServicePrivateSubnets))[0]!,
                    /runs in subnet apps, which is public: route table apps-rt routes to an internet gateway/,
                    phase,
                );
            }
        });
        it("inline routes to a NAT gateway are private in both phases, and nothing is left undecided", async () => {
            for (const phase of PHASES) {
                const b = network(phase, { routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: id(phase, "nat-0abc") }] }, { routes: ["nat"] });
                assert.deepEqual(await b.check(ecsServicePrivateSubnets), [], phase);
            }
        });
        it("routes unknown because the provider computes them (separate Route resources) do not block the proof", async () => {
            const b = network("preview", { routes: U }, {}, (s) =>
                s.add(ROUTE, "apps-default", { destinationCidrBlock: "0.0.0.0/0", natGatewayId: U }, { routeTableId: ["apps-rt"], natGatewayId: ["nat"] }),
            );
            assert.deepEqual(await b.check(ecsServicePrivateSubnets), []);
        });
        it("a separate route whose gatewayId is an internet gateway attachment's id is public", async () => {
            const b = network("preview", {}, {}, (s) =>
                s
                    .add("aws:ec2/internetGatewayAttachment:InternetGatewayAttachment", "igw-attach", { internetGatewayId: U }, { internetGatewayId: ["igw"] })
                    .add(ROUTE, "apps-default", { destinationCidrBlock: "0.0.0.0/0", gatewayId: U }, { routeTableId: ["apps-rt"], gatewayId: ["igw-attach"] }),
            );
            assert.match(
                messages(await b.check(ecsServicePrivateSubnets))[0]!,
                /route apps-default in apps-rt sends 0.0.0.0\/0 to an internet gateway \(igw-attach\)/,
            );
        });
        it("a gateway id passed through a component cannot be proven, and the message names the property and the component", async () => {
            const b = network("preview", { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: U }] }, { routes: ["shared"] });
            assert.deepEqual(messages(await b.check(ecsServicePrivateSubnets)), [
                "svc: runs in subnet apps, which cannot be proven private: route table apps-rt's routes[0] is unknown at preview and comes from shared (awsx:ec2:Vpc), which may pass an internet gateway through; use the gateway resource's own id.",
            ]);
        });
        it("mapPublicIpOnLaunch fed by another resource's output is unverifiable, not passed", async () => {
            const b = new StackBuilder()
                .add("aws:ec2/vpc:Vpc", "vpc", {})
                .add(SUBNET, "apps", { mapPublicIpOnLaunch: UNKNOWN.boolean }, { mapPublicIpOnLaunch: ["vpc"] })
                .add(SERVICE, "svc", { networkConfiguration: { subnets: [U] } }, { networkConfiguration: ["apps"] });
            assert.match(
                messages(await b.check(ecsServicePrivateSubnets))[0]!,
                /cannot be proven private: mapPublicIpOnLaunch is unknown at preview \(from vpc\)/,
            );
        });
        it("service subnets mixing an allowlisted id and an unknown stack subnet are both judged", async () => {
            const config = { "ecs-service-private-subnets": { approvedPrivateSubnetIds: ["subnet-0approved00000000"] } };
            const b = network("preview", {}, {});
            b.records.at(-1)!.inputs = b.records.at(-1)!.outputs = { networkConfiguration: { subnets: ["subnet-0approved00000000", U] } };
            assert.deepEqual(await b.check(ecsServicePrivateSubnets, config), []);
            const alone = new StackBuilder().add(SERVICE, "svc", { networkConfiguration: { subnets: ["subnet-0approved00000000", U] } });
            const [v] = await alone.check(ecsServicePrivateSubnets, config);
            assert.equal(v!.unverifiable, true);
            assert.match(v!.message, /string value at .svc.networkConfiguration.subnets can't be known during preview; make it known at preview/);
        });
    });

    describe("ecs-task-ingress-from-alb-only resolves unknown SG references through the graph", () => {
        const stack = (taskSg: Record<string, unknown>, taskSgDeps: Record<string, string[]>, rule?: [Record<string, unknown>, Record<string, string[]>]) => {
            const b = new StackBuilder()
                .add(SG, "alb-sg", { id: U })
                .add(SG, "bastion-sg", { id: U })
                .add(SG, "task-sg", { id: U, ...taskSg }, taskSgDeps);
            if (rule) b.add(INGRESS, "task-in", { securityGroupId: U, ...rule[0] }, { securityGroupId: ["task-sg"], ...rule[1] });
            return b
                .add("aws:lb/loadBalancer:LoadBalancer", "alb", { securityGroups: [U] }, { securityGroups: ["alb-sg"] })
                .add("aws:lb/targetGroup:TargetGroup", "tg", {})
                .add("aws:lb/listener:Listener", "http", {}, { loadBalancerArn: ["alb"], defaultActions: ["tg"] })
                .add(
                    SERVICE,
                    "svc",
                    { loadBalancers: [{ containerPort: 8080, targetGroupArn: U }] },
                    { networkConfiguration: ["task-sg"], loadBalancers: ["tg"] },
                );
        };

        it("a separate rule with referencedSecurityGroupId unknown passes from the ALB's group and fails from another", async () => {
            const rule = (from: string): [Record<string, unknown>, Record<string, string[]>] => [
                { fromPort: 8080, toPort: 8080, ipProtocol: "tcp", referencedSecurityGroupId: U },
                { referencedSecurityGroupId: [from] },
            ];
            assert.deepEqual(await stack({}, {}, rule("alb-sg")).check(ecsTaskIngressFromAlbOnly), []);
            assert.match(
                messages(await stack({}, {}, rule("bastion-sg")).check(ecsTaskIngressFromAlbOnly))[0]!,
                /accepts ingress from bastion-sg, which is not the service's load balancer/,
            );
        });
        it("a known group id from outside the stack is not the load balancer's (after up and at preview alike)", async () => {
            const rule: [Record<string, unknown>, Record<string, string[]>] = [{ fromPort: 8080, toPort: 8080, referencedSecurityGroupId: "sg-0external" }, {}];
            assert.match(
                messages(await stack({}, {}, rule).check(ecsTaskIngressFromAlbOnly))[0]!,
                /accepts ingress from sg-0external, which is not the service's load balancer/,
            );
        });
        it("inline ingress with securityGroups unknown is judged by the groups that fed `ingress`", async () => {
            const inline = { ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [U] }] };
            assert.deepEqual(await stack(inline, { ingress: ["alb-sg"] }).check(ecsTaskIngressFromAlbOnly), []);
            assert.match(messages(await stack(inline, { ingress: ["bastion-sg"] }).check(ecsTaskIngressFromAlbOnly))[0]!, /from bastion-sg, which is not/);
        });
        it("an unknown port cannot be decided: 'can't run' naming it, or a violation when failing closed", async () => {
            const rule: [Record<string, unknown>, Record<string, string[]>] = [
                { fromPort: UNKNOWN.number, toPort: 8080, referencedSecurityGroupId: U },
                { referencedSecurityGroupId: ["alb-sg"], fromPort: ["bastion-sg"] },
            ];
            const [open] = await stack({}, {}, rule).check(ecsTaskIngressFromAlbOnly);
            assert.equal(open!.unverifiable, true);
            assert.match(open!.message, /value at .task-in.fromPort can't be known during preview/);
            const closed = await stack({}, {}, rule).check(ecsTaskIngressFromAlbOnly, { "ecs-task-ingress-from-alb-only": { failClosedAtPreview: true } });
            assert.deepEqual(
                closed.map((v) => [v.enforcementLevel, v.message.split(",")[0]]),
                [["mandatory", "task-in.fromPort is unknown at preview"]],
            );
        });
    });

    describe("managed policies with ARNs unknown at preview", () => {
        it("iam-no-broad-managed-policies judges the known ARNs and skips a policy this run creates", async () => {
            assert.deepEqual(messages(await check(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [U, S3_FULL_ACCESS] })), [
                `subject: attaches ${S3_FULL_ACCESS}, which grants far more than one workload needs; grant named actions on named resources instead.`,
            ]);
            assert.deepEqual(await check(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [U] }), []);
            assert.deepEqual(await check(iamNoBroadManagedPolicies, ATTACHMENT, { policyArn: U }), []);
        });

        describe("ecs-execution-role-least-privilege judges a stack's own managed policy by its document, in both phases", () => {
            const arn = "arn:aws:iam::123456789012:policy/exec-extra";
            const logs = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev";
            const stack = (phase: Phase, doc: string) =>
                new StackBuilder()
                    .add(ROLE, "exec", {})
                    .add(POLICY, "exec-extra", { id: id(phase, arn), arn: id(phase, arn), policy: doc })
                    .add(ATTACHMENT, "att", { policyArn: id(phase, arn) }, { role: ["exec"], policyArn: ["exec-extra"] })
                    .add(TASK_DEFINITION, "td", taskDefinition([goodContainer]), { executionRoleArn: ["exec"] });
            const good = JSON.stringify(
                executionRolePolicy({ repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/web/dev"], logGroupArn: logs, secrets: [] }),
            );

            it("passes a document within the task's needs", async () => {
                for (const phase of PHASES) assert.deepEqual(await stack(phase, good).check(ecsExecutionRoleLeastPrivilege), [], phase);
            });
            it("fails a document beyond them, with the same message in both phases", async () => {
                const bad = document({ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::data/*"] });
                for (const phase of PHASES)
                    assert.deepEqual(
                        messages(await stack(phase, bad).check(ecsExecutionRoleLeastPrivilege)),
                        [
                            'exec: managed policy exec-extra allows s3:GetObject on ["arn:aws:s3:::data/*"], which no task definition using execution role exec needs.',
                        ],
                        phase,
                    );
            });
            it("an unknown ARN that no policy of the stack fed cannot be decided, and says which property", async () => {
                const b = new StackBuilder()
                    .add(ROLE, "exec", {})
                    .add("aws:ssm/parameter:Parameter", "arn-holder", {})
                    .add(ATTACHMENT, "att", { policyArn: U }, { role: ["exec"], policyArn: ["arn-holder"] })
                    .add(TASK_DEFINITION, "td", taskDefinition([goodContainer]), { executionRoleArn: ["exec"] });
                const [v] = undecided(await b.check(ecsExecutionRoleLeastPrivilege));
                assert.match(v!.message, /value at .att.policyArn can't be known during preview/);
            });
        });
    });

    describe("failClosedAtPreview", () => {
        const unknownContainers = { ...taskDefinition([]), containerDefinitions: U };

        it("off: an undecidable rule is an advisory 'can't run' that says how to make the value known", async () => {
            const [v] = await check(logGroupRetention, "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: UNKNOWN.number });
            assert.deepEqual([v!.enforcementLevel, v!.unverifiable], ["advisory", true]);
            assert.match(
                v!.message,
                /^can't run policy 'log-group-retention' .* during preview: number value at .retentionInDays can't be known during preview; make it known at preview by building it from explicit names and ARNs formatted from the account, region and partition/,
            );
        });
        it("on: the same rule reports a violation at its own level, naming the unknown property", async () => {
            const vs = await check(
                logGroupRetention,
                "aws:cloudwatch/logGroup:LogGroup",
                { retentionInDays: UNKNOWN.number },
                { "log-group-retention": { failClosedAtPreview: true } },
            );
            assert.deepEqual(
                vs.map((v) => [v.enforcementLevel, v.unverifiable, v.message.split(";")[0]]),
                [
                    [
                        "mandatory",
                        false,
                        "subject: retentionInDays is unknown at preview, so this policy cannot decide before deploy (failClosedAtPreview is on)",
                    ],
                ],
            );
        });
        it("on, for a stack policy too", async () => {
            const b = new StackBuilder().add(ROLE, "exec", {}).add(TASK_DEFINITION, "td", unknownContainers, { executionRoleArn: ["exec"] });
            const vs = await b.check(ecsExecutionRoleLeastPrivilege, { "ecs-execution-role-least-privilege": { failClosedAtPreview: true } });
            assert.deepEqual(
                vs.map((v) => [v.enforcementLevel, v.message.split(",")[0]]),
                [["mandatory", "containerDefinitions is unknown at preview"]],
            );
        });
        it("on: decidable rules are unaffected in both phases", async () => {
            const config = { "log-group-retention": { failClosedAtPreview: true } };
            assert.deepEqual(await check(logGroupRetention, "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 30, kmsKeyId: U }, config), []);
        });
    });

    describe("failClosedAtPreview in the shipped configs", () => {
        const config = (stack: string) => readPolicyConfig(join(__dirname, "..", "..", "policy", "config", `${stack}.json`));
        const failsClosed = (stack: string) =>
            policies.filter((p) => policyConfigOf(p.name, p.configSchema, config(stack)).failClosedAtPreview === true).map((p) => p.name);

        it("every policy takes it, off by default", () => {
            for (const p of policies) assert.equal(policyConfigOf(p.name, p.configSchema, {}).failClosedAtPreview, false, p.name);
        });
        it("prod turns it on for every policy that blocks prod's gate; dev and staging stay lenient", () => {
            const blocking = policies.filter((p) => ["mandatory", "remediate"].includes(enforcementLevelOf(p.name, p.enforcementLevel, config("prod"))));
            assert.ok(blocking.length > 30);
            assert.deepEqual(
                failsClosed("prod"),
                blocking.map((p) => p.name),
            );
            assert.deepEqual(failsClosed("dev"), []);
            assert.deepEqual(failsClosed("staging"), []);
        });
    });

    describe("remediations at preview copy unknowns instead of reading them", () => {
        it("ecs-service-no-public-ip fixes a service whose cluster and subnets are unknown", async () => {
            const props = { cluster: U, taskDefinition: U, networkConfiguration: { subnets: [U], securityGroups: [U], assignPublicIp: true } };
            const { remediations, violations } = await evaluatePolicies([ecsServiceNoPublicIp], [resourceRecord(SERVICE, "svc", props)], {
                "ecs-service-no-public-ip": "remediate",
            });
            assert.deepEqual(violations, []);
            assert.deepEqual(remediations[0]!.after, { ...props, networkConfiguration: { ...props.networkConfiguration, assignPublicIp: false } });
        });
        it("remediations survive the server's secrets proxy, on which Array filter/map throw", () => {
            // The server wraps remediation props in its secrets proxy, then the unknown-checking proxy.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { secretsPreservingProxy } = require("@pulumi/policy/secret") as { secretsPreservingProxy: <T>(v: T) => T };
            const secret = new Secret("s3cr3t");
            const props = unknownCheckingProxy(
                secretsPreservingProxy({ settings: [{ name: "containerInsights", value: "disabled" }], name: U, token: secret }),
            );
            assert.throws(() => (props.settings as unknown[]).filter(() => true), /'prototype'/);
            const args = { type: "aws:ecs/cluster:Cluster", name: "c", urn: "urn:c", props, getConfig: () => ({}) };
            const fixed = ecsClusterContainerInsights.remediateResource!(args as never) as Record<string, unknown>;
            assert.deepEqual(fixed, { settings: [{ name: "containerInsights", value: "enabled" }], name: U, token: secret });
            assert.equal(fixed.token, secret, "a secret stays wrapped, so the server sends it back as a secret");
        });
        it("a remediation that must read an unknown is reported as the server does, not a crash", async () => {
            const record = resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: UNKNOWN.number });
            const { remediations, violations } = await evaluatePolicies([logGroupRetention], [record], { "log-group-retention": "remediate" });
            assert.deepEqual(remediations, []);
            assert.match(violations[0]!.message, /^can't run remediation 'log-group-retention' .* during preview: number value at .retentionInDays/);
            assert.ok(violations.every((v) => v.enforcementLevel === "advisory" && v.unverifiable));
        });
    });
});
