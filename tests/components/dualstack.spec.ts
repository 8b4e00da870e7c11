// ipAddressType dualstack under mocks: IPv6 blocks, routes, the ALB, its security group, the AAAA alias.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import { ipv6Subnet } from "../../settings/cidr";
import type { ResourceRecord } from "../../plan/types";
import { one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const ROUTE = "aws:ec2/route:Route";
const v6Routes = (resources: ResourceRecord[]) => ofType(resources, ROUTE).filter((r) => r.inputs.destinationIpv6CidrBlock === "::/0");

describe("Dual-stack", () => {
    it("ipv6Subnet: the k-th /64 of a /56, written as AWS writes it", () => {
        assert.equal(ipv6Subnet("2600:1f18:abc:de00::/56", 64, 0), "2600:1f18:abc:de00::/64");
        assert.equal(ipv6Subnet("2600:1f18:abc:de00::/56", 64, 3), "2600:1f18:abc:de03::/64");
        assert.equal(ipv6Subnet("2600:1f18:abc:de00::/56", 64, 255), "2600:1f18:abc:deff::/64");
        assert.throws(() => ipv6Subnet("2600:1f18:abc:de00::/56", 64, 256), /cannot take subnet 256 of \/64 from 2600:1f18:abc:de00::\/56/);
    });

    describe("a staging app with a domain", () => {
        let resources: ResourceRecord[];
        before(async () => {
            const domain = JSON.stringify({ name: "app.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" });
            resources = await record(() => deployApp(settingsFor("staging", { ipAddressType: "dualstack", domain })), "staging");
        });

        it("the VPC asks for an Amazon /56; each subnet takes its own /64 without handing out addresses by default", () => {
            const vpc = one(resources, "aws:ec2/vpc:Vpc");
            assert.equal(vpc.inputs.assignGeneratedIpv6CidrBlock, true);
            const block = String(vpc.outputs.ipv6CidrBlock);
            const subnets = ofType(resources, "aws:ec2/subnet:Subnet");
            assert.deepEqual(
                subnets.map((s) => s.inputs.ipv6CidrBlock),
                ["public-0", "public-1", "private-0", "private-1"].map((_, i) => ipv6Subnet(block, 64, i)),
            );
            assert.ok(subnets.every((s) => s.inputs.assignIpv6AddressOnCreation === false));
        });

        it("::/0 leaves public subnets by the internet gateway and private ones by an egress-only gateway", () => {
            const igw = one(resources, "aws:ec2/internetGateway:InternetGateway");
            const eigw = one(resources, "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway");
            const routes = v6Routes(resources);
            assert.deepEqual(routes.map((r) => [r.name, r.inputs.gatewayId ?? r.inputs.egressOnlyGatewayId]).sort(), [
                ["web-staging-private-0-default-v6", eigw.outputs.id],
                ["web-staging-private-1-default-v6", eigw.outputs.id],
                ["web-staging-public-default-v6", igw.outputs.id],
            ]);
        });

        it("the ALB is dual-stack, takes 80/443 from ::/0 as from 0.0.0.0/0, and the name gets an AAAA alias", () => {
            assert.equal(one(resources, "aws:lb/loadBalancer:LoadBalancer").inputs.ipAddressType, "dualstack");
            const world = ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0")
                .map((r) => `${r.inputs.fromPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6}`)
                .sort();
            assert.deepEqual(world, ["443 0.0.0.0/0", "443 ::/0", "80 0.0.0.0/0", "80 ::/0"]);
            const aliases = ofType(resources, "aws:route53/record:Record").filter((r) => r.inputs.aliases !== undefined);
            assert.deepEqual(aliases.map((r) => r.inputs.type).sort(), ["A", "AAAA"]);
        });
    });

    it("ipv4 (the default) registers no IPv6 at all; endpoints-only gets no egress-only gateway", async () => {
        const v4 = await record(() => deployApp(settingsFor("dev")), "dev");
        assert.equal(one(v4, "aws:ec2/vpc:Vpc").inputs.assignGeneratedIpv6CidrBlock, undefined);
        assert.equal(one(v4, "aws:lb/loadBalancer:LoadBalancer").inputs.ipAddressType, "ipv4");
        assert.equal(v6Routes(v4).length, 0);
        const closed = await record(() => deployApp(settingsFor("dev", { ipAddressType: "dualstack", egress: "endpoints-only" })), "dev");
        assert.equal(ofType(closed, "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway").length, 0);
        assert.deepEqual(
            v6Routes(closed).map((r) => r.name),
            ["web-dev-public-default-v6"],
        );
    });
});
