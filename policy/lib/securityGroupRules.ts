// Security group rules in their four shapes (inline on a SecurityGroup or DefaultSecurityGroup,
// SecurityGroupRule, and the vpc SecurityGroupIngressRule/EgressRule) as one list of rules with
// direction, ports, CIDRs and description.
import { UNKNOWN_INPUT, inputList, readInput } from "./providerDefaults";
import { asList, isRecord, num, text } from "../knowledge/values";

export interface SgRule {
    direction: "ingress" | "egress";
    /** Where the rule is written: "ingress[0]" inline, or "this rule" for a rule resource. */
    label: string;
    protocol: string;
    from: number;
    to: number;
    cidrs: string[];
    /** The description as sent (UNKNOWN_INPUT when computed). */
    description: unknown;
}

/** A CIDR whose prefix length is 0 covers every address: `0.0.0.0/0`, `::/0`, `::0/0`, `0:0:0:0:0:0:0:0/0`… */
export const isWorldCidr = (cidr: unknown): boolean => typeof cidr === "string" && /^[0-9a-fA-F:.]+\/0+$/.test(cidr.trim());

const ALL_PROTOCOLS = ["-1", "all"];

/** Every port of every protocol: protocol -1, or a port range from 0 to 65535. */
export const coversAllPorts = (r: SgRule): boolean => ALL_PROTOCOLS.includes(r.protocol) || (r.from <= 0 && r.to >= 65535);

export function describePorts(r: SgRule): string {
    if (ALL_PROTOCOLS.includes(r.protocol)) return "all traffic";
    return r.from === r.to ? `${r.protocol} ${r.from}` : `${r.protocol} ${r.from}-${r.to}`;
}

/** A port, its default when absent, NaN when unknown at preview (so no range check claims it). */
const port = (value: unknown, absent: number) => (value === UNKNOWN_INPUT ? NaN : num(value, absent));

function normalise(direction: SgRule["direction"], label: string, r: unknown, cidrKeys: string[]): SgRule {
    const raw = readInput(r, "protocol") ?? readInput(r, "ipProtocol");
    const protocol = raw === UNKNOWN_INPUT ? "unknown" : text(raw).toLowerCase() || "-1";
    return {
        direction,
        label,
        protocol,
        from: port(readInput(r, "fromPort"), 0),
        to: port(readInput(r, "toPort"), 65535),
        cidrs: cidrKeys.flatMap((k) => asList(readInput(r, k))).filter((c): c is string => typeof c === "string"),
        description: readInput(r, "description"),
    };
}

/** The rules a security-group-shaped resource carries; [] for other types. A rule list still unknown at preview is reported by the SDK as undecided. */
export function securityGroupRules(type: string, props: unknown): SgRule[] {
    if (type.endsWith(":SecurityGroupIngressRule") || type.endsWith(":SecurityGroupEgressRule")) {
        const direction = type.endsWith("IngressRule") ? "ingress" : "egress";
        return [normalise(direction, `this ${direction} rule`, props, ["cidrIpv4", "cidrIpv6"])];
    }
    if (type.endsWith(":SecurityGroupRule")) {
        const kind = readInput(props, "type");
        if (kind !== "ingress" && kind !== "egress") return [];
        return [normalise(kind, `this ${kind} rule`, props, ["cidrBlocks", "ipv6CidrBlocks"])];
    }
    if (type.endsWith(":SecurityGroup") || type.endsWith(":DefaultSecurityGroup")) {
        return (["ingress", "egress"] as const).flatMap((direction) => {
            if (readInput(props, direction) === UNKNOWN_INPUT) void (props as Record<string, unknown>)[direction];
            return inputList(props, direction)
                .map((r, i) => (isRecord(r) ? normalise(direction, `${direction}[${i}]`, r, ["cidrBlocks", "ipv6CidrBlocks"]) : undefined))
                .filter((r): r is SgRule => r !== undefined);
        });
    }
    return [];
}
