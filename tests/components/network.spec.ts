// The egress modes under mocks: what each registers, the route targets, the NAT instance's
// hardening, the endpoints, and the tasks of a whole app staying private behind a NAT instance.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import { Network, NetworkArgs } from "../../components/network";
import { al2023AmiParameter } from "../../components/natInstance";
import { AwsMocks } from "../../plan/awsMocks";
import type { ResourceRecord } from "../../plan/types";
import { isTaggable } from "../../policy/rules/tagging";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const tags = { app: "web" };
const network = (egress: NetworkArgs["egress"], extra: Partial<NetworkArgs> = {}) =>
    record(() => new Network("web-dev", { vpcCidr: "10.0.0.0/16", azCount: 2, egress, tags, ...extra }));

const INSTANCE = "aws:ec2/instance:Instance";
const ROUTE = "aws:ec2/route:Route";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const privateDefaults = (resources: ResourceRecord[]) => ofType(resources, ROUTE).filter((r) => /private-\d+-default$/.test(r.name));
const subnet = (resources: ResourceRecord[], name: string) => one(resources, "aws:ec2/subnet:Subnet", name);
/** The AMI the mocks answer for AWS's public parameter (as AWS would: an id per parameter name). */
const amiFor = (arch: "arm64" | "x86_64") =>
    new AwsMocks().call({ token: "aws:ssm/getParameter:getParameter", inputs: { name: al2023AmiParameter(arch) }, provider: "" }).value;

