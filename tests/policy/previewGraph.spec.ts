// Graph rules at preview, with ids in either form (`Values`: unknown as at preview, known as after up): ids
// unknown at preview are followed through the property dependencies the engine records; what cannot be followed
// says so, naming the property.
import { strict as assert } from "node:assert";
import { executionRolePolicy } from "../../documents/iamDocuments";
import type { Violation } from "../../plan/types";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsExecutionRoleLeastPrivilege } from "../../policy/rules/taskRoles";
import { ecsServicePrivateSubnets } from "../../policy/rules/service";
import { ecsTaskIngressFromAlbOnly } from "../../policy/rules/securityGroups";
import { goodContainer, taskDefinition } from "./fixtures";
import { computed, messages, SERVICE, StackBuilder, TASK_DEFINITION, VALUE_FORMS, Values } from "./harness";

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

const undecided = (vs: Violation[]) => vs.filter((v) => v.unverifiable);

describe("policy: graph rules at preview", () => {
    describe("ecs-service-private-subnets follows what fed unknown gateway ids", () => {
        /** VPC-less network: subnet → association → table; `routes` and `deps` describe the table. */
        const network = (values: Values, table: Record<string, unknown>, tableDeps: Record<string, string[]>, extra?: (b: StackBuilder) => void) => {
            const b = new StackBuilder()
                .add("aws:ec2/internetGateway:InternetGateway", "igw", { id: computed(values, "igw-0abc") })
                .add("aws:ec2/natGateway:NatGateway", "nat", { id: computed(values, "nat-0abc") })
                .add("awsx:ec2:Vpc", "shared", {})
                .add(SUBNET, "apps", { id: computed(values, "subnet-apps"), mapPublicIpOnLaunch: false })
                .add(ROUTE_TABLE, "apps-rt", { id: computed(values, "rtb-apps"), ...table }, tableDeps)
                .add(ASSOCIATION, "apps", {}, { subnetId: ["apps"], routeTableId: ["apps-rt"] });
            extra?.(b);
            return b.add(SERVICE, "svc", { networkConfiguration: { subnets: [computed(values, "subnet-apps")] } }, { networkConfiguration: ["apps"] });
        };

        it("inline routes: [{ gatewayId: igw.id }] is public whether ids are unknown or known", async () => {
            for (const values of VALUE_FORMS) {
                const b = network(values, { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: computed(values, "igw-0abc") }] }, { routes: ["igw"] });
                assert.match(
                    messages(await b.check(ecsServicePrivateSubnets))[0]!,
                    /runs in subnet apps, which is public: route table apps-rt routes to an internet gateway/,
                    values,
                );
            }
        });
        it("inline routes to a NAT gateway are private whether ids are unknown or known, and nothing is left undecided", async () => {
            for (const values of VALUE_FORMS) {
                const b = network(values, { routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: computed(values, "nat-0abc") }] }, { routes: ["nat"] });
                assert.deepEqual(await b.check(ecsServicePrivateSubnets), [], values);
            }
        });
        it("routes unknown because the provider computes them (separate Route resources) do not block the proof", async () => {
            const b = network("unknown", { routes: U }, {}, (s) =>
                s.add(ROUTE, "apps-default", { destinationCidrBlock: "0.0.0.0/0", natGatewayId: U }, { routeTableId: ["apps-rt"], natGatewayId: ["nat"] }),
            );
            assert.deepEqual(await b.check(ecsServicePrivateSubnets), []);
        });
        it("a separate route whose gatewayId is an internet gateway attachment's id is public", async () => {
            const b = network("unknown", {}, {}, (s) =>
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
            const b = network("unknown", { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: U }] }, { routes: ["shared"] });
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
            const b = network("unknown", {}, {});
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
                closed.map((v) => [v.enforcementLevel, messages([v])[0]!.split(",")[0]]),
                [["mandatory", "task-in.fromPort is unknown at preview"]],
            );
        });
    });

    describe("managed policies with ARNs unknown at preview (iam-no-broad-managed-policies: iamManaged.spec.ts)", () => {
        describe("ecs-execution-role-least-privilege judges a stack's own managed policy by its document, whether its ARN is unknown or known", () => {
            const arn = "arn:aws:iam::123456789012:policy/exec-extra";
            const logs = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev";
            const stack = (values: Values, doc: string) =>
                new StackBuilder()
                    .add(ROLE, "exec", {})
                    .add(POLICY, "exec-extra", { id: computed(values, arn), arn: computed(values, arn), policy: doc })
                    .add(ATTACHMENT, "att", { policyArn: computed(values, arn) }, { role: ["exec"], policyArn: ["exec-extra"] })
                    .add(TASK_DEFINITION, "td", taskDefinition([goodContainer]), { executionRoleArn: ["exec"] });
            const good = JSON.stringify(
                executionRolePolicy({ repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/web/dev"], logGroupArn: logs, secrets: [] }),
            );

            it("passes a document within the task's needs", async () => {
                for (const values of VALUE_FORMS) assert.deepEqual(await stack(values, good).check(ecsExecutionRoleLeastPrivilege), [], values);
            });
            it("fails a document beyond them, with the same message whether its ARN is unknown or known", async () => {
                // What the task needs, plus one grant it does not.
                const needed = (JSON.parse(good) as { Statement: unknown[] }).Statement;
                const bad = JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [...needed, { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::data/*"] }],
                });
                for (const values of VALUE_FORMS)
                    assert.deepEqual(
                        messages(await stack(values, bad).check(ecsExecutionRoleLeastPrivilege)),
                        [
                            'exec: managed policy exec-extra statement 3 allows s3:GetObject on ["arn:aws:s3:::data/*"], which no task definition using execution role exec needs.',
                        ],
                        values,
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
});
