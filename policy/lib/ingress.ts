// Security group ingress in its three shapes (inline on the group, SecurityGroupRule, and the
// vpc SecurityGroupIngressRule) normalised to port ranges open to the world.
import { isWorldCidr } from "./securityGroupRules";
import { asList, asRecords, num, text } from "../knowledge/values";

export interface WorldIngress {
    from: number;
    to: number;
    protocol: string;
}

/** World-open ingress entries of an SG (inline), SecurityGroupRule or vpc ingress rule. */
export function worldIngress(type: string, props: Record<string, unknown>): WorldIngress[] {
    const entry = (r: Record<string, unknown>): WorldIngress => ({
        from: num(r.fromPort, 0),
        to: num(r.toPort, 65535),
        protocol: text(r.protocol ?? r.ipProtocol) || "-1",
    });
    if (type.endsWith(":SecurityGroupIngressRule")) {
        return isWorldCidr(props.cidrIpv4) || isWorldCidr(props.cidrIpv6) ? [entry(props)] : [];
    }
    if (type.endsWith(":SecurityGroupRule")) {
        if (props.type !== "ingress") return [];
        const cidrs = [...asList(props.cidrBlocks), ...asList(props.ipv6CidrBlocks)];
        return cidrs.some(isWorldCidr) ? [entry(props)] : [];
    }
    return asRecords(props.ingress)
        .filter((r) => [...asList(r.cidrBlocks), ...asList(r.ipv6CidrBlocks)].some(isWorldCidr))
        .map(entry);
}
