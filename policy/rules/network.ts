import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "../lib/graph";
import { resourceRule, stackRule } from "../lib/rule";
import { worldIngress } from "../lib/ingress";
import { subnetVerdict } from "../lib/routes";
import { serviceConnectOf } from "../lib/serviceConnect";
import { Source, taskIngressOf } from "../lib/taskIngress";
import { cannotDecide } from "../lib/undecided";
import { read, readList, withChanges } from "../knowledge/unknowns";
import { asRecords, at, isRecord, num, show, text, truthy } from "../knowledge/values";

export const ecsServiceNoPublicIp = resourceRule({
    name: "ecs-service-no-public-ip",
    description: "ECS services and task sets must not assign public IPs to tasks.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set networkConfiguration.assignPublicIp to false and run tasks in private subnets with a NAT gateway or VPC endpoints for egress.",
    anchors: ["CKV_AWS_333", "ECS.2", "ECS.16"],
    kinds: ["service", "taskSet"],
    check(props, _ctx, report) {
        const value = at(props, "networkConfiguration", "assignPublicIp");
        if (truthy(value)) report(`networkConfiguration.assignPublicIp is ${show(value)}; tasks get public IPs. Set it to false and use private subnets.`);
    },
    remediate(props) {
        const network = props.networkConfiguration;
        if (!isRecord(network) || !truthy(network.assignPublicIp)) return undefined;
        return withChanges(props, { networkConfiguration: withChanges(network, { assignPublicIp: false }) });
    },
});

export const ecsTaskAwsvpc = resourceRule({
    name: "ecs-task-awsvpc-network-mode",
    description: "Task definitions use the awsvpc network mode (each task its own ENI and security group).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set networkMode: "awsvpc" on the task definition (required for Fargate).',
    anchors: ["ECS.17"],
    kinds: ["taskDefinition"],
    check(props, _ctx, report) {
        if (props.networkMode !== "awsvpc") report(`networkMode is ${show(props.networkMode)}; set it to "awsvpc".`);
    },
});

/** "1.4.0" or newer, or LATEST (which is 1.4.0 on Linux). */
export function platformVersionOk(version: unknown): boolean {
    if (version === undefined || version === "LATEST") return true;
    if (typeof version !== "string") return false;
    const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
    if (!m) return false;
    const [major, minor] = [Number(m[1]), Number(m[2])];
    return major > 1 || (major === 1 && minor >= 4);
}

export const ecsFargatePlatformVersion = resourceRule({
    name: "ecs-fargate-platform-version",
    description: "Fargate services run platform version 1.4.0 or later (LATEST).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set platformVersion to "1.4.0" or "LATEST".',
    anchors: ["ECS.10"],
    kinds: ["service", "taskSet"],
    check(props, _ctx, report) {
        if (!platformVersionOk(props.platformVersion))
            report(`platformVersion ${show(props.platformVersion)} is older than 1.4.0; set it to "1.4.0" or "LATEST".`);
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

// --- Graph rules.

/**
 * The service's subnets: the stack's subnets that fed `networkConfiguration` (how they arrive at
 * preview, ids unknown) plus those named by known ids; ids outside the stack are returned apart.
 */
function serviceSubnets(graph: StackGraph, service: PolicyResource) {
    const fromStack = graph.inputsOf(service, "networkConfiguration", "subnet");
    const network = graph.valueOf(service, "networkConfiguration");
    const given = network.state === "known" ? read(network.value, "subnets") : { known: false as const };
    const ids = given.known ? readList(given.value) : { known: [], unknown: network.state === "unset" ? [] : [-1] };
    // An unknown id the graph does not explain cannot be judged.
    if (ids.unknown.length > 0 && fromStack.length === 0) cannotDecide(service.name, "networkConfiguration", "subnets");
    const subnets = [...fromStack];
    const outside: unknown[] = [];
    for (const id of ids.known) {
        const found = graph.withId("subnet", id);
        if (!found) outside.push(id);
        else if (!subnets.some((s) => s.urn === found.urn)) subnets.push(found);
    }
    return { subnets, outside, none: subnets.length === 0 && outside.length === 0 };
}

export const ecsServicePrivateSubnets = stackRule<{ approvedPrivateSubnetIds: string[] }>({
    name: "ecs-service-private-subnets",
    description:
        "Proves each ECS service subnet is private: no public IP on launch, default routes to NAT or nowhere, never to an internet gateway. Subnets outside the stack must be allowlisted.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Place services in subnets whose route tables send 0.0.0.0/0 to a NAT gateway or a NAT instance's network interface (or have no default route, with VPC endpoints), with mapPublicIpOnLaunch false. For subnets created outside this stack, add their ids to approvedPrivateSubnetIds after checking them.",
    anchors: ["ECS.2", "ECS.16", "CKV_AWS_333"],
    configSchema: { properties: { approvedPrivateSubnetIds: { type: "array", items: { type: "string" }, default: [] } } },
    check(graph, config, report) {
        for (const service of [...graph.ofKind("service"), ...graph.ofKind("taskSet")]) {
            const { subnets, outside, none } = serviceSubnets(graph, service);
            for (const id of outside.filter((x) => !config.approvedPrivateSubnetIds.includes(text(x)))) {
                report(
                    `subnet ${show(id)} is not in this stack and not in approvedPrivateSubnetIds: unverifiable, so not accepted. Check it is private and add it to the allowlist.`,
                    service,
                );
            }
            if (none) report("has no subnets in networkConfiguration; cannot prove it runs privately.", service);
            for (const subnet of subnets) {
                const verdict = subnetVerdict(graph, subnet);
                if (verdict.kind === "public") report(`runs in subnet ${subnet.name}, which is public: ${verdict.why}. Use a private subnet.`, service);
                if (verdict.kind === "unverifiable") report(`runs in subnet ${subnet.name}, which cannot be proven private: ${verdict.why}.`, service);
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
    anchors: ["ECS.16", "AwsSolutions-EC23"],
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

export const networkRules = [
    ecsServiceNoPublicIp,
    ecsServicePrivateSubnets,
    ecsTaskIngressFromAlbOnly,
    ecsTaskAwsvpc,
    ecsFargatePlatformVersion,
    securityGroupNoWorldIngress,
];
