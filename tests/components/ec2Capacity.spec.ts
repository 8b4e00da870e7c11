import { strict as assert } from "node:assert";
import { Cluster } from "../../components/cluster";
import { Ec2Capacity } from "../../components/ec2Capacity";
import { ECS_AMI_PARAMETERS } from "../../policy/knowledge/ec2Instances";
import { isTaggable } from "../../policy/rules/tagging";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const tags = { app: "web", environment: "dev" };
const capacity =
    (raw: Record<string, string> = {}, spot = false) =>
    () =>
        new Ec2Capacity("web-dev-ec2", {
            settings: settingsFor("dev", { launchType: "ec2", ...raw }).ec2!,
            clusterName: "web-dev",
            vpcId: "vpc-0123456789abcdef0",
            privateSubnetIds: ["subnet-0000000000000000c", "subnet-0000000000000000d"],
            spot,
            tags,
        });

describe("Ec2Capacity under mocks", () => {
    it("launch template: the ECS-optimized AMI from AWS's public parameter, IMDSv2 only, hop limit 1, no public IP, encrypted gp3 root", async () => {
        const resources = await record(capacity());
        const lt = one(resources, "aws:ec2/launchTemplate:LaunchTemplate").inputs;
        assert.match(String(lt.imageId), /^ami-[0-9a-f]{17}$/);
        const arm = one(await record(capacity({ cpuArchitecture: "ARM64" })), "aws:ec2/launchTemplate:LaunchTemplate").inputs;
        assert.notEqual(arm.imageId, lt.imageId, "the arm64 parameter names another AMI");
        assert.notEqual(ECS_AMI_PARAMETERS.ARM64, ECS_AMI_PARAMETERS.X86_64);
        assert.equal(lt.instanceType, "t3.small");
        assert.deepEqual(lt.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
        const [nic] = lt.networkInterfaces as Record<string, unknown>[];
        assert.equal(nic!.associatePublicIpAddress, "false");
        assert.deepEqual(nic!.securityGroups, [one(resources, "aws:ec2/securityGroup:SecurityGroup").outputs.id]);
        assert.deepEqual(lt.blockDeviceMappings, [
            { deviceName: "/dev/xvda", ebs: { volumeSize: 30, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
        ]);
        assert.deepEqual(lt.iamInstanceProfile, { name: "web-dev-ec2-instance" });
        const userData = Buffer.from(String(lt.userData), "base64").toString();
        assert.match(userData, /^ECS_CLUSTER=web-dev$/m);
        assert.match(userData, /^ECS_AWSVPC_BLOCK_IMDS=true$/m);
    });

    it("the instance security group takes no traffic in, and sends only HTTPS out", async () => {
        const resources = await record(capacity());
        assert.equal(ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").length, 0);
        const egress = one(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").inputs;
        assert.deepEqual([egress.ipProtocol, egress.fromPort, egress.toPort], ["tcp", 443, 443]);
    });

    it("Auto Scaling group: private subnets, protected from scale-in, the template's current version, ECS-managed tag; Spot on request", async () => {
        const resources = await record(capacity());
        const asg = one(resources, "aws:autoscaling/group:Group").inputs;
        assert.deepEqual(asg.vpcZoneIdentifiers, ["subnet-0000000000000000c", "subnet-0000000000000000d"]);
        assert.deepEqual([asg.minSize, asg.maxSize, asg.protectFromScaleIn, asg.forceDelete], [1, 2, true, true]);
        const mixed = asg.mixedInstancesPolicy as { instancesDistribution: Record<string, unknown>; launchTemplate: Record<string, unknown> };
        assert.equal(mixed.instancesDistribution.onDemandPercentageAboveBaseCapacity, 100);
        assert.deepEqual(mixed.launchTemplate, {
            launchTemplateSpecification: { launchTemplateId: one(resources, "aws:ec2/launchTemplate:LaunchTemplate").outputs.id, version: "1" },
            overrides: [{ instanceType: "t3.small" }],
        });
        assert.ok((asg.tags as { key: string; propagateAtLaunch: boolean }[]).some((t) => t.key === "AmazonECSManaged" && t.propagateAtLaunch));
        const refresh = (asg.instanceRefresh as { preferences: Record<string, unknown> }).preferences;
        assert.deepEqual([refresh.minHealthyPercentage, refresh.maxHealthyPercentage, refresh.scaleInProtectedInstances], [100, 200, "Refresh"]);
        const spot = one(await record(capacity({}, true)), "aws:autoscaling/group:Group").inputs;
        assert.equal((spot.mixedInstancesPolicy as typeof mixed).instancesDistribution.onDemandPercentageAboveBaseCapacity, 0);
        assert.equal(spot.capacityRebalance, true);
    });

    it("capacity provider: managed scaling and termination protection over this group", async () => {
        const resources = await record(capacity());
        const provider = one(resources, "aws:ecs/capacityProvider:CapacityProvider").inputs;
        assert.equal(provider.name, "web-dev-ec2");
        assert.deepEqual(provider.autoScalingGroupProvider, {
            autoScalingGroupArn: one(resources, "aws:autoscaling/group:Group").outputs.arn,
            managedTerminationProtection: "ENABLED",
            managedDraining: "ENABLED",
            managedScaling: { status: "ENABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10, instanceWarmupPeriod: 60 },
        });
    });

    it("instance role: the agent's actions on this cluster; the AWS-managed policy only when asked for", async () => {
        const scoped = await record(capacity());
        const policy = json(one(scoped, "aws:iam/rolePolicy:RolePolicy").inputs.policy) as { Statement: { Resource: unknown }[] };
        assert.deepEqual(policy.Statement[1]!.Resource, ["arn:aws:ecs:us-east-1:123456789012:cluster/web-dev"]);
        assert.equal(ofType(scoped, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
        const managed = await record(capacity({ ec2InstancePolicy: "aws-managed" }));
        assert.equal(ofType(managed, "aws:iam/rolePolicy:RolePolicy").length, 0);
        assert.equal(
            one(managed, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs.policyArn,
            "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
        );
        assert.equal(one(scoped, "aws:iam/instanceProfile:InstanceProfile").inputs.role, "web-dev-ec2-instance");
    });

    it("the cluster makes the EC2 provider its default next to Fargate's", async () => {
        const resources = await record(() => {
            const ec2 = capacity()();
            new Cluster("web-dev", { name: "web-dev", spot: false, ec2CapacityProvider: ec2.capacityProviderName, tags });
        });
        const providers = one(resources, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").inputs;
        assert.deepEqual(providers.capacityProviders, ["FARGATE", "FARGATE_SPOT", "web-dev-ec2"]);
        assert.deepEqual(providers.defaultCapacityProviderStrategies, [{ capacityProvider: "web-dev-ec2", weight: 1 }]);
    });

    it("every resource of a type that takes tags carries the stack's tags", async () => {
        const taggable = (await record(capacity())).filter((r) => isTaggable(r.type));
        assert.ok(taggable.some((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"));
        assert.deepEqual(
            taggable.filter((r) => JSON.stringify(r.inputs.tags) !== JSON.stringify(tags)).map((r) => r.name),
            [],
        );
    });
});
