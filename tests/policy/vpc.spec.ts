import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { subnetNoAutoPublicIp, vpcDefaultSecurityGroupClosed, vpcFlowLogs } from "../../policy/rules/vpc";
import { check, checkRaw, messages, StackBuilder } from "./harness";

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

describe("policy: vpc", () => {
    describe("subnet-no-auto-public-ip", () => {
        it("passes a subnet that assigns no public IPs, omitted or filled in by the provider", async () => {
            assert.deepEqual(await check(subnetNoAutoPublicIp, aws.ec2.Subnet, { vpcId: UNKNOWN.string, cidrBlock: "10.0.0.0/24" }), []);
            assert.deepEqual(await check(subnetNoAutoPublicIp, aws.ec2.Subnet, { vpcId: UNKNOWN.string, mapPublicIpOnLaunch: false }), []);
        });
        it("fails a public subnet that auto-assigns public IPs", async () => {
            assert.deepEqual(messages(await checkRaw(subnetNoAutoPublicIp, SUBNET, { mapPublicIpOnLaunch: true })), [
                "subject: mapPublicIpOnLaunch is true; every instance or task launched here gets a public IP. Set it to false.",
            ]);
        });
    });

    describe("vpc-default-security-group-closed (graph)", () => {
        it("passes a VPC whose default group is adopted without rules (vpcId edge at preview, id value after up)", async () => {
            const atPreview = new StackBuilder()
                .add(VPC, "vpc", { id: UNKNOWN.string })
                .add(DEFAULT_SG, "closed", { vpcId: UNKNOWN.string }, { vpcId: ["vpc"] });
            assert.deepEqual(await atPreview.check(vpcDefaultSecurityGroupClosed), []);
            const afterUp = new StackBuilder().add(VPC, "vpc", { id: "vpc-0abc" }).add(DEFAULT_SG, "closed", { vpcId: "vpc-0abc", ingress: [], egress: [] });
            assert.deepEqual(await afterUp.check(vpcDefaultSecurityGroupClosed), []);
        });
        it("fails a VPC that leaves its default group alone", async () => {
            assert.deepEqual(messages(await new StackBuilder().add(VPC, "vpc", {}).check(vpcDefaultSecurityGroupClosed)), [
                "vpc: leaves its default security group with AWS's rules (all traffic within the group, all egress); adopt it with an aws.ec2.DefaultSecurityGroup without rules.",
            ]);
        });
        it("fails a default group that keeps rules, inline or attached", async () => {
            const b = new StackBuilder()
                .add(VPC, "vpc", {})
                .add(DEFAULT_SG, "default", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] }, { vpcId: ["vpc"] })
                .add(
                    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                    "out",
                    { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" },
                    { securityGroupId: ["default"] },
                );
            assert.deepEqual(messages(await b.check(vpcDefaultSecurityGroupClosed)), [
                "default: the VPC's default security group keeps rules: ingress[0] (ingress all traffic), out; remove them so it admits nothing.",
            ]);
        });
    });

    describe("vpc-flow-logs (graph)", () => {
        it("passes a VPC with a flow log", async () => {
            const b = new StackBuilder().add(VPC, "vpc", {}).add(FLOW_LOG, "flow", { trafficType: "ALL", vpcId: UNKNOWN.string }, { vpcId: ["vpc"] });
            assert.deepEqual(await b.check(vpcFlowLogs), []);
        });
        it("fails a VPC without one; a flow log on another VPC does not count", async () => {
            const b = new StackBuilder()
                .add(VPC, "a", {})
                .add(VPC, "b", {})
                .add(FLOW_LOG, "flow", { trafficType: "ALL" }, { vpcId: ["b"] });
            assert.deepEqual(messages(await b.check(vpcFlowLogs)), [
                "a: has no flow log; connections in and out leave no record. Add an aws.ec2.FlowLog for the VPC.",
            ]);
        });
    });
});
