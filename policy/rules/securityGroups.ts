// Security groups: no ingress from the world but the load balancer's ports, no all-ports egress to
// the world, a description on every rule, and tasks reached only from their load balancer (a graph
// rule over each service's security groups). The service naming its groups is in service.ts.
import { worldIngress } from "../lib/ingress";
import { UNKNOWN_INPUT } from "../lib/providerDefaults";
import { resourceRule, stackRule } from "../lib/rule";
import { serviceConnectOf } from "../lib/serviceConnect";
import { Source, taskIngressOf } from "../lib/taskIngress";
import { asRecords, num } from "../knowledge/values";
import { SgRule, coversAllPorts, describePorts, isWorldCidr, securityGroupRules } from "../lib/securityGroupRules";

export const securityGroupNoWorldEgressAllPorts = resourceRule({
    name: "security-group-no-world-egress-all-ports",
    description: "Security groups do not allow all traffic (every protocol and port) out to the world (0.0.0.0/0, ::/0).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Allow only what the workload calls: e.g. tcp 443 to 0.0.0.0/0 for AWS APIs through the NAT gateway, the database port to the database's security group.",
    anchors: ["CKV_AWS_382"],
    kinds: ["securityGroup", "defaultSecurityGroup", "securityGroupRule", "egressRule"],
    check(props, ctx, report) {
        for (const rule of securityGroupRules(ctx.type, props)) {
            const world = rule.cidrs.filter(isWorldCidr);
            if (rule.direction === "egress" && world.length > 0 && coversAllPorts(rule))
                report(
                    `${rule.label} allows ${describePorts(rule)} out to the whole internet (${world.join(", ")}); allow only the ports the workload calls (e.g. tcp 443).`,
                );
        }
    },
});

/** A description computed from another resource is unknown at preview: it is there all the same. */
const described = (r: SgRule) => r.description === UNKNOWN_INPUT || (typeof r.description === "string" && r.description.trim() !== "");

export const securityGroupRuleDescription = resourceRule({
    name: "security-group-rule-description",
    description:
        "Every security group rule (inline, SecurityGroupRule, vpc ingress/egress rule) says why it exists. Groups are not judged: the provider fills in `Managed by Pulumi` for them.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: 'Set description on each rule, e.g. "HTTPS from the internet" or "From the ALB on the container port".',
    anchors: ["CKV_AWS_23"],
    kinds: ["securityGroup", "defaultSecurityGroup", "securityGroupRule", "ingressRule", "egressRule"],
    check(props, ctx, report) {
        for (const rule of securityGroupRules(ctx.type, props)) {
            if (!described(rule)) report(`${rule.label} (${rule.direction} ${describePorts(rule)}) has no description; say why it exists.`);
        }
    },
});

export const securityGroupNoWorldIngress = resourceRule<{ allowedWorldPorts: number[] }>({
    name: "security-group-no-world-ingress",
    description: "Security groups allow ingress from the world (0.0.0.0/0, ::/0 or any other /0 spelling) only on the load balancer's HTTP/HTTPS ports.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Restrict the source to a security group (e.g. the ALB's) or a known CIDR; only the ALB may be open to the world, on 80/443.",
    anchors: ["EC2.18", "EC2.19", "CKV_AWS_24", "CKV_AWS_260", "AwsSolutions-EC23"],
    configSchema: { properties: { allowedWorldPorts: { type: "array", items: { type: "integer" }, default: [80, 443] } } },
    kinds: ["securityGroup", "defaultSecurityGroup", "securityGroupRule", "ingressRule"],
    check(props, ctx, report) {
        for (const rule of worldIngress(ctx.type, props)) {
            const allPorts = rule.protocol === "-1" || rule.protocol === "all" || rule.from !== rule.to;
            if (allPorts || !ctx.config.allowedWorldPorts.includes(rule.from)) {
                const ports = rule.protocol === "-1" ? "all ports" : rule.from === rule.to ? `port ${rule.from}` : `ports ${rule.from}-${rule.to}`;
                report(
                    `ingress from the whole internet on ${ports}; allowed from the world: ports ${ctx.config.allowedWorldPorts.join(", ")} only. Use a security group source instead.`,
                );
            }
        }
    },
});

