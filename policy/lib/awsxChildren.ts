// The resources an awsx 3.x component creates, derived from its inputs the way awsx's own code
// builds them, so the pack's resource rules can judge a component whose children the stack does
// not show. Only the inputs and awsx's defaults are used; unknowns stay unknown.
import type { PolicyResource } from "@pulumi/policy";
import { UNKNOWN, isUnknown, unproxied } from "../knowledge/unknowns";
import { isRecord } from "../knowledge/values";
import { DerivedChild, LISTENER, LOAD_BALANCER, Props, REPOSITORY, SECURITY_GROUP, given, record, without } from "./awsxDerived";
import { service, taskDefinition } from "./awsxEcs";

export const AWSX = {
    fargateService: "awsx:ecs:FargateService",
    ec2Service: "awsx:ecs:EC2Service",
    fargateTaskDefinition: "awsx:ecs:FargateTaskDefinition",
    ec2TaskDefinition: "awsx:ecs:EC2TaskDefinition",
    loadBalancer: "awsx:lb:ApplicationLoadBalancer",
    repository: "awsx:ecr:Repository",
    vpc: "awsx:ec2:Vpc",
} as const;

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
/** The inputs awsx's Vpc reads itself; the rest go to the VPC resource. */
const VPC_LAYOUT = [
    "availabilityZoneNames",
    "numberOfAvailabilityZones",
    "availabilityZoneCidrMask",
    "subnetSpecs",
    "subnetStrategy",
    "subnetNameTagStrategy",
    "natGateways",
    "vpcEndpointSpecs",
    "vpcEndpointStrategy",
];

/** awsx's port and protocol for a listener: each from the other, HTTP on 80 when neither is given. */
function protocolOf(l: Props): Props {
    const { port, protocol } = l;
    if (given(port) && given(protocol)) return { port, protocol };
    if (given(port)) return { port, protocol: isUnknown(port) ? UNKNOWN.string : port === 443 ? "HTTPS" : "HTTP" };
    if (given(protocol)) return { protocol, port: isUnknown(protocol) ? UNKNOWN.number : protocol === "HTTPS" ? 443 : 80 };
    return { port: 80, protocol: "HTTP" };
}

function loadBalancer(args: Props): DerivedChild[] {
    const lb = without(args, ["subnetIds", "subnets", "defaultTargetGroup", "defaultSecurityGroup", "listener", "listeners"]);
    const children: DerivedChild[] = [{ type: LOAD_BALANCER, via: "the load balancer awsx creates", props: lb }];
    const group = record(args.defaultSecurityGroup);
    if (!given(lb.securityGroups) && group.skip !== true && !given(group.securityGroupId)) {
        const via = given(args.defaultSecurityGroup)
            ? "defaultSecurityGroup.args, the security group awsx creates"
            : "no securityGroups, so awsx creates a security group";
        const unknown = isUnknown(args.defaultSecurityGroup) || isUnknown(group.args);
        children.push({ type: SECURITY_GROUP, via, props: unknown ? undefined : record(group.args) });
    }
    const forward = [{ type: "forward", targetGroupArn: "(the default target group awsx creates)" }];
    const listeners: [string, unknown][] = Array.isArray(args.listeners)
        ? args.listeners.map((l: unknown, i) => [`listeners[${i}]`, l])
        : given(args.listener)
          ? [["listener", args.listener]]
          : [["no listener, so awsx's default listener", {}]];
    for (const [via, l] of listeners)
        children.push({ type: LISTENER, via, props: isRecord(l) ? { defaultActions: forward, ...protocolOf(l), ...l } : undefined });
    return children;
}

/** awsx's Vpc: a subnet per spec (a private and a public one by default); public ones map public IPs on launch. */
function vpc(args: Props): DerivedChild[] {
    const children: DerivedChild[] = [{ type: VPC, via: "the VPC awsx creates", props: without(args, VPC_LAYOUT) }];
    const specs: unknown = given(args.subnetSpecs) ? args.subnetSpecs : [{ type: "Private" }, { type: "Public" }];
    if (!Array.isArray(specs)) return [...children, { type: SUBNET, via: "subnetSpecs" }];
    specs.forEach((spec: unknown, i) => {
        const s = record(spec);
        const type = typeof s.type === "string" ? s.type.toLowerCase() : "";
        const via = given(args.subnetSpecs) ? `subnetSpecs[${i}]` : `no subnetSpecs, so awsx's default ${type} subnets`;
        if (isUnknown(spec) || isUnknown(s.type) || isUnknown(args.tags) || isUnknown(s.tags)) children.push({ type: SUBNET, via });
        else if (type !== "unused") {
            const tags = { ...record(args.tags), ...record(s.tags), SubnetType: s.type };
            children.push({ type: SUBNET, via, props: { mapPublicIpOnLaunch: type === "public", tags } });
        }
    });
    return children;
}

/** The resources `type` would create from `props` (the component's inputs); [] for other types. */
export function derivedChildren(type: string, props: unknown): DerivedChild[] {
    const args = record(unproxied(props));
    switch (type) {
        case AWSX.fargateService:
            return service(args, true);
        case AWSX.ec2Service:
            return service(args, false);
        case AWSX.fargateTaskDefinition:
            return taskDefinition(args, true);
        case AWSX.ec2TaskDefinition:
            return taskDefinition(args, false);
        case AWSX.loadBalancer:
            return loadBalancer(args);
        case AWSX.vpc:
            return vpc(args);
        case AWSX.repository:
            return [{ type: REPOSITORY, via: "the repository awsx creates", props: without(args, ["lifecyclePolicy"]) }];
        default:
            return [];
    }
}

/**
 * The awsx components whose children the stack does not show (remote components under the offline
 * plan's mocks). A real preview expands them: their children are there and judged themselves.
 */
export function opaqueAwsxComponents(resources: readonly PolicyResource[]): PolicyResource[] {
    const parents = new Set(resources.map((r) => r.parent?.urn));
    const known = new Set<string>(Object.values(AWSX));
    return resources.filter((r) => known.has(r.type) && !parents.has(r.urn));
}
