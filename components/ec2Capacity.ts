// The EC2 launch type's capacity: ECS-optimized instances in private subnets, in an Auto Scaling
// group that ECS scales (managed scaling) and may not shrink under running tasks (termination
// protection), with IMDSv2 only, hop limit 1, encrypted volumes and no public IPs.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { ec2TrustPolicy, ecsInstanceRolePolicy, ecsUserData } from "../documents/ecsInstance";
import { ECS_INSTANCE_MANAGED_POLICY } from "../policy/knowledge/ec2Instances";
import type { Ec2CapacitySettings } from "../settings/types";

export interface Ec2CapacityArgs {
    settings: Ec2CapacitySettings;
    clusterName: string;
    vpcId: pulumi.Input<string>;
    privateSubnetIds: pulumi.Input<string>[];
    /** Spot instances instead of on-demand. */
    spot: boolean;
    tags: Record<string, string>;
}

export class Ec2Capacity extends pulumi.ComponentResource {
    readonly capacityProviderName: pulumi.Output<string>;

    constructor(name: string, args: Ec2CapacityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:compute:Ec2Capacity", name, {}, opts);
        const s = args.settings;
        const n = s.names;
        const ctx = awsContext({ parent: this });

        const role = new aws.iam.Role(
            n.instanceRole,
            { name: n.instanceRole, assumeRolePolicy: JSON.stringify(ec2TrustPolicy()), description: "ECS agent on this cluster's instances", tags: args.tags },
            { parent: this },
        );
        if (s.instancePolicy === "aws-managed") {
            // Broad: the policy pack accepts it only with a reason in its config.
            const policyArn = pulumi.interpolate`arn:${ctx.partition}:iam::aws:policy/${ECS_INSTANCE_MANAGED_POLICY}`;
            new aws.iam.RolePolicyAttachment(n.instanceRole, { role: role.name, policyArn }, { parent: this });
        } else {
            const policy = pulumi
                .all([ctx.partition, ctx.region, ctx.accountId])
                .apply(([partition, region, account]) => JSON.stringify(ecsInstanceRolePolicy(partition, region, account, args.clusterName)));
            new aws.iam.RolePolicy(n.instanceRole, { role: role.name, policy }, { parent: this });
        }
        const profile = new aws.iam.InstanceProfile(n.instanceRole, { name: n.instanceRole, role: role.name, tags: args.tags }, { parent: this });

        // awsvpc tasks bring their own interfaces and security groups; the instance takes no traffic.
        const group = new aws.ec2.SecurityGroup(
            n.securityGroup,
            { vpcId: args.vpcId, description: "ECS container instances: no ingress, HTTPS out to AWS APIs", tags: args.tags },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${n.securityGroup}-out-https`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: "0.0.0.0/0",
                description: "ECS, ECR and SSM endpoints via NAT",
                tags: args.tags,
            },
            { parent: this },
        );

        // AWS's public parameter names the current ECS-optimized AMI; an invoke, so known at preview.
        const imageId = aws.ssm.getParameterOutput({ name: s.amiParameter }, { parent: this }).value;
        const template = new aws.ec2.LaunchTemplate(
            n.launchTemplate,
            {
                name: n.launchTemplate,
                description: `ECS container instances of ${args.clusterName}`,
                imageId,
                instanceType: s.instanceType,
                iamInstanceProfile: { name: profile.name },
                // Tokens required, one hop: containers behind a bridge cannot reach the instance role.
                metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
                networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: [group.id], deleteOnTermination: "true" }],
                blockDeviceMappings: [
                    { deviceName: "/dev/xvda", ebs: { volumeSize: s.volumeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
                ],
                userData: Buffer.from(ecsUserData({ clusterName: args.clusterName, spot: args.spot })).toString("base64"),
                updateDefaultVersion: true,
                tagSpecifications: ["instance", "volume"].map((resourceType) => ({ resourceType, tags: { ...args.tags, Name: n.autoScalingGroup } })),
                tags: args.tags,
            },
            { parent: this },
        );

        const asg = new aws.autoscaling.Group(
            n.autoScalingGroup,
            {
                name: n.autoScalingGroup,
                minSize: s.minInstances,
                maxSize: s.maxInstances,
                vpcZoneIdentifiers: args.privateSubnetIds,
                // Managed termination protection needs it: ECS decides which instances may go.
                protectFromScaleIn: true,
                mixedInstancesPolicy: {
                    instancesDistribution: {
                        onDemandBaseCapacity: 0,
                        onDemandPercentageAboveBaseCapacity: args.spot ? 0 : 100,
                        spotAllocationStrategy: "price-capacity-optimized",
                    },
                    launchTemplate: {
                        launchTemplateSpecification: { launchTemplateId: template.id, version: template.latestVersion.apply(String) },
                        overrides: [{ instanceType: s.instanceType }],
                    },
                },
                capacityRebalance: args.spot,
                healthCheckType: "EC2",
                defaultInstanceWarmup: 60,
                // A new AMI or template rolls the instances; ECS drains their tasks first (managed draining).
                // Launch before terminate (100–200 % healthy), so even a one-instance group keeps its capacity.
                instanceRefresh: {
                    strategy: "Rolling",
                    preferences: { minHealthyPercentage: 100, maxHealthyPercentage: 200, scaleInProtectedInstances: "Refresh", skipMatching: true },
                },
                // Destroy terminates the instances even though they are protected from scale-in.
                forceDelete: true,
                tags: [
                    ...Object.entries(args.tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
                    { key: "AmazonECSManaged", value: "", propagateAtLaunch: true },
                ],
            },
            // Managed scaling owns the desired capacity.
            { parent: this, ignoreChanges: ["desiredCapacity"] },
        );

        const provider = new aws.ecs.CapacityProvider(
            n.capacityProvider,
            {
                name: n.capacityProvider,
                autoScalingGroupProvider: {
                    autoScalingGroupArn: asg.arn,
                    managedTerminationProtection: "ENABLED",
                    managedDraining: "ENABLED",
                    managedScaling: { status: "ENABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10, instanceWarmupPeriod: 60 },
                },
                tags: args.tags,
            },
            { parent: this },
        );

        this.capacityProviderName = provider.name;
        this.registerOutputs({ capacityProviderName: this.capacityProviderName });
    }
}
