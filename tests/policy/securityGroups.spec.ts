import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsServiceSecurityGroups } from "../../policy/rules/service";
import { securityGroupNoWorldEgressAllPorts, securityGroupRuleDescription } from "../../policy/rules/securityGroups";
import { check, checkRaw, messages, SERVICE } from "./harness";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

describe("policy: security groups", () => {
    describe("security-group-no-world-egress-all-ports", () => {
        it("passes HTTPS out to the world, and all traffic to another security group", async () => {
            assert.deepEqual(
                await checkRaw(securityGroupNoWorldEgressAllPorts, EGRESS, {
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4: "0.0.0.0/0",
                }),
                [],
            );
            assert.deepEqual(
                await checkRaw(securityGroupNoWorldEgressAllPorts, EGRESS, {
                    ipProtocol: "-1",
                    referencedSecurityGroupId: UNKNOWN.string,
                }),
                [],
            );
            assert.deepEqual(
                await check(securityGroupNoWorldEgressAllPorts, aws.ec2.SecurityGroup, {
                    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }],
                }),
                [],
            );
        });
        it("fails all traffic out to 0.0.0.0/0 or ::/0 in every shape", async () => {
            assert.deepEqual(
                messages(
                    await check(securityGroupNoWorldEgressAllPorts, aws.ec2.SecurityGroup, {
                        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }],
                    }),
                ),
                ["subject: egress[0] allows all traffic out to the whole internet (0.0.0.0/0, ::/0); allow only the ports the workload calls (e.g. tcp 443)."],
            );
            assert.match(
                messages(
                    await checkRaw(securityGroupNoWorldEgressAllPorts, SG_RULE, {
                        type: "egress",
                        protocol: "tcp",
                        fromPort: 0,
                        toPort: 65535,
                        cidrBlocks: ["0.0.0.0/0"],
                    }),
                )[0]!,
                /this egress rule allows tcp 0-65535 out to the whole internet/,
            );
            assert.equal((await checkRaw(securityGroupNoWorldEgressAllPorts, EGRESS, { ipProtocol: "-1", cidrIpv6: "::/0" })).length, 1);
        });
        it("an inline rule list still unknown at preview is undecided, not a pass", async () => {
            const [v] = await checkRaw(securityGroupNoWorldEgressAllPorts, SG, { egress: UNKNOWN.array });
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /string value at .egress can't be known during preview/);
        });
        it("ingress rules are not its business", async () => {
            assert.deepEqual(
                await checkRaw(securityGroupNoWorldEgressAllPorts, SG_RULE, {
                    type: "ingress",
                    protocol: "-1",
                    fromPort: 0,
                    toPort: 0,
                    cidrBlocks: ["0.0.0.0/0"],
                }),
                [],
            );
        });
    });

    describe("security-group-rule-description", () => {
        it("passes described rules; the group's own description is not judged (the provider's `Managed by Pulumi` default is fine)", async () => {
            assert.deepEqual(
                await check(securityGroupRuleDescription, aws.ec2.SecurityGroup, {
                    description: "Managed by Pulumi",
                    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS from the internet" }],
                }),
                [],
            );
            assert.deepEqual(await check(securityGroupRuleDescription, aws.ec2.SecurityGroup, {}), []);
            assert.deepEqual(
                await checkRaw(securityGroupRuleDescription, INGRESS, {
                    ipProtocol: "tcp",
                    fromPort: 8080,
                    toPort: 8080,
                    description: UNKNOWN.string,
                }),
                [],
            );
        });
        it("fails rules without a description, in every shape, egress too", async () => {
            assert.deepEqual(
                messages(
                    await check(securityGroupRuleDescription, aws.ec2.SecurityGroup, {
                        ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" }],
                        egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "" }],
                    }),
                ),
                ["subject: egress[0] (egress tcp 443) has no description; say why it exists."],
            );
            assert.deepEqual(messages(await checkRaw(securityGroupRuleDescription, EGRESS, { ipProtocol: "-1", cidrIpv4: "10.0.0.0/8" })), [
                "subject: this egress rule (egress all traffic) has no description; say why it exists.",
            ]);
            assert.deepEqual(
                messages(
                    await checkRaw(securityGroupRuleDescription, SG_RULE, {
                        type: "ingress",
                        protocol: "tcp",
                        fromPort: 22,
                        toPort: 22,
                    }),
                ),
                ["subject: this ingress rule (ingress tcp 22) has no description; say why it exists."],
            );
        });
    });

    describe("ecs-service-security-groups", () => {
        it("passes a service that names its security groups, even as ids unknown at preview", async () => {
            assert.deepEqual(
                await checkRaw(ecsServiceSecurityGroups, SERVICE, { networkConfiguration: { subnets: ["subnet-1"], securityGroups: [UNKNOWN.string] } }),
                [],
            );
            assert.deepEqual(
                await checkRaw(ecsServiceSecurityGroups, SERVICE, { networkConfiguration: { subnets: ["subnet-1"], securityGroups: UNKNOWN.array } }),
                [],
            );
            assert.deepEqual(await checkRaw(ecsServiceSecurityGroups, SERVICE, { launchType: "EC2" }), [], "bridge-mode services take no security groups");
        });
        it("fails a service without security groups, omitted or an empty list", async () => {
            assert.deepEqual(messages(await checkRaw(ecsServiceSecurityGroups, SERVICE, { networkConfiguration: { subnets: ["subnet-1"] } })), [
                "subject: networkConfiguration.securityGroups is unset; its tasks get the VPC's default security group. Name a group that admits only the load balancer.",
            ]);
            assert.match(
                messages(
                    await checkRaw(ecsServiceSecurityGroups, "aws:ecs/taskSet:TaskSet", {
                        networkConfiguration: { subnets: ["subnet-1"], securityGroups: [] },
                    }),
                )[0]!,
                /securityGroups is empty; its tasks get the VPC's default security group/,
            );
        });
    });
});