export const ecsTaskIngressFromAlbOnly = stackRule({
    name: "ecs-task-ingress-from-alb-only",
    description: "A service's security groups accept ingress only from its load balancer's security groups, and only on the container port.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Replace CIDR sources on the task security group with referencedSecurityGroupId (or sourceSecurityGroupId) set to the ALB's security group, on the container port only.",
    anchors: ["ECS best practices: task security groups", "AwsSolutions-EC23"],
    configSchema: {
        properties: {
            serviceConnectPeerSecurityGroupIds: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Security groups outside the stack (services of the same Service Connect namespace) allowed to the Service Connect port.",
            },
        },
    },
    check(graph, config: { serviceConnectPeerSecurityGroupIds: string[] }, report) {
        for (const service of graph.ofKind("service")) {
            const taskGroups = graph.inputsOf(service, "networkConfiguration", "securityGroup");
            const lbGroups = new Set(
                graph
                    .inputsOf(service, "loadBalancers", "targetGroup")
                    .flatMap((tg) => graph.consumersOf(tg, "listener", "defaultActions"))
                    .flatMap((l) => graph.inputsOf(l, "loadBalancerArn", "loadBalancer"))
                    .flatMap((lb) => graph.inputsOf(lb, "securityGroups", "securityGroup"))
                    .map((sg) => sg.urn),
            );
            const ports = new Set(asRecords(service.props.loadBalancers).map((l) => num(l.containerPort, -1)));
            const sc = taskGroups.length > 0 ? serviceConnectOf(graph, service) : undefined;
            const fromLb = (s: Source) => s.urn !== undefined && lbGroups.has(s.urn);
            // Service Connect peers: services of the same namespace in the stack, or groups the config names.
            const fromPeer = (s: Source) =>
                (s.urn !== undefined ? sc?.peerGroups.has(s.urn) : config.serviceConnectPeerSecurityGroupIds.includes(s.name)) === true;
            const scAllowed = sc ? ` or, on the Service Connect port ${[...sc.ports].join(", ")}, its namespace's services` : "";
            for (const sg of taskGroups) {
                for (const rule of taskIngressOf(graph, sg)) {
                    const peers =
                        sc !== undefined && rule.sources.length > 0 && !rule.sources.every(fromLb) && rule.sources.every((s) => fromLb(s) || fromPeer(s));
                    if (rule.cidr)
                        report(
                            `task security group ${sg.name} accepts ingress from a CIDR (${rule.name}); allowed: the ALB security group${scAllowed} only.`,
                            service,
                        );
                    else if (rule.sources.length > 0 && !rule.sources.every(fromLb) && !peers)
                        report(
                            `task security group ${sg.name} accepts ingress from ${rule.sources.map((s) => s.name).join(", ")}, which is not the service's load balancer${scAllowed}.`,
                            service,
                        );
                    else if (peers && !(rule.from === rule.to && sc.ports.has(rule.from)))
                        report(
                            `task security group ${sg.name} opens ports ${rule.from}-${rule.to} to Service Connect peers (${rule.name}); allowed: the Service Connect port ${[...sc.ports].join(", ")} only.`,
                            service,
                        );
                    else if (!peers && !(rule.from === rule.to && ports.has(rule.from)))
                        report(
                            `task security group ${sg.name} opens ports ${rule.from}-${rule.to} (${rule.name}); allowed: the container port ${[...ports].join(", ")} only.`,
                            service,
                        );
                }
            }
        }
    },
});

export const securityGroupsRules = [securityGroupNoWorldIngress, securityGroupNoWorldEgressAllPorts, securityGroupRuleDescription, ecsTaskIngressFromAlbOnly];
