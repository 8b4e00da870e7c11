import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsServiceSecurityGroups } from "../../policy/rules/service";
import {
    ecsTaskIngressFromAlbOnly,
    securityGroupNoWorldEgressAllPorts,
    securityGroupNoWorldIngress,
    securityGroupRuleDescription,
} from "../../policy/rules/securityGroups";
import { openSecurityGroup } from "./fixtures";
import { check, checkRaw, messages, SERVICE, StackBuilder } from "./harness";

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

    describe("security-group-no-world-ingress", () => {
        it("passes 80/443 from the world and SG-sourced rules", async () => {
            assert.deepEqual(
                await check(securityGroupNoWorldIngress, aws.ec2.SecurityGroup, {
                    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
                }),
                [],
            );
            assert.deepEqual(
                await check(securityGroupNoWorldIngress, aws.vpc.SecurityGroupIngressRule, {
                    securityGroupId: "sg-0",
                    ipProtocol: "tcp",
                    fromPort: 8080,
                    toPort: 8080,
                    referencedSecurityGroupId: "sg-1",
                }),
                [],
            );
        });
        it("fails the tutorial SG open on all ports, and world SSH by any attachment path", async () => {
            assert.deepEqual(messages(await check(securityGroupNoWorldIngress, aws.ec2.SecurityGroup, openSecurityGroup)), [
                "subject: ingress from the whole internet on all ports; allowed from the world: ports 80, 443 only. Use a security group source instead.",
            ]);
            assert.match(
                messages(
                    await checkRaw(securityGroupNoWorldIngress, "aws:ec2/securityGroupRule:SecurityGroupRule", {
                        type: "ingress",
                        protocol: "tcp",
                        fromPort: 22,
                        toPort: 22,
                        cidrBlocks: ["0.0.0.0/0"],
                    }),
                )[0]!,
                /on port 22/,
            );
            assert.match(
                messages(
                    await checkRaw(securityGroupNoWorldIngress, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                        ipProtocol: "tcp",
                        fromPort: 3000,
                        toPort: 3999,
                        cidrIpv6: "::/0",
                    }),
                )[0]!,
                /on ports 3000-3999/,
            );
        });
        it("treats every /0 spelling of IPv6 (and IPv4) as the world, inline, as rules, and on the default group", async () => {
            const ssh = (cidrs: Record<string, unknown>) => ({ ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ...cidrs }] });
            for (const cidrs of [
                { ipv6CidrBlocks: ["::/0"] },
                { ipv6CidrBlocks: ["::0/0"] },
                { ipv6CidrBlocks: ["0:0:0:0:0:0:0:0/0"] },
                { ipv6CidrBlocks: ["0000:0000:0000:0000:0000:0000:0000:0000/0"] },
                { cidrBlocks: ["10.0.0.0/0"] },
            ]) {
                assert.deepEqual(
                    messages(await checkRaw(securityGroupNoWorldIngress, "aws:ec2/securityGroup:SecurityGroup", ssh(cidrs))),
                    ["subject: ingress from the whole internet on port 22; allowed from the world: ports 80, 443 only. Use a security group source instead."],
                    JSON.stringify(cidrs),
                );
            }
            assert.equal(
                (await checkRaw(securityGroupNoWorldIngress, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", ssh({ ipv6CidrBlocks: ["::/0"] }))).length,
                1,
            );
            assert.equal(
                (
                    await checkRaw(securityGroupNoWorldIngress, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", {
                        ipProtocol: "-1",
                        cidrIpv6: "::0/0",
                    })
                ).length,
                1,
            );
            assert.deepEqual(
                await checkRaw(securityGroupNoWorldIngress, "aws:ec2/securityGroup:SecurityGroup", ssh({ ipv6CidrBlocks: ["2001:db8::/32"] })),
                [],
            );
        });
        it("allowed world ports come from config", async () => {
            const props: aws.ec2.SecurityGroupArgs = { ingress: [{ protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/0"] }] };
            assert.equal((await check(securityGroupNoWorldIngress, aws.ec2.SecurityGroup, props)).length, 1);
            assert.deepEqual(
                await check(securityGroupNoWorldIngress, aws.ec2.SecurityGroup, props, {
                    "security-group-no-world-ingress": { allowedWorldPorts: [8443] },
                }),
                [],
            );
        });
    });

    describe("ecs-task-ingress-from-alb-only (graph)", () => {
        const stack = (taskRule: Record<string, unknown>, ruleDeps: Record<string, string[]>) =>
            new StackBuilder()
                .add("aws:ec2/securityGroup:SecurityGroup", "alb-sg", {})
                .add("aws:ec2/securityGroup:SecurityGroup", "task-sg", {})
                .add("aws:ec2/securityGroup:SecurityGroup", "bastion-sg", {})
                .add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "task-in", taskRule, { securityGroupId: ["task-sg"], ...ruleDeps })
                .add("aws:lb/loadBalancer:LoadBalancer", "alb", {}, { securityGroups: ["alb-sg"] })
                .add("aws:lb/targetGroup:TargetGroup", "tg", {})
                .add("aws:lb/listener:Listener", "http", {}, { loadBalancerArn: ["alb"], defaultActions: ["tg"] })
                .add(SERVICE, "svc", { loadBalancers: [{ containerPort: 8080 }] }, { networkConfiguration: ["task-sg"], loadBalancers: ["tg"] });

        it("passes ingress from the ALB's SG on the container port", async () => {
            assert.deepEqual(await stack({ fromPort: 8080, toPort: 8080 }, { referencedSecurityGroupId: ["alb-sg"] }).check(ecsTaskIngressFromAlbOnly), []);
        });
        it("fails ingress from another SG, from a CIDR, or on another port", async () => {
            assert.match(
                messages(await stack({ fromPort: 8080, toPort: 8080 }, { referencedSecurityGroupId: ["bastion-sg"] }).check(ecsTaskIngressFromAlbOnly))[0]!,
                /accepts ingress from bastion-sg, which is not the service's load balancer/,
            );
            assert.match(
                messages(await stack({ fromPort: 8080, toPort: 8080, cidrIpv4: "10.0.0.0/8" }, {}).check(ecsTaskIngressFromAlbOnly))[0]!,
                /accepts ingress from a CIDR \(task-in\)/,
            );
            assert.match(
                messages(await stack({ fromPort: 0, toPort: 65535 }, { referencedSecurityGroupId: ["alb-sg"] }).check(ecsTaskIngressFromAlbOnly))[0]!,
                /opens ports 0-65535 \(task-in\); allowed: the container port 8080 only/,
            );
        });
        it("names each inline rule by its index, so two open rules on one group are two findings, each said once", async () => {
            // Before, every inline rule was "<group> inline rule": two CIDR rules gave one text twice.
            const b = new StackBuilder()
                .add("aws:ec2/securityGroup:SecurityGroup", "alb-sg", {})
                .add("aws:ec2/securityGroup:SecurityGroup", "task-sg", {
                    ingress: [
                        { protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] },
                        { protocol: "tcp", fromPort: 8080, toPort: 8080, ipv6CidrBlocks: ["::/0"] },
                    ],
                })
                .add("aws:lb/loadBalancer:LoadBalancer", "alb", {}, { securityGroups: ["alb-sg"] })
                .add("aws:lb/targetGroup:TargetGroup", "tg", {})
                .add("aws:lb/listener:Listener", "http", {}, { loadBalancerArn: ["alb"], defaultActions: ["tg"] })
                .add(SERVICE, "svc", { loadBalancers: [{ containerPort: 8080 }] }, { networkConfiguration: ["task-sg"], loadBalancers: ["tg"] });
            assert.deepEqual(messages(await b.check(ecsTaskIngressFromAlbOnly)), [
                "svc: task security group task-sg accepts ingress from a CIDR (task-sg ingress[0]); allowed: the ALB security group only.",
                "svc: task security group task-sg accepts ingress from a CIDR (task-sg ingress[1]); allowed: the ALB security group only.",
            ]);
        });
        it("a group named twice among a rule's sources is named once", async () => {
            const b = new StackBuilder()
                .add("aws:ec2/securityGroup:SecurityGroup", "alb-sg", {})
                .add("aws:ec2/securityGroup:SecurityGroup", "task-sg", {
                    id: "sg-0task",
                    ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, self: true, securityGroups: ["sg-0task"] }],
                })
                .add("aws:lb/loadBalancer:LoadBalancer", "alb", {}, { securityGroups: ["alb-sg"] })
                .add("aws:lb/targetGroup:TargetGroup", "tg", {})
                .add("aws:lb/listener:Listener", "http", {}, { loadBalancerArn: ["alb"], defaultActions: ["tg"] })
                .add(SERVICE, "svc", { loadBalancers: [{ containerPort: 8080 }] }, { networkConfiguration: ["task-sg"], loadBalancers: ["tg"] });
            assert.deepEqual(messages(await b.check(ecsTaskIngressFromAlbOnly)), [
                "svc: task security group task-sg accepts ingress from task-sg, which is not the service's load balancer.",
            ]);
        });
    });
});
