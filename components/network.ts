// VPC over ≥2 AZs: public subnets hold only the ALB and the NAT, private subnets hold tasks.
// Routes are separate resources so the policy pack can follow subnet → route table → target.
// Egress per stack: a NAT instance, one NAT gateway, one per AZ, or none (endpoints only).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { FlowLogs, FlowLogsArgs } from "./flowLogs";
import { NatInstance } from "./natInstance";
import { VpcEndpoints } from "./vpcEndpoints";
import { splitCidr } from "../settings/constraints";
import { ipv6Subnet } from "../settings/cidr";
import { DEFAULT_NAT_INSTANCE_TYPE } from "../settings/egress";
import type { Egress } from "../settings/profiles";
import type { ExistingVpc } from "../settings/settings";
import type { InterfaceEndpointService } from "../policy/knowledge/endpoints";

export interface NetworkArgs {
    vpcCidr: string;
    azCount: number;
    egress: Egress;
    /** Instance type when egress is nat-instance (default DEFAULT_NAT_INSTANCE_TYPE). */
    natInstanceType?: string;
    /** Logical name of the NAT instance's role (default <prefix>-nat). */
    natRoleName?: string;
    /** Interface endpoints in the private subnets; the S3 gateway endpoint is always there. */
    interfaceEndpoints?: InterfaceEndpointService[];
    /** Adopt this VPC instead of creating one. */
    existingVpc?: ExistingVpc;
    /** IPv6 too: an Amazon-provided /56 on the VPC, a /64 per subnet, ::/0 via the internet gateway (public) or an egress-only gateway (private). */
    ipv6?: boolean;
    /** Flow logs of the VPC created here (an adopted VPC's are its owner's). */
    flowLogs?: Omit<FlowLogsArgs, "vpcId" | "tags">;
    tags: Record<string, string>;
}