describe("Network egress modes", () => {
    describe("nat-instance", () => {
        let resources: ResourceRecord[];
        before(async () => {
            resources = await network("nat-instance");
        });

        it("one hardened ARM instance in the first public subnet: public IP, source/dest check off, IMDSv2 only, no SSH key", () => {
            const nat = one(resources, INSTANCE);
            assert.equal(nat.inputs.instanceType, "t4g.nano");
            assert.equal(nat.inputs.subnetId, subnet(resources, "web-dev-public-0").outputs.id);
            assert.equal(nat.inputs.associatePublicIpAddress, true);
            assert.equal(nat.inputs.sourceDestCheck, false);
            assert.deepEqual(nat.inputs.metadataOptions, { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 });
            assert.equal(nat.inputs.keyName, undefined);
            assert.deepEqual(nat.inputs.maintenanceOptions, { autoRecovery: "default" });
            assert.deepEqual(nat.inputs.creditSpecification, { cpuCredits: "standard" });
            assert.deepEqual(nat.inputs.rootBlockDevice, { volumeType: "gp3", volumeSize: 8, encrypted: true, deleteOnTermination: true });
            assert.equal(nat.inputs.ami, amiFor("arm64"));
            assert.match(String(nat.inputs.userData), /-s 10\.0\.128\.0\/18 -j MASQUERADE/);
            assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length + ofType(resources, "aws:ec2/eip:Eip").length, 0);
        });

        it("every private table sends 0.0.0.0/0 to the instance's primary ENI, with the instance as the property dependency", () => {
            const nat = one(resources, INSTANCE);
            const routes = privateDefaults(resources);
            assert.equal(routes.length, 2);
            for (const route of routes) {
                assert.equal(route.inputs.destinationCidrBlock, "0.0.0.0/0");
                assert.equal(route.inputs.networkInterfaceId, nat.outputs.primaryNetworkInterfaceId);
                assert.match(String(route.inputs.networkInterfaceId), /^eni-/);
                assert.equal(route.inputs.gatewayId ?? route.inputs.natGatewayId, undefined);
                assert.deepEqual(route.propertyDependencies.networkInterfaceId, [nat.urn]);
            }
        });

        it("its security group accepts only the private subnets' CIDRs and egresses to the world on tcp 443 and 80 only", () => {
            const sg = one(resources, "aws:ec2/securityGroup:SecurityGroup", "web-dev-nat");
            assert.deepEqual(one(resources, INSTANCE).propertyDependencies.vpcSecurityGroupIds, [sg.urn]);
            const ingress = ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            assert.deepEqual(
                ingress.map((r) => [r.inputs.cidrIpv4, r.inputs.ipProtocol]),
                ["web-dev-private-0", "web-dev-private-1"].map((s) => [subnet(resources, s).inputs.cidrBlock, "-1"]),
            );
            assert.ok(ingress.every((r) => r.propertyDependencies.securityGroupId?.[0] === sg.urn));
            const egress = ofType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => [
                r.inputs.cidrIpv4,
                r.inputs.ipProtocol,
                r.inputs.fromPort,
                r.inputs.toPort,
            ]);
            assert.deepEqual(egress, [
                ["0.0.0.0/0", "tcp", 443, 443],
                ["0.0.0.0/0", "tcp", 80, 80],
            ]);
        });

        it("Session Manager instead of SSH: an EC2-trusted role with the agent's actions only, no managed policy", () => {
            const role = one(resources, "aws:iam/role:Role");
            assert.deepEqual((json(role.inputs.assumeRolePolicy) as { Statement: { Principal: unknown }[] }).Statement[0]!.Principal, {
                Service: "ec2.amazonaws.com",
            });
            const actions = (json(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy) as { Statement: { Action: string[] }[] }).Statement.flatMap(
                (s) => s.Action,
            );
            assert.ok(
                actions.every((a) => a.startsWith("ssmmessages:") || a === "ssm:UpdateInstanceInformation"),
                String(actions),
            );
            assert.equal(ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
            const profile = one(resources, "aws:iam/instanceProfile:InstanceProfile");
            assert.equal(one(resources, INSTANCE).inputs.iamInstanceProfile, profile.outputs.name);
        });

        it("an alarm reboots the instance when its own status check fails", () => {
            const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm");
            assert.deepEqual(alarm.inputs.dimensions, { InstanceId: one(resources, INSTANCE).outputs.id });
            assert.equal(alarm.inputs.metricName, "StatusCheckFailed_Instance");
            assert.deepEqual(alarm.inputs.alarmActions, ["arn:aws:automate:us-east-1:ec2:reboot"]);
        });

        it("an x86 instance type takes the x86 AMI", async () => {
            const x86 = await network("nat-instance", { natInstanceType: "t3.nano" });
            assert.deepEqual([one(x86, INSTANCE).inputs.instanceType, one(x86, INSTANCE).inputs.ami], ["t3.nano", amiFor("x86_64")]);
        });
    });

    it("every egress mode gets the free S3 gateway endpoint on the private route tables", async () => {
        for (const egress of ["nat-instance", "nat-single", "nat-per-az", "endpoints-only"] as const) {
            const resources = await network(egress);
            const s3 = one(resources, ENDPOINT);
            assert.deepEqual([s3.inputs.serviceName, s3.inputs.vpcEndpointType], ["com.amazonaws.us-east-1.s3", "Gateway"], egress);
            const privateTables = ofType(resources, "aws:ec2/routeTable:RouteTable").filter((t) => t.name.includes("private"));
            assert.deepEqual(
                s3.inputs.routeTableIds,
                privateTables.map((t) => t.outputs.id),
                egress,
            );
        }
    });

    it("in every egress mode, every resource of a type that takes tags carries the stack's tags (security group rules too)", async () => {
        for (const egress of ["nat-instance", "nat-per-az", "endpoints-only"] as const) {
            const taggable = (await network(egress, { interfaceEndpoints: ["logs"] })).filter((r) => isTaggable(r.type));
            assert.ok(
                taggable.some((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
                egress,
            );
            assert.deepEqual(
                taggable.filter((r) => (r.inputs.tags as Record<string, string> | undefined)?.app !== "web").map((r) => r.name),
                [],
                egress,
            );
        }
    });

    it("endpoints-only: no NAT and no default route; interface endpoints in the private subnets behind HTTPS from them only", async () => {
        const resources = await network("endpoints-only", { interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"] });
        assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length + ofType(resources, INSTANCE).length, 0);
        assert.deepEqual(privateDefaults(resources), []);
        const interfaces = ofType(resources, ENDPOINT).filter((e) => e.inputs.vpcEndpointType === "Interface");
        assert.deepEqual(
            interfaces.map((e) => e.inputs.serviceName),
            ["com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.logs"],
        );
        const privateSubnetIds = ["web-dev-private-0", "web-dev-private-1"].map((s) => subnet(resources, s).outputs.id);
        const sg = one(resources, "aws:ec2/securityGroup:SecurityGroup", "web-dev-endpoints");
        for (const e of interfaces) {
            assert.equal(e.inputs.privateDnsEnabled, true);
            assert.deepEqual(e.inputs.subnetIds, privateSubnetIds);
            assert.deepEqual(e.inputs.securityGroupIds, [sg.outputs.id]);
        }
        assert.deepEqual(
            ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [r.inputs.cidrIpv4, r.inputs.fromPort, r.inputs.toPort]),
            [
                ["10.0.128.0/18", 443, 443],
                ["10.0.192.0/18", 443, 443],
            ],
        );
    });

    it("the dev app behind its NAT instance: tasks in the private subnets, no public IP", async () => {
        const resources = await record(() => deployApp(settingsFor("dev")), "dev");
        const service = one(resources, "aws:ecs/service:Service");
        const networkConfiguration = service.inputs.networkConfiguration as { subnets: string[]; assignPublicIp: boolean };
        assert.equal(networkConfiguration.assignPublicIp, false);
        assert.deepEqual(
            networkConfiguration.subnets,
            ["web-dev-private-0", "web-dev-private-1"].map((s) => subnet(resources, s).outputs.id),
        );
        const eni = one(resources, INSTANCE).outputs.primaryNetworkInterfaceId;
        assert.deepEqual(
            privateDefaults(resources).map((r) => r.inputs.networkInterfaceId),
            [eni, eni],
        );
        assert.equal((one(resources, INSTANCE).inputs.tags as Record<string, string>).environment, "dev", "the instance carries the cost tags");
    });
});

describe("Network under mocks: subnets, routes and NAT gateways", () => {
    it("creates public and private subnets per AZ; private ones route to a NAT, never the IGW", async () => {
        const resources = await record(() => new Network("web-dev", { vpcCidr: "10.0.0.0/16", azCount: 2, egress: "nat-single", tags }));
        const subnets = ofType(resources, "aws:ec2/subnet:Subnet");
        assert.equal(subnets.length, 4);
        assert.ok(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false));
        assert.deepEqual(
            subnets.map((s) => s.inputs.availabilityZone),
            ["us-east-1a", "us-east-1b", "us-east-1a", "us-east-1b"],
        );
        const routes = ofType(resources, "aws:ec2/route:Route");
        const privateRoutes = routes.filter((r) => r.name.includes("private"));
        assert.equal(privateRoutes.length, 2);
        assert.ok(privateRoutes.every((r) => typeof r.inputs.natGatewayId === "string" && r.inputs.gatewayId === undefined));
        assert.equal(
            one(resources, "aws:ec2/route:Route", "web-dev-public-default").inputs.gatewayId,
            one(resources, "aws:ec2/internetGateway:InternetGateway").outputs.id,
        );
        assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length, 1);
        const closed = one(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assert.equal(closed.inputs.vpcId, one(resources, "aws:ec2/vpc:Vpc").outputs.id, "adopts the VPC's default group");
        assert.deepEqual([closed.inputs.ingress, closed.inputs.egress], [undefined, undefined], "with no rules, so AWS's defaults are removed");
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        const network = one(resources, "fargate-web:network:Network").urn;
        const underNet = (r: (typeof resources)[number] | undefined): boolean =>
            r?.parent !== undefined && (r.parent === network || underNet(byUrn.get(r.parent)));
        assert.ok(resources.filter((r) => r.custom).every(underNet), "every resource is the component's child or grandchild");
    });

    it("nat-per-az puts one NAT gateway (and EIP) in each AZ", async () => {
        const resources = await record(() => new Network("web-prod", { vpcCidr: "10.1.0.0/16", azCount: 3, egress: "nat-per-az", tags }));
        assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length, 3);
        assert.equal(ofType(resources, "aws:ec2/eip:Eip").length, 3);
        const natIds = new Set(
            ofType(resources, "aws:ec2/route:Route")
                .filter((r) => r.inputs.natGatewayId)
                .map((r) => r.inputs.natGatewayId),
        );
        assert.equal(natIds.size, 3);
    });

    it("adopts an existing VPC without creating anything", async () => {
        let network: Network | undefined;
        const resources = await record(() => {
            network = new Network("web-dev", {
                vpcCidr: "10.0.0.0/16",
                azCount: 2,
                egress: "nat-single",
                tags,
                existingVpc: { vpcId: "vpc-0123456789abcdef0", publicSubnetIds: ["subnet-a1234567"], privateSubnetIds: ["subnet-b1234567"] },
            });
        });
        assert.equal(resources.filter((r) => r.custom).length, 0);
        assert.equal(network!.natGatewayCount, 0);
    });

    it("refuses more AZs than the region has", async () => {
        await assert.rejects(
            record(() => new Network("web-dev", { vpcCidr: "10.0.0.0/16", azCount: 4, egress: "nat-single", tags }), "test", "eu-west-1"),
            /azCount=4 is not valid in this region; allowed: at most 3/,
        );
    });
});
