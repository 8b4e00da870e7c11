// VPC-level hygiene: subnets that do not hand out public IPs, a closed default security group, and
// flow logs. The graph rules find a VPC's default group and flow logs by the vpcId edge the engine
// records (known at preview even when the id itself is not), or by the id value after `up`.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "../lib/graph";
import { decisive } from "../lib/providerDefaults";
import { resourceRule, stackRule } from "../lib/rule";
import { describePorts, securityGroupRules } from "../lib/securityGroupRules";
import { Kind } from "../knowledge/types";
import { truthy } from "../knowledge/values";

export const subnetNoAutoPublicIp = resourceRule({
    name: "subnet-no-auto-public-ip",
    description: "Subnets do not assign public IPv4 addresses to what launches in them (mapPublicIpOnLaunch).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set mapPublicIpOnLaunch: false; load balancers and NAT gateways in public subnets bring their own addresses.",
    anchors: ["CKV_AWS_130", "EC2.15"],
    kinds: ["subnet"],
    check(props, ctx, report) {
        if (truthy(decisive(ctx.type, props, "mapPublicIpOnLaunch")))
            report("mapPublicIpOnLaunch is true; every instance or task launched here gets a public IP. Set it to false.");
    },
});

/** Whether a resource of `kind` is attached to each VPC: by the vpcId edge, or by the id value once known. */
function attachedTo(graph: StackGraph, kind: Kind): (vpc: PolicyResource) => boolean {
    const vpcIds = new Set(graph.ofKind(kind).map((r) => safeProp(r, "vpcId")));
    return (vpc) => {
        const id = safeProp(vpc, "id");
        return graph.consumersOf(vpc, kind, "vpcId").length > 0 || (typeof id === "string" && vpcIds.has(id));
    };
}

export const vpcDefaultSecurityGroupClosed = stackRule({
    name: "vpc-default-security-group-closed",
    description:
        "Each VPC of the stack adopts its default security group (aws.ec2.DefaultSecurityGroup) with no rules, so nothing that lands in it by default can talk.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add new aws.ec2.DefaultSecurityGroup(name, { vpcId: vpc.id }) without ingress or egress: Pulumi then removes AWS's default rules. Put workloads in their own groups.",
    anchors: ["CKV2_AWS_12", "EC2.2", "VPCDefaultSecurityGroupClosed"],
    check(graph, _config, report) {
        const hasDefaultGroup = attachedTo(graph, "defaultSecurityGroup");
        for (const vpc of graph.ofKind("vpc")) {
            if (!hasDefaultGroup(vpc))
                report(
                    "leaves its default security group with AWS's rules (all traffic within the group, all egress); adopt it with an aws.ec2.DefaultSecurityGroup without rules.",
                    vpc,
                );
        }
        for (const group of graph.ofKind("defaultSecurityGroup")) {
            const inline = securityGroupRules(group.type, group.props);
            const separate = [
                ...graph.consumersOf(group, "securityGroupRule", "securityGroupId"),
                ...graph.consumersOf(group, "ingressRule", "securityGroupId"),
                ...graph.consumersOf(group, "egressRule", "securityGroupId"),
            ];
            const rules = [...inline.map((r) => `${r.label} (${r.direction} ${describePorts(r)})`), ...separate.map((r) => r.name)];
            if (rules.length > 0) report(`the VPC's default security group keeps rules: ${rules.join(", ")}; remove them so it admits nothing.`, group);
        }
    },
});

export const vpcFlowLogs = stackRule({
    name: "vpc-flow-logs",
    description: "Each VPC of the stack has a flow log (the record of accepted and rejected connections).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        'Add an aws.ec2.FlowLog with vpcId: vpc.id, trafficType: "ALL" and a CloudWatch Logs group (with retention) or an S3 bucket as destination.',
    anchors: ["CKV2_AWS_11", "EC2.6", "AwsSolutions-VPC7"],
    check(graph, _config, report) {
        const hasFlowLog = attachedTo(graph, "flowLog");
        for (const vpc of graph.ofKind("vpc")) {
            if (!hasFlowLog(vpc)) report("has no flow log; connections in and out leave no record. Add an aws.ec2.FlowLog for the VPC.", vpc);
        }
    },
});

export const vpcRules = [subnetNoAutoPublicIp, vpcDefaultSecurityGroupClosed, vpcFlowLogs];
