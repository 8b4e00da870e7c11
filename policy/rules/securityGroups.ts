// Security group hygiene beyond world ingress: no all-ports egress to the world, a description on
// every rule, and no ECS service left on the VPC's default security group.
import { UNKNOWN_INPUT, effective, readInput } from "../lib/providerDefaults";
import { resourceRule } from "../lib/rule";
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

export const ecsServiceSecurityGroups = resourceRule({
    name: "ecs-service-security-groups",
    description: "Services and task sets in awsvpc mode name their security groups; without them, tasks silently get the VPC's default security group.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set networkConfiguration.securityGroups to a group that admits only the load balancer on the container port.",
    anchors: ["EC2.2", "ECS default security group"],
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

export const securityGroupHygieneRules = [securityGroupNoWorldEgressAllPorts, securityGroupRuleDescription, ecsServiceSecurityGroups];