export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly publicSubnetIds: pulumi.Output<string>[];
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly natGatewayCount: number;
    /** The NAT instance (egress nat-instance), for Session Manager: aws ssm start-session --target <id>. */
    readonly natInstanceId?: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:network:Network", name, {}, opts);

        if (args.existingVpc) {
            // Adopted VPC: nothing to create; the policy pack checks these ids against its allowlist.
            this.vpcId = pulumi.output(args.existingVpc.vpcId);
            this.publicSubnetIds = args.existingVpc.publicSubnetIds.map((id) => pulumi.output(id));
            this.privateSubnetIds = args.existingVpc.privateSubnetIds.map((id) => pulumi.output(id));
            this.natGatewayCount = 0;
            this.registerOutputs({ vpcId: this.vpcId });
            return;
        }

        // Children are named after the component: `<name>-<part>`.
        const p = name;
        const { azCount, tags } = args;
        const named = (suffix: string) => ({ ...tags, Name: `${p}-${suffix}` });
        const zones = aws.getAvailabilityZonesOutput({ state: "available" }, { parent: this }).names.apply((names) => {
            if (names.length < azCount) {
                throw new pulumi.ResourceError(
                    `azCount=${azCount} is not valid in this region; allowed: at most ${names.length} (available zones: ${names.join(", ")})`,
                    this,
                );
            }
            return names;
        });
        const cidrs = splitCidr(args.vpcCidr, azCount * 2);
        const privateCidrs = cidrs.slice(azCount, azCount * 2);

        const vpc = new aws.ec2.Vpc(
            `${p}-vpc`,
            {
                cidrBlock: args.vpcCidr,
                assignGeneratedIpv6CidrBlock: args.ipv6 || undefined,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: named("vpc"),
            },
            { parent: this },
        );
        // Adopting the VPC's default security group without rules strips AWS's defaults (all traffic
        // within the group, all egress): whatever lands in it by accident can talk to nothing.
        if (args.flowLogs) new FlowLogs(`${p}-flow-logs`, { ...args.flowLogs, vpcId: vpc.id, tags }, { parent: this });
        new aws.ec2.DefaultSecurityGroup(`${p}-default`, { vpcId: vpc.id, tags: named("default-closed") }, { parent: this });
        const igw = new aws.ec2.InternetGateway(`${p}-igw`, { vpcId: vpc.id, tags: named("igw") }, { parent: this });

        const subnet = (kind: "public" | "private", i: number) =>
            new aws.ec2.Subnet(
                `${p}-${kind}-${i}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: cidrs[kind === "public" ? i : azCount + i]!,
                    // Subnet k of the VPC's /56 (public first, as for IPv4); addresses only for what asks for one.
                    ipv6CidrBlock: args.ipv6 ? vpc.ipv6CidrBlock.apply((block) => ipv6Subnet(block, 64, kind === "public" ? i : azCount + i)) : undefined,
                    assignIpv6AddressOnCreation: args.ipv6 ? false : undefined,
                    availabilityZone: zones.apply((z) => z[i]!),
                    // Nothing launched here gets a public IP by accident; the ALB and NATs bring their own.
                    mapPublicIpOnLaunch: false,
                    tags: { ...named(`${kind}-${i}`), tier: kind },
                },
                { parent: this },
            );
        const publicSubnets = Array.from({ length: azCount }, (_, i) => subnet("public", i));
        const privateSubnets = Array.from({ length: azCount }, (_, i) => subnet("private", i));

        const publicTable = new aws.ec2.RouteTable(`${p}-public`, { vpcId: vpc.id, tags: named("public") }, { parent: this });
        const internetRoute = new aws.ec2.Route(
            `${p}-public-default`,
            { routeTableId: publicTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
            { parent: this },
        );
        if (args.ipv6)
            new aws.ec2.Route(
                `${p}-public-default-v6`,
                { routeTableId: publicTable.id, destinationIpv6CidrBlock: "::/0", gatewayId: igw.id },
                { parent: this },
            );
        const publicAssociations = publicSubnets.map(
            (s, i) => new aws.ec2.RouteTableAssociation(`${p}-public-${i}`, { subnetId: s.id, routeTableId: publicTable.id }, { parent: this }),
        );

        this.natGatewayCount = args.egress === "nat-per-az" ? azCount : args.egress === "nat-single" ? 1 : 0;
        const nats = Array.from({ length: this.natGatewayCount }, (_, i) => {
            const eip = new aws.ec2.Eip(`${p}-nat-${i}`, { domain: "vpc", tags: named(`nat-${i}`) }, { parent: this });
            return new aws.ec2.NatGateway(
                `${p}-nat-${i}`,
                { allocationId: eip.id, subnetId: publicSubnets[i]!.id, tags: named(`nat-${i}`) },
                { parent: this, dependsOn: [igw] },
            );
        });

        const natInstance =
            args.egress === "nat-instance"
                ? new NatInstance(
                      p,
                      {
                          vpcId: vpc.id,
                          subnetId: publicSubnets[0]!.id,
                          privateCidrs,
                          instanceType: args.natInstanceType ?? DEFAULT_NAT_INSTANCE_TYPE,
                          roleName: args.natRoleName ?? `${p}-nat`,
                          tags,
                      },
                      // User data installs packages at first boot: the subnet must already reach the internet.
                      { parent: this, dependsOn: [internetRoute, publicAssociations[0]!] },
                  )
                : undefined;

        // IPv6 out, never in: an egress-only gateway (none with endpoints-only, which reaches no internet).
        const egressOnly =
            args.ipv6 && args.egress !== "endpoints-only"
                ? new aws.ec2.EgressOnlyInternetGateway(`${p}-eigw`, { vpcId: vpc.id, tags: named("eigw") }, { parent: this })
                : undefined;
        const privateTables = privateSubnets.map((s, i) => {
            const table = new aws.ec2.RouteTable(`${p}-private-${i}`, { vpcId: vpc.id, tags: named(`private-${i}`) }, { parent: this });
            // Per-AZ NAT keeps an AZ outage local; one NAT (gateway or instance) is the cheap choice;
            // endpoints-only has no default route at all.
            const target = natInstance
                ? { networkInterfaceId: natInstance.networkInterfaceId }
                : nats.length > 0
                  ? { natGatewayId: nats[args.egress === "nat-per-az" ? i : 0]!.id }
                  : undefined;
            if (target)
                new aws.ec2.Route(`${p}-private-${i}-default`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", ...target }, { parent: this });
            if (egressOnly)
                new aws.ec2.Route(
                    `${p}-private-${i}-default-v6`,
                    { routeTableId: table.id, destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: egressOnly.id },
                    { parent: this },
                );
            new aws.ec2.RouteTableAssociation(`${p}-private-${i}`, { subnetId: s.id, routeTableId: table.id }, { parent: this });
            return table;
        });

        new VpcEndpoints(
            p,
            {
                vpcId: vpc.id,
                region: awsContext({ parent: this }).region,
                privateRouteTableIds: privateTables.map((t) => t.id),
                privateSubnetIds: privateSubnets.map((s) => s.id),
                privateCidrs,
                interfaceServices: args.interfaceEndpoints ?? [],
                tags,
            },
            { parent: this },
        );

        this.natInstanceId = natInstance?.instanceId;
        this.vpcId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.privateSubnetIds = privateSubnets.map((s) => s.id);
        this.registerOutputs({ vpcId: this.vpcId, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds });
    }
}
