// ECS services and task sets: where their tasks run (no public IP, private subnets, named security
// groups) and on which Fargate platform. How they deploy is in deployment.ts; the ingress their
// security groups accept in securityGroups.ts.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "../lib/graph";
import { effective, readInput } from "../lib/providerDefaults";
import { resourceRule, stackRule } from "../lib/rule";
import { subnetVerdict } from "../lib/routes";
import { cannotDecide } from "../lib/undecided";
import { read, readList, withChanges } from "../knowledge/unknowns";
import { at, isRecord, show, text, truthy } from "../knowledge/values";

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
    anchors: ["ECS best practices: private subnets"],
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

export const ecsServiceSecurityGroups = resourceRule({
    name: "ecs-service-security-groups",
    description: "Services and task sets in awsvpc mode name their security groups; without them, tasks silently get the VPC's default security group.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set networkConfiguration.securityGroups to a group that admits only the load balancer on the container port.",
    anchors: ["ECS default security group"],
    kinds: ["service", "taskSet"],
    check(props, ctx, report) {
        // Only awsvpc tasks take security groups, and awsvpc is what a networkConfiguration means.
        if (effective(ctx.type, props, "networkConfiguration") === undefined) return;
        if (effective(ctx.type, props, "networkConfiguration.securityGroups") === undefined) {
            const given = readInput(props, "networkConfiguration", "securityGroups");
            report(
                `networkConfiguration.securityGroups is ${given === undefined ? "unset" : "empty"}; its tasks get the VPC's default security group. Name a group that admits only the load balancer.`,
            );
        }
    },
});

export const serviceRules = [ecsServiceNoPublicIp, ecsServicePrivateSubnets, ecsServiceSecurityGroups, ecsFargatePlatformVersion];
