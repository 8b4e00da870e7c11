import { strict as assert } from "node:assert";
import {
    ec2Rules,
    ecsContainerInstanceEbsEncrypted,
    ecsContainerInstanceHopLimit,
    ecsContainerInstanceImdsv2,
    ecsContainerInstanceNoPublicIp,
    ecsContainerInstancePrivateSubnets,
} from "../../policy/rules/ec2";
import { ecsContainerInstanceRoleScoped } from "../../policy/rules/instanceRole";
import { ec2TrustPolicy, ecsInstanceRolePolicy, ecsUserData } from "../../documents/ecsInstance";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { messages, privateNetwork, StackBuilder } from "./harness";

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const ASG = "aws:autoscaling/group:Group";
const userData = (extra = "") => Buffer.from(ecsUserData({ clusterName: "web-dev", spot: false }) + extra).toString("base64");

/** The program's launch template, with `overrides`. */
const template = (overrides: Record<string, unknown> = {}) => ({
    instanceType: "t3.small",
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
    networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: ["sg-1"] }],
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 30, volumeType: "gp3", encrypted: "true" } }],
    iamInstanceProfile: { name: "web-dev-ec2-instance" },
    userData: userData(),
    ...overrides,
});

/** Network, instance role and profile, launch template, group in `subnet`, capacity provider. */
function capacity(
    lt: Record<string, unknown> = template(),
    o: { subnet?: string; asg?: Record<string, unknown>; rolePolicy?: unknown; managed?: string } = {},
) {
    const b = privateNetwork(new StackBuilder())
        .add("aws:iam/role:Role", "instance-role", { name: "web-dev-ec2-instance", assumeRolePolicy: JSON.stringify(ec2TrustPolicy()) })
        .add(
            "aws:iam/rolePolicy:RolePolicy",
            "instance-policy",
            { role: "web-dev-ec2-instance", policy: o.rolePolicy ?? JSON.stringify(ecsInstanceRolePolicy("aws", "us-east-1", "123456789012", "web-dev")) },
            { role: ["instance-role"] },
        )
        .add("aws:iam/instanceProfile:InstanceProfile", "profile", { name: "web-dev-ec2-instance", role: "web-dev-ec2-instance" }, { role: ["instance-role"] })
        .add(LT, "lt", lt, { iamInstanceProfile: ["profile"] })
        .add(
            ASG,
            "asg",
            { vpcZoneIdentifiers: [`subnet-${o.subnet ?? "private"}`], ...o.asg },
            { vpcZoneIdentifiers: [o.subnet ?? "private"], launchTemplate: ["lt"] },
        )
        .add(
            "aws:ecs/capacityProvider:CapacityProvider",
            "cp",
            { autoScalingGroupProvider: { autoScalingGroupArn: "arn:asg" } },
            { autoScalingGroupProvider: ["asg"] },
        );
    if (o.managed)
        b.add(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "attach",
            { role: "web-dev-ec2-instance", policyArn: o.managed },
            { role: ["instance-role"] },
        );
    return b;
}

const MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

