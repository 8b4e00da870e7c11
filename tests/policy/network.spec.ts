import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecsFargatePlatformVersion, ecsServiceNoPublicIp, ecsServicePrivateSubnets } from "../../policy/rules/service";
import { ecsTaskAwsvpcNetworkMode } from "../../policy/rules/taskDefinition";
import { ecsTaskIngressFromAlbOnly, securityGroupNoWorldIngress } from "../../policy/rules/securityGroups";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { goodContainer, openSecurityGroup, taskDefinition } from "./fixtures";
import { check, checkRaw, messages, privateNetwork, SERVICE, StackBuilder } from "./harness";

const service = (assignPublicIp: boolean, extra: aws.ecs.ServiceArgs = {}): aws.ecs.ServiceArgs => ({
    networkConfiguration: { subnets: ["subnet-private"], assignPublicIp },
    ...extra,
});

describe("policy: network", () => {
    describe("ecs-service-no-public-ip", () => {
        it("passes a service without public IPs", async () => {
            assert.deepEqual(await check(ecsServiceNoPublicIp, aws.ecs.Service, service(false)), []);
        });
        it("fails assignPublicIp: true and the tutorial's ENABLED, on services and task sets", async () => {
            assert.deepEqual(messages(await check(ecsServiceNoPublicIp, aws.ecs.Service, service(true))), [
                "subject: networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets.",
            ]);
            assert.match(
                messages(
                    await checkRaw(ecsServiceNoPublicIp, "aws:ecs/taskSet:TaskSet", {
                        networkConfiguration: { subnets: ["subnet-private"], assignPublicIp: "ENABLED" },
                    }),
                )[0]!,
                /assignPublicIp is ENABLED/,
            );
        });
        it("typed fixtures refuse a misspelt property at compile time (it would pass for the wrong reason)", async () => {
            // @ts-expect-error assignPublicIP is not a property of ServiceNetworkConfiguration: tsc fails if this ever compiles.
            const misspelt: aws.ecs.ServiceArgs = { networkConfiguration: { subnets: ["subnet-private"], assignPublicIP: true } };
            assert.deepEqual(await check(ecsServiceNoPublicIp, aws.ecs.Service, misspelt), []);
        });
        it("remediates to assignPublicIp: false when set to remediate", async () => {
            const b = new StackBuilder().add(aws.ecs.Service, "svc", service(true));
            const { evaluatePolicies } = await import("./harness");
            const result = await evaluatePolicies([ecsServiceNoPublicIp], b.records, { "ecs-service-no-public-ip": "remediate" });
            assert.deepEqual(result.violations, []);
            assert.deepEqual((result.remediations[0]!.after.networkConfiguration as Record<string, unknown>).assignPublicIp, false);
        });
    });

    describe("ecs-task-awsvpc-network-mode", () => {
        it("passes awsvpc and fails bridge", async () => {
            assert.deepEqual(await check(ecsTaskAwsvpcNetworkMode, aws.ecs.TaskDefinition, taskDefinition([goodContainer], { networkMode: "awsvpc" })), []);
            assert.deepEqual(
                messages(await check(ecsTaskAwsvpcNetworkMode, aws.ecs.TaskDefinition, taskDefinition([goodContainer], { networkMode: "bridge" }))),
                ['subject: networkMode is bridge; set it to "awsvpc".'],
            );
        });
    });

    describe("ecs-fargate-platform-version", () => {
        it("passes unset, LATEST, 1.4.0; fails 1.3.0", async () => {
            for (const v of [undefined, "LATEST", "1.4.0", "2.0.0"])
                assert.deepEqual(await check(ecsFargatePlatformVersion, aws.ecs.Service, { platformVersion: v }), [], String(v));
            assert.match(
                messages(await check(ecsFargatePlatformVersion, aws.ecs.Service, { platformVersion: "1.3.0" }))[0]!,
                /platformVersion 1.3.0 is older than 1.4.0/,
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

    describe("ecs-service-private-subnets (graph proof)", () => {
        const withService = (subnet: string) =>
            privateNetwork(new StackBuilder()).add(
                SERVICE,
                "svc",
                { networkConfiguration: { subnets: [`subnet-${subnet}`] } },
                { networkConfiguration: [subnet] },
            );

        it("proves a subnet private through its route table's NAT route", async () => {
            assert.deepEqual(await withService("private").check(ecsServicePrivateSubnets), []);
        });
        it("fails a subnet whose default route goes to the internet gateway", async () => {
            assert.deepEqual(messages(await withService("public").check(ecsServicePrivateSubnets)), [
                "svc: runs in subnet public, which is public: route public-default in public-rt sends 0.0.0.0/0 to an internet gateway (igw). Use a private subnet.",
            ]);
        });
        it("fails a subnet that maps public IPs on launch", async () => {
            const b = privateNetwork(new StackBuilder())
                .add("aws:ec2/subnet:Subnet", "leaky", { mapPublicIpOnLaunch: true })
                .add(SERVICE, "svc", {}, { networkConfiguration: ["leaky"] });
            assert.match(messages(await b.check(ecsServicePrivateSubnets))[0]!, /subnet leaky, which is public: mapPublicIpOnLaunch is true/);
        });
        it("reports a stack subnet with no route table association as unverifiable, not as passing", async () => {
            const b = new StackBuilder()
                .add("aws:ec2/subnet:Subnet", "orphan", { mapPublicIpOnLaunch: false })
                .add(SERVICE, "svc", {}, { networkConfiguration: ["orphan"] });
            assert.match(messages(await b.check(ecsServicePrivateSubnets))[0]!, /cannot be proven private: no route table association in this stack/);
        });
        it("subnets from outside the stack must be allowlisted", async () => {
            const b = new StackBuilder().add(SERVICE, "svc", { networkConfiguration: { subnets: ["subnet-0aaa1111bbbb22223"] } });
            assert.match(
                messages(await b.check(ecsServicePrivateSubnets))[0]!,
                /subnet subnet-0aaa1111bbbb22223 is not in this stack and not in approvedPrivateSubnetIds: unverifiable/,
            );
            assert.deepEqual(
                await b.check(ecsServicePrivateSubnets, { "ecs-service-private-subnets": { approvedPrivateSubnetIds: ["subnet-0aaa1111bbbb22223"] } }),
                [],
            );
        });
        it("at preview, unknown subnet ids still get a verdict from the dependency graph", async () => {
            const b = privateNetwork(new StackBuilder()).add(
                SERVICE,
                "svc",
                { networkConfiguration: { subnets: [UNKNOWN.string] } },
                { networkConfiguration: ["public"] },
            );
            assert.match(messages(await b.check(ecsServicePrivateSubnets))[0]!, /^svc: runs in subnet public, which is public/);
            const alone = new StackBuilder().add(SERVICE, "svc", { networkConfiguration: { subnets: UNKNOWN.array } });
            const [v] = await alone.check(ecsServicePrivateSubnets);
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /can't run policy 'ecs-service-private-subnets' .* during preview/);
        });
        it("follows a subnet given as a plain id value to the stack's subnet", async () => {
            const b = privateNetwork(new StackBuilder()).add(SERVICE, "svc", { networkConfiguration: { subnets: ["subnet-public"] } });
            assert.match(messages(await b.check(ecsServicePrivateSubnets))[0]!, /subnet public, which is public/);
        });
    });

    describe("ecs-service-private-subnets through a NAT instance, at preview and after up", () => {
        type Phase = "preview" | "up";
        const known = (phase: Phase, value: string) => (phase === "preview" ? UNKNOWN.string : value);
        /** Public and private subnet; the private table sends 0.0.0.0/0 to the NAT instance's primary ENI. */
        const natInstanceNetwork = (phase: Phase) =>
            new StackBuilder()
                .add("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" })
                .add("aws:ec2/internetGateway:InternetGateway", "igw", { id: known(phase, "igw-0abc") }, { vpcId: ["vpc"] })
                .add("aws:ec2/subnet:Subnet", "public", { mapPublicIpOnLaunch: false, id: known(phase, "subnet-public") }, { vpcId: ["vpc"] })
                .add("aws:ec2/subnet:Subnet", "private", { mapPublicIpOnLaunch: false, id: known(phase, "subnet-private") }, { vpcId: ["vpc"] })
                .add(
                    "aws:ec2/instance:Instance",
                    "nat-instance",
                    { sourceDestCheck: false, associatePublicIpAddress: true, primaryNetworkInterfaceId: known(phase, "eni-0nat") },
                    { subnetId: ["public"] },
                )
                .add("aws:ec2/routeTable:RouteTable", "public-rt", {}, { vpcId: ["vpc"] })
                .add(
                    "aws:ec2/route:Route",
                    "public-default",
                    { destinationCidrBlock: "0.0.0.0/0", gatewayId: known(phase, "igw-0abc") },
                    { routeTableId: ["public-rt"], gatewayId: ["igw"] },
                )
                .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-assoc", {}, { subnetId: ["public"], routeTableId: ["public-rt"] })
                .add("aws:ec2/routeTable:RouteTable", "private-rt", {}, { vpcId: ["vpc"] })
                .add(
                    "aws:ec2/route:Route",
                    "private-default",
                    { destinationCidrBlock: "0.0.0.0/0", networkInterfaceId: known(phase, "eni-0nat") },
                    { routeTableId: ["private-rt"], networkInterfaceId: ["nat-instance"] },
                )
                .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "private-assoc", {}, { subnetId: ["private"], routeTableId: ["private-rt"] });
        const serviceIn = (b: StackBuilder, phase: Phase, subnet: string) =>
            b.add(SERVICE, "svc", { networkConfiguration: { subnets: [known(phase, `subnet-${subnet}`)] } }, { networkConfiguration: [subnet] });

        for (const phase of ["preview", "up"] as const) {
            it(`${phase}: a route to the NAT instance's ENI is not an internet gateway: the task subnet is proven private`, async () => {
                assert.deepEqual(await serviceIn(natInstanceNetwork(phase), phase, "private").check(ecsServicePrivateSubnets), []);
            });
            it(`${phase}: the NAT instance's own subnet is public (its table routes to the internet gateway)`, async () => {
                assert.deepEqual(messages(await serviceIn(natInstanceNetwork(phase), phase, "public").check(ecsServicePrivateSubnets)), [
                    `svc: runs in subnet public, which is public: route public-default in public-rt sends 0.0.0.0/0 to an internet gateway (igw). Use a private subnet.`,
                ]);
            });
            it(`${phase}: an instance route does not hide a second route to the internet gateway`, async () => {
                const b = natInstanceNetwork(phase).add(
                    "aws:ec2/route:Route",
                    "private-leak",
                    { destinationCidrBlock: "203.0.113.0/24", gatewayId: known(phase, "igw-0abc") },
                    { routeTableId: ["private-rt"], gatewayId: ["igw"] },
                );
                assert.deepEqual(messages(await serviceIn(b, phase, "private").check(ecsServicePrivateSubnets)), [
                    `svc: runs in subnet private, which is public: route private-leak in private-rt sends 203.0.113.0/24 to an internet gateway (igw). Use a private subnet.`,
                ]);
            });
        }
        it("a private table with no default route at all (VPC endpoints only) is private", async () => {
            const b = privateNetwork(new StackBuilder());
            b.records.splice(
                b.records.findIndex((r) => r.name === "private-default"),
                1,
            );
            b.add(
                "aws:ec2/vpcEndpoint:VpcEndpoint",
                "s3",
                { vpcEndpointType: "Gateway", serviceName: "com.amazonaws.us-east-1.s3" },
                { routeTableIds: ["private-rt"] },
            );
            assert.deepEqual(await serviceIn(b, "up", "private").check(ecsServicePrivateSubnets), []);
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
