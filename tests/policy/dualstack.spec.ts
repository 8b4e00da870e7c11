// IPv6 in the graph proofs: ::/0 to an internet gateway makes a subnet public; to an egress-only
// gateway it stays private; world ingress over IPv6 counts as world ingress.
import { strict as assert } from "node:assert";
import { ecsServicePrivateSubnets } from "../../policy/rules/service";
import { securityGroupNoWorldIngress } from "../../policy/rules/securityGroups";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { checkRaw, messages, privateNetwork, SERVICE, StackBuilder } from "./harness";

const ROUTE = "aws:ec2/route:Route";
const service = (b: StackBuilder) => b.add(SERVICE, "svc", { networkConfiguration: { subnets: [UNKNOWN.string] } }, { networkConfiguration: ["private"] });

describe("policy: dual-stack networks", () => {
    it("a private subnet whose ::/0 goes to an egress-only gateway stays private, at preview and after up", async () => {
        const atPreview = privateNetwork(new StackBuilder())
            .add("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", "eigw", { vpcId: UNKNOWN.string, id: UNKNOWN.string }, { vpcId: ["vpc"] })
            .add(
                ROUTE,
                "private-v6",
                { destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: UNKNOWN.string },
                { routeTableId: ["private-rt"], egressOnlyGatewayId: ["eigw"] },
            );
        assert.deepEqual(await service(atPreview).check(ecsServicePrivateSubnets), []);
        const afterUp = privateNetwork(new StackBuilder()).add(
            ROUTE,
            "private-v6",
            { destinationIpv6CidrBlock: "::/0", egressOnlyGatewayId: "eigw-0abc" },
            { routeTableId: ["private-rt"] },
        );
        assert.deepEqual(await service(afterUp).check(ecsServicePrivateSubnets), []);
    });

    it("a subnet whose ::/0 goes to the internet gateway is public, named by its IPv6 destination", async () => {
        const b = privateNetwork(new StackBuilder()).add(
            ROUTE,
            "private-v6",
            { destinationIpv6CidrBlock: "::/0", gatewayId: UNKNOWN.string },
            { routeTableId: ["private-rt"], gatewayId: ["igw"] },
        );
        assert.deepEqual(messages(await service(b).check(ecsServicePrivateSubnets)), [
            "svc: runs in subnet private, which is public: route private-v6 in private-rt sends ::/0 to an internet gateway (igw). Use a private subnet.",
        ]);
    });

    it("world ingress over IPv6 is world ingress: only the ALB's web ports may take it", async () => {
        const rule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
        assert.deepEqual(await checkRaw(securityGroupNoWorldIngress, rule, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" }), []);
        assert.equal((await checkRaw(securityGroupNoWorldIngress, rule, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" })).length, 1);
    });
});
