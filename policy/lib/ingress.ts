// Security group ingress in its three shapes (inline on the group, SecurityGroupRule, and the
// vpc SecurityGroupIngressRule) normalised to port ranges open to the world.
import { asList, asRecords, num, text } from "../knowledge/values";

const WORLD = ["0.0.0.0/0", "::/0"];

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
        return WORLD.includes(props.cidrIpv4 as string) || WORLD.includes(props.cidrIpv6 as string) ? [entry(props)] : [];
    }
    if (type.endsWith(":SecurityGroupRule")) {
        if (props.type !== "ingress") return [];
        const cidrs = [...asList(props.cidrBlocks), ...asList(props.ipv6CidrBlocks)];
        return cidrs.some((c) => WORLD.includes(c as string)) ? [entry(props)] : [];
    }
    return asRecords(props.ingress)
        .filter((r) => [...asList(r.cidrBlocks), ...asList(r.ipv6CidrBlocks)].some((c) => WORLD.includes(c as string)))
        .map(entry);
}