describe("policy: ECS container instances", () => {
    it("the program's capacity passes every rule", async () => {
        for (const rule of ec2Rules) assert.deepEqual(messages(await capacity().check(rule)), [], rule.name);
    });

    it("judges only container instances: a NAT instance with a public IP and IMDSv1 is not one", async () => {
        const nat = privateNetwork(new StackBuilder()).add(
            "aws:ec2/instance:Instance",
            "nat",
            { subnetId: "subnet-public", associatePublicIpAddress: true, sourceDestCheck: false, userData: "#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1" },
            { subnetId: ["public"] },
        );
        for (const rule of [ecsContainerInstanceImdsv2, ecsContainerInstanceNoPublicIp, ecsContainerInstancePrivateSubnets])
            assert.deepEqual(messages(await nat.check(rule)), [], rule.name);
        // The same instance joining a cluster is one.
        const joined = privateNetwork(new StackBuilder()).add(
            "aws:ec2/instance:Instance",
            "worker",
            { subnetId: "subnet-public", associatePublicIpAddress: true, userData: "#!/bin/bash\necho ECS_CLUSTER=web-dev >> /etc/ecs/ecs.config" },
            { subnetId: ["public"] },
        );
        assert.deepEqual(messages(await joined.check(ecsContainerInstanceNoPublicIp)), [
            "worker: associates a public IP address; container instances belong in private subnets without one.",
        ]);
        assert.match(
            messages(await joined.check(ecsContainerInstancePrivateSubnets))[0]!,
            /^worker: launches instances in subnet public, which is public: route public-default/,
        );
    });

    describe("ecs-container-instance-imdsv2", () => {
        it("fails optional tokens and an unset choice (the AMI's default)", async () => {
            assert.deepEqual(
                messages(
                    await capacity(template({ metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 1 } })).check(ecsContainerInstanceImdsv2),
                ),
                ['lt: metadataOptions.httpTokens is optional; IMDSv1 hands the instance role to any request forgery. Set it to "required".'],
            );
            assert.match(
                messages(await capacity(template({ metadataOptions: undefined })).check(ecsContainerInstanceImdsv2))[0]!,
                /httpTokens is unset \(the AMI's default\)/,
            );
        });
        it("at preview, an unknown setting is unverifiable and not accepted", async () => {
            const lt = template({ metadataOptions: { httpTokens: UNKNOWN.string, httpPutResponseHopLimit: 1 } });
            assert.deepEqual(messages(await capacity(lt).check(ecsContainerInstanceImdsv2)), [
                "lt: metadataOptions.httpTokens is unknown at preview: unverifiable, so not accepted.",
            ]);
        });
    });

    describe("ecs-container-instance-hop-limit", () => {
        it("fails a hop limit above 1 and user data that lets awsvpc tasks reach IMDS", async () => {
            assert.match(
                messages(
                    await capacity(template({ metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } })).check(ecsContainerInstanceHopLimit),
                )[0]!,
                /^lt: metadataOptions\.httpPutResponseHopLimit is 2; containers can fetch the instance role's credentials\. Set it to 1\.$/,
            );
            const open = Buffer.from("#!/bin/bash\necho ECS_CLUSTER=web-dev >> /etc/ecs/ecs.config\n").toString("base64");
            assert.deepEqual(messages(await capacity(template({ userData: open })).check(ecsContainerInstanceHopLimit)), [
                "lt: user data does not set ECS_AWSVPC_BLOCK_IMDS=true; awsvpc tasks can reach the instance metadata service and its role.",
            ]);
        });
    });

    describe("ecs-container-instance-no-public-ip", () => {
        it("fails a template interface, launch configuration or instance with a public IP", async () => {
            const lt = template({ networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true" }] });
            assert.deepEqual(messages(await capacity(lt).check(ecsContainerInstanceNoPublicIp)), [
                "lt: associates a public IP address; container instances belong in private subnets without one.",
            ]);
            const lc = privateNetwork(new StackBuilder())
                .add("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: true, userData: "ECS_CLUSTER=web" })
                .add(ASG, "asg", { vpcZoneIdentifiers: ["subnet-private"] }, { vpcZoneIdentifiers: ["private"], launchConfiguration: ["lc"] });
            assert.equal(messages(await lc.check(ecsContainerInstanceNoPublicIp)).length, 1);
        });
    });

    describe("ecs-container-instance-ebs-encrypted", () => {
        it("fails an unencrypted volume, and a template that leaves the root volume to the AMI unless the account encrypts by default", async () => {
            const plain = template({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 30, encrypted: "false" } }] });
            assert.deepEqual(messages(await capacity(plain).check(ecsContainerInstanceEbsEncrypted)), [
                "lt: blockDeviceMappings[0] (/dev/xvda) is not encrypted; set encrypted to true.",
            ]);
            const none = capacity(template({ blockDeviceMappings: undefined }));
            assert.match(
                messages(await none.check(ecsContainerInstanceEbsEncrypted))[0]!,
                /^lt: declares no volumes: the root volume takes the AMI snapshot's/,
            );
            assert.deepEqual(
                await none.check(ecsContainerInstanceEbsEncrypted, { "ecs-container-instance-ebs-encrypted": { accountEncryptsEbsByDefault: true } }),
                [],
            );
        });
        it("reads instances' root and EBS devices", async () => {
            const instance = privateNetwork(new StackBuilder()).add(
                "aws:ec2/instance:Instance",
                "worker",
                {
                    subnetId: "subnet-private",
                    userData: "ECS_CLUSTER=web",
                    rootBlockDevice: { encrypted: true },
                    ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }],
                },
                { subnetId: ["private"] },
            );
            assert.deepEqual(messages(await instance.check(ecsContainerInstanceEbsEncrypted)), [
                "worker: ebsBlockDevices[0] is not encrypted; set encrypted to true.",
            ]);
        });
    });

    describe("ecs-container-instance-private-subnets", () => {
        it("follows the group's subnets through the route graph", async () => {
            assert.deepEqual(messages(await capacity(template(), { subnet: "public" }).check(ecsContainerInstancePrivateSubnets)), [
                "asg: launches instances in subnet public, which is public: route public-default in public-rt sends 0.0.0.0/0 to an internet gateway (igw).",
            ]);
        });
        it("refuses subnets outside the stack until the policy config allowlists them", async () => {
            const outside = capacity(template(), { asg: { vpcZoneIdentifiers: ["subnet-0abc"] } });
            // The graph still names the stack's private subnet; the extra id is outside.
            assert.deepEqual(messages(await outside.check(ecsContainerInstancePrivateSubnets)), [
                "asg: subnet subnet-0abc is not in this stack and not in approvedPrivateSubnetIds: unverifiable, so not accepted.",
            ]);
            assert.deepEqual(
                await outside.check(ecsContainerInstancePrivateSubnets, {
                    "ecs-container-instance-private-subnets": { approvedPrivateSubnetIds: ["subnet-0abc"] },
                }),
                [],
            );
        });
        it("at preview, unknown subnet ids are proven through the graph", async () => {
            const preview = capacity(template(), { asg: { vpcZoneIdentifiers: [UNKNOWN.string] } });
            assert.deepEqual(await preview.check(ecsContainerInstancePrivateSubnets), []);
        });
    });

    describe("ecs-container-instance-role-scoped", () => {
        it("refuses the AWS-managed instance policy unless the policy config gives the reason", async () => {
            const managed = capacity(template(), { managed: MANAGED });
            assert.deepEqual(messages(await managed.check(ecsContainerInstanceRoleScoped)), [
                `instance-role: instance role instance-role attaches ${MANAGED}, which grants every cluster, repository and log group; scope it to this cluster, or give managedPolicyReason in the policy config.`,
            ]);
            const reason = {
                "ecs-container-instance-role-scoped": { managedPolicyReason: "bridge-mode tasks without execution roles pull with the instance role" },
            };
            assert.deepEqual(await managed.check(ecsContainerInstanceRoleScoped, reason), []);
            const other = capacity(template(), { managed: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" });
            assert.match(
                messages(await other.check(ecsContainerInstanceRoleScoped, reason))[0]!,
                /attaches arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess; the instance runs the ECS agent/,
            );
        });
        it("refuses grants the agent does not use (the tasks have their own roles)", async () => {
            const extra = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: ["ecs:Poll", "s3:GetObject"], Resource: ["arn:aws:s3:::data/*"] }],
            });
            assert.deepEqual(messages(await capacity(template(), { rolePolicy: extra }).check(ecsContainerInstanceRoleScoped)), [
                "instance-role: instance role instance-role (instance-policy) allows s3:GetObject, which the ECS agent does not call; tasks get their own roles.",
            ]);
        });
        it("at preview, an unknown policy document is unverifiable, not passed", async () => {
            assert.deepEqual(messages(await capacity(template(), { rolePolicy: UNKNOWN.string }).check(ecsContainerInstanceRoleScoped)), [
                "instance-role: a policy of instance role instance-role is unknown at preview: unverifiable, so not accepted.",
            ]);
        });
    });
});
