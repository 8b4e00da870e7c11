// ecs-task-ingress-from-alb-only with Service Connect: the task group may take the Service Connect
// port from the groups of services in the same namespace (itself included) and from groups the
// config names; anything else stays refused. At preview the namespace is an edge (its ARN unknown);
// after up the fixture drops the edges, so the rule matches the namespace by its known ARN.
import { strict as assert } from "node:assert";
import { ecsTaskIngressFromAlbOnly } from "../../policy/rules/securityGroups";
import { computed, messages, SERVICE, StackBuilder, VALUE_FORMS, Values } from "./harness";

const NS = "aws:servicediscovery/httpNamespace:HttpNamespace";
const NS_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0000000000000001";
const OTHER_NS_ARN = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0000000000000002";
const containers = JSON.stringify([{ name: "web", image: "web:1", portMappings: [{ name: "http", containerPort: 8080 }] }]);

interface Variant {
    /** The namespace ARNs unknown (with the edges that fed them, as at preview) or known (as after up). */
    values: Values;
    /** The ingress rule under test on task-sg, and the resources that fed it. */
    rule: Record<string, unknown>;
    ruleDeps?: Record<string, string[]>;
    serviceConnect?: Record<string, unknown> | false;
}

/** Service svc (task-sg) and peer (peer-sg) in namespace ns, stranger (stranger-sg) in ns2. */
function stack(v: Variant): StackBuilder {
    const ns = (arn: string) => computed(v.values, arn);
    const sc = (arn: string, services: unknown[] = [{ portName: "http", discoveryName: "x" }]) => ({ enabled: true, namespace: ns(arn), services });
    const edge = (prop: string, names: string[]) => (v.values === "unknown" ? { [prop]: names } : {});
    const own = v.serviceConnect === false ? undefined : { ...sc(NS_ARN), ...v.serviceConnect };
    return new StackBuilder()
        .add(NS, "ns", { name: "web.dev.internal", arn: ns(NS_ARN) })
        .add(NS, "ns2", { name: "other.dev.internal", arn: ns(OTHER_NS_ARN) })
        .add("aws:ecs/taskDefinition:TaskDefinition", "td", { containerDefinitions: containers })
        .add("aws:ecs/cluster:Cluster", "cluster", { serviceConnectDefaults: { namespace: ns(NS_ARN) } }, edge("serviceConnectDefaults", ["ns"]))
        .add("aws:ec2/securityGroup:SecurityGroup", "alb-sg", {})
        .add("aws:ec2/securityGroup:SecurityGroup", "task-sg", {})
        .add("aws:ec2/securityGroup:SecurityGroup", "peer-sg", {})
        .add("aws:ec2/securityGroup:SecurityGroup", "stranger-sg", {})
        .add(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "task-in-alb",
            { fromPort: 8080, toPort: 8080 },
            {
                securityGroupId: ["task-sg"],
                referencedSecurityGroupId: ["alb-sg"],
            },
        )
        .add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "task-in-sc", v.rule, { securityGroupId: ["task-sg"], ...v.ruleDeps })
        .add("aws:lb/loadBalancer:LoadBalancer", "alb", {}, { securityGroups: ["alb-sg"] })
        .add("aws:lb/targetGroup:TargetGroup", "tg", {})
        .add("aws:lb/listener:Listener", "http", {}, { loadBalancerArn: ["alb"], defaultActions: ["tg"] })
        .add(
            SERVICE,
            "svc",
            { loadBalancers: [{ containerPort: 8080 }], serviceConnectConfiguration: own },
            { networkConfiguration: ["task-sg"], loadBalancers: ["tg"], taskDefinition: ["td"], ...(own ? edge("serviceConnectConfiguration", ["ns"]) : {}) },
        )
        .add(
            SERVICE,
            "peer",
            // No namespace of its own: the cluster's default (ns).
            { serviceConnectConfiguration: { enabled: true, services: [] } },
            { networkConfiguration: ["peer-sg"], cluster: ["cluster"] },
        )
        .add(
            SERVICE,
            "stranger",
            { serviceConnectConfiguration: sc(OTHER_NS_ARN, []) },
            { networkConfiguration: ["stranger-sg"], ...edge("serviceConnectConfiguration", ["ns2"]) },
        );
}

const run = async (v: Variant, peerIds: string[] = []) =>
    messages(await stack(v).check(ecsTaskIngressFromAlbOnly, { "ecs-task-ingress-from-alb-only": { serviceConnectPeerSecurityGroupIds: peerIds } }));
const from = (sg: string) => ({ referencedSecurityGroupId: [sg] });
const port = (p: number, extra: Record<string, unknown> = {}) => ({ fromPort: p, toPort: p, ...extra });

describe("policy: ecs-task-ingress-from-alb-only with Service Connect", () => {
    for (const values of VALUE_FORMS) {
        describe(`namespace ARNs ${values}`, () => {
            it("passes the Service Connect port from the service's own group and from a service of the same namespace", async () => {
                assert.deepEqual(await run({ values, rule: port(8080), ruleDeps: from("task-sg") }), []);
                assert.deepEqual(await run({ values, rule: port(8080), ruleDeps: from("peer-sg") }), []);
            });
            it("refuses a service of another namespace, and peers on any other port", async () => {
                assert.match(
                    (await run({ values, rule: port(8080), ruleDeps: from("stranger-sg") }))[0]!,
                    /accepts ingress from stranger-sg, which is not the service's load balancer or, on the Service Connect port 8080, its namespace's services/,
                );
                assert.match(
                    (await run({ values, rule: { fromPort: 0, toPort: 65535 }, ruleDeps: from("peer-sg") }))[0]!,
                    /opens ports 0-65535 to Service Connect peers \(task-in-sc\); allowed: the Service Connect port 8080 only/,
                );
            });
            it("takes ingressPortOverride as the Service Connect port", async () => {
                const serviceConnect = { services: [{ portName: "http", ingressPortOverride: 9090 }] };
                assert.deepEqual(await run({ values, rule: port(9090), ruleDeps: from("task-sg"), serviceConnect }), []);
                assert.match(
                    (await run({ values, rule: port(8080), ruleDeps: from("task-sg"), serviceConnect }))[0]!,
                    /allowed: the Service Connect port 9090 only/,
                );
            });
            it("without Service Connect, the service's own group is refused as before", async () => {
                assert.match(
                    (await run({ values, rule: port(8080), ruleDeps: from("task-sg"), serviceConnect: false }))[0]!,
                    /accepts ingress from task-sg, which is not the service's load balancer\.$/,
                );
            });
            it("a CIDR stays refused on the Service Connect port", async () => {
                assert.match((await run({ values, rule: port(8080, { cidrIpv4: "10.0.0.0/16" }) }))[0]!, /accepts ingress from a CIDR \(task-in-sc\)/);
            });
        });
    }

    it("a group outside the stack only when the config names it", async () => {
        const rule = port(8080, { referencedSecurityGroupId: "sg-0123456789abcdef0" });
        assert.deepEqual(await run({ values: "known", rule }, ["sg-0123456789abcdef0"]), []);
        assert.match((await run({ values: "known", rule }))[0]!, /accepts ingress from sg-0123456789abcdef0, which is not the service's load balancer or/);
    });
});
