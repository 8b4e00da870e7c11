// VPC, subnet and security-group lookups. Every account has a default VPC (172.31.0.0/16) with one
// default subnet per zone (a /20 each, public IPs on launch); other lookups find VPCs and subnets
// whose ids derive from the lookup, so the same filters always name the same ones.
import { AwsPlace, hex } from "../aws";
import { Answer, InvokeArgs, filterValues, seedOf } from "./types";

const DEFAULT_CIDR = "172.31.0.0/16";

export const defaultVpcId = (p: AwsPlace) => `vpc-${hex(`default-vpc:${p.account}:${p.region}`, 17)}`;
const subnetId = (vpcId: string, zone: string, lookup: string) => `subnet-${hex(`${vpcId}:${zone}:${lookup}`, 17)}`;

function vpc(p: AwsPlace, id: string, cidrBlock: string, isDefault: boolean, tags: unknown) {
    return {
        id,
        arn: p.arn("ec2", `vpc/${id}`),
        cidrBlock,
        cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${hex(id, 17)}`, cidrBlock, state: "associated" }],
        default: isDefault,
        dhcpOptionsId: `dopt-${hex(`${id}:dopt`, 17)}`,
        enableDnsHostnames: isDefault,
        enableDnsSupport: true,
        enableNetworkAddressUsageMetrics: false,
        instanceTenancy: "default",
        ipv6AssociationId: "",
        ipv6CidrBlock: "",
        ipv6CidrBlockAssociations: [],
        mainRouteTableId: `rtb-${hex(`${id}:main`, 17)}`,
        ownerId: p.account,
        region: p.region,
        state: "available",
        tags: tags ?? {},
    };
}

/** Filters that pick the default VPC or its subnets rather than narrowing to other ones. */
const NEUTRAL_FILTERS = new Set(["vpc-id", "isDefault", "default-for-az", "defaultForAz", "availability-zone", "availabilityZone", "state"]);

/** What narrows a lookup beyond the default VPC: tags, a CIDR, other filters (empty: nothing). */
function narrowing(args: InvokeArgs): string {
    const filters = (Array.isArray(args.filters) ? (args.filters as { name?: unknown }[]) : []).filter((f) => !NEUTRAL_FILTERS.has(String(f.name)));
    if (args.tags === undefined && args.cidrBlock === undefined && filters.length === 0) return "";
    return seedOf("narrowed", { tags: args.tags, cidrBlock: args.cidrBlock, filters });
}

/** The lookup's VPC: its id if given, the default VPC if asked for or not narrowed, else one derived from the lookup. */
function vpcIdOf(args: InvokeArgs, p: AwsPlace): string {
    const given = (args.vpcId as string | undefined) ?? filterValues(args, "vpc-id")?.[0];
    if (given) return given;
    const lookup = narrowing(args);
    return args.default === true || lookup === "" ? defaultVpcId(p) : `vpc-${hex(lookup, 17)}`;
}

function subnet(p: AwsPlace, vpcId: string, zoneIndex: number, id: string, tags: unknown) {
    const isDefault = vpcId === defaultVpcId(p);
    const zone = p.zones()[zoneIndex]!;
    return {
        id,
        arn: p.arn("ec2", `subnet/${id}`),
        assignIpv6AddressOnCreation: false,
        availabilityZone: zone,
        availabilityZoneId: p.zoneIds()[zoneIndex]!,
        availableIpAddressCount: 4091,
        cidrBlock: isDefault ? `172.31.${16 * zoneIndex}.0/20` : `10.0.${16 * zoneIndex}.0/20`,
        customerOwnedIpv4Pool: "",
        defaultForAz: isDefault,
        enableDns64: false,
        enableLniAtDeviceIndex: 0,
        enableResourceNameDnsARecordOnLaunch: false,
        enableResourceNameDnsAaaaRecordOnLaunch: false,
        ipv6CidrBlock: "",
        ipv6CidrBlockAssociationId: "",
        ipv6Native: false,
        mapCustomerOwnedIpOnLaunch: false,
        mapPublicIpOnLaunch: isDefault,
        outpostArn: "",
        ownerId: p.account,
        privateDnsHostnameTypeOnLaunch: "ip-name",
        region: p.region,
        state: "available",
        tags: tags ?? {},
        vpcId,
    };
}

/** The subnets a lookup finds: one per zone (or per zone named), in its VPC. */
function subnetsOf(args: InvokeArgs, p: AwsPlace) {
    const lookup = narrowing(args);
    const vpcId = vpcIdOf(args, p);
    const zones = (args.availabilityZone as string | undefined) ?? filterValues(args, "availability-zone") ?? filterValues(args, "availabilityZone");
    const wanted = new Set([zones ?? p.zones()].flat());
    return p
        .zones()
        .map((zone, i) => ({ zone, i }))
        .filter(({ zone }) => wanted.has(zone))
        .map(({ zone, i }) => subnet(p, vpcId, i, subnetId(vpcId, zone, lookup), args.tags));
}

const securityGroup = (p: AwsPlace, id: string, name: string, vpcId: string, tags: unknown) => ({
    id,
    arn: p.arn("ec2", `security-group/${id}`),
    name,
    description: name === "default" ? "default VPC security group" : `${name} security group`,
    vpcId,
    region: p.region,
    tags: tags ?? {},
});

export const networkInvokes: Record<string, Answer> = {
    "aws:ec2/getVpc:getVpc": (args, p) => {
        const id = (args.id as string | undefined) ?? vpcIdOf(args, p);
        return { ...args, ...vpc(p, id, (args.cidrBlock as string | undefined) ?? DEFAULT_CIDR, id === defaultVpcId(p), args.tags) };
    },
    "aws:ec2/getVpcs:getVpcs": (args, p) => ({ ...args, ids: [vpcIdOf(args, p)], region: p.region, tags: args.tags ?? {}, id: p.region }),
    "aws:ec2/getSubnets:getSubnets": (args, p) => ({
        ...args,
        ids: subnetsOf(args, p).map((s) => s.id),
        region: p.region,
        tags: args.tags ?? {},
        id: p.region,
    }),
    "aws:ec2/getSubnet:getSubnet": (args, p) => {
        const found = subnetsOf(args, p);
        if (typeof args.id !== "string") return { ...args, ...found[0]! };
        const known = subnetsOf({}, p).find((s) => s.id === args.id);
        const zoneIndex = parseInt(hex(args.id, 4), 16) % p.zones().length;
        return { ...args, ...(known ?? subnet(p, `vpc-${hex(`${args.id}:vpc`, 17)}`, zoneIndex, args.id, args.tags)) };
    },
    "aws:ec2/getSecurityGroup:getSecurityGroup": (args, p) => {
        const vpcId = vpcIdOf(args, p);
        const name = (args.name as string | undefined) ?? filterValues(args, "group-name")?.[0] ?? "default";
        const id = (args.id as string | undefined) ?? `sg-${hex(`${vpcId}:${name}`, 17)}`;
        return { ...args, ...securityGroup(p, id, name, vpcId, args.tags) };
    },
    "aws:ec2/getSecurityGroups:getSecurityGroups": (args, p) => {
        const vpcId = vpcIdOf(args, p);
        const names = filterValues(args, "group-name") ?? ["default"];
        const ids = names.map((name) => `sg-${hex(`${vpcId}:${name}`, 17)}`);
        return {
            ...args,
            ids,
            arns: ids.map((id) => p.arn("ec2", `security-group/${id}`)),
            vpcIds: ids.map(() => vpcId),
            region: p.region,
            tags: args.tags ?? {},
            id: p.region,
        };
    },
};

/** The default VPC's subnets, one per zone (what awsx.ec2.DefaultVpc and aws.ec2.getSubnets report). */
export const defaultSubnetIds = (p: AwsPlace): string[] => subnetsOf({}, p).map((s) => s.id);
