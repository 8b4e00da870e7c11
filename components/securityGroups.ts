import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface SecurityGroupsArgs {
    vpcId: pulumi.Input<string>;
    containerPort: number;
    /** Open 443 on the ALB (only when a certificate is configured). */
    https: boolean;
    /** The ALB is dual-stack: the same ports from the IPv6 internet (::/0). */
    ipv6?: boolean;
    /** The blue/green test listener's port, open to this CIDR only (the VPC's). */
    testListener?: { port: number; sourceCidr: pulumi.Input<string> };
    /** Service Connect: this port from the tasks' own group (peers) and from the namespace's other services' groups. */
    serviceConnect?: { port: number; peerSecurityGroupIds: string[] };
    tags: Record<string, string>;
}

/** ALB: 80/443 from anywhere, out only to tasks. Tasks: the container port from the ALB only. */
export class SecurityGroups extends pulumi.ComponentResource {
    readonly albSecurityGroupId: pulumi.Output<string>;
    readonly taskSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: SecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:network:SecurityGroups", name, {}, opts);
        // Children are named after the component: `<name>-<part>`.
        const p = name;
        const port = args.containerPort;

        const alb = new aws.ec2.SecurityGroup(
            `${p}-alb`,
            { vpcId: args.vpcId, description: "ALB: HTTP(S) from the internet, out to tasks only", tags: args.tags },
            { parent: this },
        );
        const task = new aws.ec2.SecurityGroup(
            `${p}-task`,
            { vpcId: args.vpcId, description: "Tasks: container port from the ALB only", tags: args.tags },
            { parent: this },
        );

        const worldPorts = args.https ? [80, 443] : [80];
        const worlds = args.ipv6 ? [{ cidrIpv4: "0.0.0.0/0" }, { cidrIpv6: "::/0" }] : [{ cidrIpv4: "0.0.0.0/0" }];
        for (const worldPort of worldPorts) {
            for (const world of worlds) {
                new aws.vpc.SecurityGroupIngressRule(
                    `${p}-alb-in-${worldPort}${world.cidrIpv6 ? "-v6" : ""}`,
                    {
                        securityGroupId: alb.id,
                        ipProtocol: "tcp",
                        fromPort: worldPort,
                        toPort: worldPort,
                        ...world,
                        description: `HTTP${worldPort === 443 ? "S" : ""} from the ${world.cidrIpv6 ? "IPv6 " : ""}internet`,
                        tags: args.tags,
                    },
                    { parent: this },
                );
            }
        }
        if (args.testListener) {
            new aws.vpc.SecurityGroupIngressRule(
                `${p}-alb-in-test`,
                {
                    securityGroupId: alb.id,
                    ipProtocol: "tcp",
                    fromPort: args.testListener.port,
                    toPort: args.testListener.port,
                    cidrIpv4: args.testListener.sourceCidr,
                    description: "Deployment test listener: from inside the VPC only",
                    tags: args.tags,
                },
                { parent: this },
            );
        }
        new aws.vpc.SecurityGroupEgressRule(
            `${p}-alb-out-task`,
            {
                securityGroupId: alb.id,
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                referencedSecurityGroupId: task.id,
                description: "To tasks on the container port",
                tags: args.tags,
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${p}-task-in-alb`,
            {
                securityGroupId: task.id,
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                referencedSecurityGroupId: alb.id,
                description: "From the ALB on the container port",
                tags: args.tags,
            },
            { parent: this },
        );
        if (args.serviceConnect) {
            const sc = args.serviceConnect;
            const peers = [{ key: "self", id: task.id as pulumi.Input<string> }, ...sc.peerSecurityGroupIds.map((id) => ({ key: id, id }))];
            for (const peer of peers) {
                new aws.vpc.SecurityGroupIngressRule(
                    `${p}-task-in-sc-${peer.key}`,
                    {
                        securityGroupId: task.id,
                        ipProtocol: "tcp",
                        fromPort: sc.port,
                        toPort: sc.port,
                        referencedSecurityGroupId: peer.id,
                        description: `Service Connect from ${peer.key === "self" ? "this service's tasks" : "a service of the namespace"}`,
                        tags: args.tags,
                    },
                    { parent: this },
                );
            }
        }
        // Tasks reach ECR, CloudWatch Logs and Secrets Manager over HTTPS through the NAT.
        new aws.vpc.SecurityGroupEgressRule(
            `${p}-task-out-https`,
            {
                securityGroupId: task.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: "0.0.0.0/0",
                description: "HTTPS to AWS APIs and the internet via NAT",
                tags: args.tags,
            },
            { parent: this },
        );

        this.albSecurityGroupId = alb.id;
        this.taskSecurityGroupId = task.id;
        this.registerOutputs({ albSecurityGroupId: this.albSecurityGroupId, taskSecurityGroupId: this.taskSecurityGroupId });
    }
}
