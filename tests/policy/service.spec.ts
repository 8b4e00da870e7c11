import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecsFargatePlatformVersion, ecsServiceNoPublicIp, ecsServicePrivateSubnets } from "../../policy/rules/service";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { check, checkRaw, computed, messages, privateNetwork, SERVICE, StackBuilder, VALUE_FORMS, Values } from "./harness";

const service = (assignPublicIp: boolean, extra: aws.ecs.ServiceArgs = {}): aws.ecs.ServiceArgs => ({
    networkConfiguration: { subnets: ["subnet-private"], assignPublicIp },
    ...extra,
});

describe("policy: service", () => {
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

    describe("ecs-service-private-subnets through a NAT instance, with ids unknown (as at preview) or known (as after up)", () => {
        /** Public and private subnet; the private table sends 0.0.0.0/0 to the NAT instance's primary ENI. */
        const natInstanceNetwork = (values: Values) =>
            new StackBuilder()
                .add("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" })
                .add("aws:ec2/internetGateway:InternetGateway", "igw", { id: computed(values, "igw-0abc") }, { vpcId: ["vpc"] })
                .add("aws:ec2/subnet:Subnet", "public", { mapPublicIpOnLaunch: false, id: computed(values, "subnet-public") }, { vpcId: ["vpc"] })
                .add("aws:ec2/subnet:Subnet", "private", { mapPublicIpOnLaunch: false, id: computed(values, "subnet-private") }, { vpcId: ["vpc"] })
                .add(
                    "aws:ec2/instance:Instance",
                    "nat-instance",
                    { sourceDestCheck: false, associatePublicIpAddress: true, primaryNetworkInterfaceId: computed(values, "eni-0nat") },
                    { subnetId: ["public"] },
                )
                .add("aws:ec2/routeTable:RouteTable", "public-rt", {}, { vpcId: ["vpc"] })
                .add(
                    "aws:ec2/route:Route",
                    "public-default",
                    { destinationCidrBlock: "0.0.0.0/0", gatewayId: computed(values, "igw-0abc") },
                    { routeTableId: ["public-rt"], gatewayId: ["igw"] },
                )
                .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-assoc", {}, { subnetId: ["public"], routeTableId: ["public-rt"] })
                .add("aws:ec2/routeTable:RouteTable", "private-rt", {}, { vpcId: ["vpc"] })
                .add(
                    "aws:ec2/route:Route",
                    "private-default",
                    { destinationCidrBlock: "0.0.0.0/0", networkInterfaceId: computed(values, "eni-0nat") },
                    { routeTableId: ["private-rt"], networkInterfaceId: ["nat-instance"] },
                )
                .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "private-assoc", {}, { subnetId: ["private"], routeTableId: ["private-rt"] });
        const serviceIn = (b: StackBuilder, values: Values, subnet: string) =>
            b.add(SERVICE, "svc", { networkConfiguration: { subnets: [computed(values, `subnet-${subnet}`)] } }, { networkConfiguration: [subnet] });

        for (const values of VALUE_FORMS) {
            it(`${values} ids: a route to the NAT instance's ENI is not an internet gateway: the task subnet is proven private`, async () => {
                assert.deepEqual(await serviceIn(natInstanceNetwork(values), values, "private").check(ecsServicePrivateSubnets), []);
            });
            it(`${values} ids: the NAT instance's own subnet is public (its table routes to the internet gateway)`, async () => {
                assert.deepEqual(messages(await serviceIn(natInstanceNetwork(values), values, "public").check(ecsServicePrivateSubnets)), [
                    `svc: runs in subnet public, which is public: route public-default in public-rt sends 0.0.0.0/0 to an internet gateway (igw). Use a private subnet.`,
                ]);
            });
            it(`${values} ids: an instance route does not hide a second route to the internet gateway`, async () => {
                const b = natInstanceNetwork(values).add(
                    "aws:ec2/route:Route",
                    "private-leak",
                    { destinationCidrBlock: "203.0.113.0/24", gatewayId: computed(values, "igw-0abc") },
                    { routeTableId: ["private-rt"], gatewayId: ["igw"] },
                );
                assert.deepEqual(messages(await serviceIn(b, values, "private").check(ecsServicePrivateSubnets)), [
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
            assert.deepEqual(await serviceIn(b, "known", "private").check(ecsServicePrivateSubnets), []);
        });
    });
});
