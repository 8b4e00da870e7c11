// The VPC: its range and AZs, or an adopted one; how private subnets reach out; IPv6; flow logs.
import { Type } from "@sinclair/typebox";
import { PRICED_INSTANCE_TYPES } from "../../policy/knowledge/costModel";
import * as c from "../constraints";
import { EGRESS_MODES } from "../profiles";
import { group, limit, oneOf, setting } from "./declare";
import { EXISTING_VPC, INTERFACE_ENDPOINTS } from "./shapes";

/** The smallest Graviton instance: enough for a demo's NAT, and the cheapest in prices.json. */
export const DEFAULT_NAT_INSTANCE_TYPE = "t4g.nano";

export const NETWORK = group("network", {
    vpcCidr: setting(Type.String(), {
        default: "10.0.0.0/16",
        description: "The VPC's range, split evenly into public and private subnets.",
        allowed: "aligned IPv4 CIDR, /16–/24, room for 2 × azCount subnets of /28 or larger",
        check: c.checkVpcCidr,
    }),
    azCount: setting(limit(c.AZ_COUNT), {
        default: { dev: 2, staging: 2, prod: 3 },
        description: "Availability zones the subnets span.",
        allowed: "no more than the region's available AZs; 2 or more on prod",
    }),
    existingVpc: setting(EXISTING_VPC, {
        ownReader: true,
        description: "Adopt a VPC instead of creating one.",
        allowed: "`{ vpcId: vpc-…, publicSubnetIds: [≥2], privateSubnetIds: [≥2] }`",
    }),
    egress: setting(oneOf(EGRESS_MODES), {
        default: { dev: "nat-instance", staging: "nat-per-az", prod: "nat-per-az" },
        description:
            "How private subnets reach out: one NAT instance (demos; refused on prod), one NAT gateway, a NAT gateway per AZ, or no NAT (VPC interface endpoints only, AWS APIs only). Refused with `existingVpc`.",
    }),
    natInstanceType: setting(Type.String(), {
        default: DEFAULT_NAT_INSTANCE_TYPE,
        description: "The NAT instance's type. Only with `egress=nat-instance`.",
        allowed: "one priced in `policy/knowledge/prices.json` (t4g.nano–medium, t3.nano–medium, t3a.nano–small, c6gn.medium, c7gn.medium)",
        check: (type) =>
            PRICED_INSTANCE_TYPES.includes(type)
                ? undefined
                : `${PRICED_INSTANCE_TYPES.join(", ")} (the types the cost model prices; add one with its price to policy/knowledge/prices.json)`,
    }),
    interfaceEndpoints: setting(INTERFACE_ENDPOINTS, {
        ownReader: true,
        default: [],
        docDefault: "computed",
        description:
            "Interface endpoints in the private subnets; by default, what `egress` needs. endpoints-only requires `ecr.api`, `ecr.dkr`, `logs` (+ `secretsmanager`, `ssm`, `ssmmessages` when secrets or ECS Exec use them).",
        allowed:
            "a list of `ecr.api`, `ecr.dkr`, `logs`, `secretsmanager`, `ssm`, `ssmmessages`, `kms`, `sts`, `monitoring`, `xray`, `sqs`, `sns`, `events`, `execute-api`",
    }),
    ipAddressType: setting(oneOf(["ipv4", "dualstack"]), {
        default: "ipv4",
        description:
            "dualstack: the VPC gets an Amazon /56 and each subnet a /64, `::/0` leaves public subnets by the internet gateway and private ones by an egress-only gateway (none with `endpoints-only`), the ALB and its security group answer on IPv6 and a `domain` gets an AAAA alias; refused with `existingVpc` ([edge-and-network.md](edge-and-network.md)).",
    }),
    flowLogs: setting(Type.Boolean(), {
        // On by default for prod: a record of every connection is what an incident review starts from.
        default: { dev: false, staging: false, prod: true },
        description:
            "Flow logs (all traffic) of the VPC the stack creates, to `/vpc/<app>/<stack>/flow-logs` with `logRetentionDays` and `logKms`; refused with `existingVpc` ([edge-and-network.md](edge-and-network.md)).",
    }),
});
