// A NAT instance for demo stacks: one small ARM instance in a public subnet translating the
// private subnets' traffic, at a tenth of a NAT gateway's price. It is one instance in one AZ,
// so a single point of failure: fine for demos, not for prod (settings refuse it there).
//
// Kept alive by EC2 auto-recovery, not an Auto Scaling group: recovery restarts the *same*
// instance (same id, primary ENI, private and public IP) on new hardware, so the private routes,
// which point at the primary ENI, stay valid with no extra machinery. An ASG replacement would
// come back with a new ENI and leave every route blackholed until something rewrote them.
// An alarm reboots the instance when its own status check fails (the OS, not the host).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { ec2TrustPolicy, sessionManagerPolicy } from "../documents/natInstanceIam";
import { natInstanceUserData } from "../documents/natInstanceUserData";
import { instanceArchitecture, isBurstable } from "../policy/knowledge/ec2";

/** Ports the private subnets may reach on the internet through the NAT instance. */
export const NAT_EGRESS_PORTS = [443, 80] as const;

export interface NatInstanceArgs {
    vpcId: pulumi.Input<string>;
    /** A public subnet: the instance reaches the internet through its internet gateway route. */
    subnetId: pulumi.Input<string>;
    /** The private subnets' CIDRs: the only sources it accepts and translates. */
    privateCidrs: string[];
    instanceType: string;
    roleName: string;
    tags: Record<string, string>;
}

/** AWS's public SSM parameter naming the latest Amazon Linux 2023 AMI (with the SSM agent) for an architecture. */
export const al2023AmiParameter = (arch: "arm64" | "x86_64") => `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`;

export class NatInstance extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    /** The primary ENI: private route tables send 0.0.0.0/0 here. */
    readonly networkInterfaceId: pulumi.Output<string>;

    constructor(name: string, args: NatInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:network:NatInstance", name, {}, opts);
        // Children are named after the component: `<name>-<part>`.
        const p = name;
        const named = { ...args.tags, Name: `${p}-nat` };

        const sg = new aws.ec2.SecurityGroup(
            `${p}-nat`,
            { vpcId: args.vpcId, description: "NAT instance: all traffic from the private subnets, out to the internet", tags: named },
            { parent: this },
        );
        args.privateCidrs.forEach(
            (cidr, i) =>
                new aws.vpc.SecurityGroupIngressRule(
                    `${p}-nat-in-${i}`,
                    { securityGroupId: sg.id, ipProtocol: "-1", cidrIpv4: cidr, description: `From private subnet ${cidr}`, tags: args.tags },
                    { parent: this },
                ),
        );
        // Forwarded traffic leaves through this group too, so it is the egress allowlist of the
        // private subnets: HTTPS (AWS APIs, ECR, most services) and HTTP, nothing else.
        for (const port of NAT_EGRESS_PORTS) {
            new aws.vpc.SecurityGroupEgressRule(
                `${p}-nat-out-${port}`,
                {
                    securityGroupId: sg.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    cidrIpv4: "0.0.0.0/0",
                    description: `To the internet on tcp ${port} on behalf of the private subnets`,
                    tags: args.tags,
                },
                { parent: this },
            );
        }

        // No SSH key and no port 22: Session Manager is the way in.
        const ctx = awsContext({ parent: this });
        const role = new aws.iam.Role(
            args.roleName,
            { assumeRolePolicy: JSON.stringify(ec2TrustPolicy()), description: "NAT instance: Session Manager access only", tags: args.tags },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            args.roleName,
            {
                role: role.id,
                policy: pulumi
                    .all([ctx.partition, ctx.region, ctx.accountId])
                    .apply(([partition, region, account]) => JSON.stringify(sessionManagerPolicy(partition, region, account))),
            },
            { parent: this },
        );
        const profile = new aws.iam.InstanceProfile(args.roleName, { role: role.name, tags: args.tags }, { parent: this });

        // An invoke: the AMI id is known at preview.
        const ami = aws.ssm.getParameterOutput({ name: al2023AmiParameter(instanceArchitecture(args.instanceType)) }, { parent: this }).value;
        const instance = new aws.ec2.Instance(
            `${p}-nat`,
            {
                ami,
                instanceType: args.instanceType,
                subnetId: args.subnetId,
                vpcSecurityGroupIds: [sg.id],
                associatePublicIpAddress: true,
                // It forwards packets that are neither from nor to itself.
                sourceDestCheck: false,
                iamInstanceProfile: profile.name,
                metadataOptions: { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 },
                maintenanceOptions: { autoRecovery: "default" },
                // Standard credits: a busy NAT slows down instead of billing surplus credits.
                creditSpecification: isBurstable(args.instanceType) ? { cpuCredits: "standard" } : undefined,
                rootBlockDevice: { volumeType: "gp3", volumeSize: 8, encrypted: true, deleteOnTermination: true },
                userData: natInstanceUserData(args.privateCidrs),
                userDataReplaceOnChange: true,
                tags: named,
                volumeTags: named,
            },
            // A newer AMI in the parameter must not replace a working NAT on every `up`; replace it on purpose.
            { parent: this, ignoreChanges: ["ami"] },
        );

        new aws.cloudwatch.MetricAlarm(
            `${p}-nat-reboot`,
            {
                alarmDescription: "NAT instance failed its instance status check for 3 minutes: reboot it",
                namespace: "AWS/EC2",
                metricName: "StatusCheckFailed_Instance",
                dimensions: { InstanceId: instance.id },
                statistic: "Maximum",
                period: 60,
                evaluationPeriods: 3,
                threshold: 1,
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                alarmActions: [pulumi.interpolate`arn:${ctx.partition}:automate:${ctx.region}:ec2:reboot`],
                tags: args.tags,
            },
            { parent: this },
        );

        this.instanceId = instance.id;
        this.networkInterfaceId = instance.primaryNetworkInterfaceId;
        this.registerOutputs({ instanceId: this.instanceId, networkInterfaceId: this.networkInterfaceId });
    }
}
