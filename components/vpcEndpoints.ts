// VPC endpoints for the private subnets. The S3 gateway endpoint is free and on every stack that
// creates its VPC: ECR serves image layers from S3, so pulls skip the NAT (and its per-GB fee).
// Interface endpoints (ECR, CloudWatch Logs, Secrets Manager…) cost per AZ-hour and let tasks
// reach those APIs with no NAT at all (egress endpoints-only).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InterfaceEndpointService, endpointServiceName } from "../policy/knowledge/endpoints";

export interface VpcEndpointsArgs {
    vpcId: pulumi.Input<string>;
    region: pulumi.Input<string>;
    /** The private subnets' route tables: the gateway endpoint adds its S3 routes there. */
    privateRouteTableIds: pulumi.Input<string>[];
    privateSubnetIds: pulumi.Input<string>[];
    /** The only sources the interface endpoints accept (HTTPS). */
    privateCidrs: string[];
    interfaceServices: InterfaceEndpointService[];
    tags: Record<string, string>;
}

export class VpcEndpoints extends pulumi.ComponentResource {
    constructor(name: string, args: VpcEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:network:VpcEndpoints", name, {}, opts);
        // Children are named after the component: `<name>-<part>`.
        const p = name;
        const serviceName = (service: string) => pulumi.output(args.region).apply((region) => endpointServiceName(region, service));

        new aws.ec2.VpcEndpoint(
            `${p}-s3`,
            {
                vpcId: args.vpcId,
                serviceName: serviceName("s3"),
                vpcEndpointType: "Gateway",
                routeTableIds: args.privateRouteTableIds,
                tags: { ...args.tags, Name: `${p}-s3` },
            },
            { parent: this },
        );
        if (args.interfaceServices.length === 0) {
            this.registerOutputs({});
            return;
        }

        const sg = new aws.ec2.SecurityGroup(
            `${p}-endpoints`,
            { vpcId: args.vpcId, description: "VPC interface endpoints: HTTPS from the private subnets", tags: { ...args.tags, Name: `${p}-endpoints` } },
            { parent: this },
        );
        args.privateCidrs.forEach(
            (cidr, i) =>
                new aws.vpc.SecurityGroupIngressRule(
                    `${p}-endpoints-in-${i}`,
                    {
                        securityGroupId: sg.id,
                        ipProtocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrIpv4: cidr,
                        description: `HTTPS from private subnet ${cidr}`,
                        tags: args.tags,
                    },
                    { parent: this },
                ),
        );
        for (const service of args.interfaceServices) {
            const id = service.replace(/\./g, "-");
            new aws.ec2.VpcEndpoint(
                `${p}-${id}`,
                {
                    vpcId: args.vpcId,
                    serviceName: serviceName(service),
                    vpcEndpointType: "Interface",
                    // The service's usual host name resolves to the endpoint inside the VPC: no SDK configuration.
                    privateDnsEnabled: true,
                    subnetIds: args.privateSubnetIds,
                    securityGroupIds: [sg.id],
                    tags: { ...args.tags, Name: `${p}-${id}` },
                },
                { parent: this },
            );
        }
        this.registerOutputs({});
    }
}
