import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { albWafWebAcl, wafWebAclLogging } from "../../policy/rules/waf";
import { messages, StackBuilder } from "./harness";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ACL = "aws:wafv2/webAcl:WebAcl";
const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef";
const ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0a1b2c3d";

describe("policy: waf", () => {
    describe("alb-waf-web-acl (graph)", () => {
        it("passes an internet-facing ALB with an association: by edge at preview, by ARN after up", async () => {
            const atPreview = new StackBuilder()
                .add(LB, "alb", { loadBalancerType: "application", internal: false, arn: UNKNOWN.string })
                .add(ACL, "acl", { scope: "REGIONAL", arn: UNKNOWN.string })
                .add(ASSOCIATION, "assoc", { resourceArn: UNKNOWN.string, webAclArn: UNKNOWN.string }, { resourceArn: ["alb"], webAclArn: ["acl"] });
            assert.deepEqual(await atPreview.check(albWafWebAcl), []);
            const afterUp = new StackBuilder()
                .add(LB, "alb", { loadBalancerType: "application", arn: ALB_ARN })
                .add(ASSOCIATION, "assoc", { resourceArn: ALB_ARN, webAclArn: ACL_ARN });
            assert.deepEqual(await afterUp.check(albWafWebAcl), []);
        });
        it("ignores internal ALBs and network load balancers (WAF attaches to neither's traffic from the internet)", async () => {
            const b = new StackBuilder().add(LB, "internal", { internal: true }).add(LB, "nlb", { loadBalancerType: "network" });
            assert.deepEqual(await b.check(albWafWebAcl), []);
        });
        it("fails an internet-facing ALB without one; an association with another ALB does not count", async () => {
            const b = new StackBuilder()
                .add(LB, "public", { arn: ALB_ARN })
                .add(LB, "other", { arn: `${ALB_ARN}1` })
                .add(ASSOCIATION, "assoc", { resourceArn: `${ALB_ARN}1`, webAclArn: ACL_ARN });
            assert.deepEqual(messages(await b.check(albWafWebAcl)), [
                "public: is internet-facing without a web ACL; exploits, known bad inputs and request floods reach the service. Associate a WAFv2 web ACL.",
            ]);
        });
        it("at preview, an association fed by another load balancer does not protect this one", async () => {
            const b = new StackBuilder()
                .add(LB, "a", { arn: UNKNOWN.string })
                .add(LB, "b", { arn: UNKNOWN.string })
                .add(ASSOCIATION, "assoc", { resourceArn: UNKNOWN.string, webAclArn: UNKNOWN.string }, { resourceArn: ["b"] });
            assert.deepEqual(
                messages(await b.check(albWafWebAcl)).map((m) => m.split(":")[0]),
                ["a"],
            );
        });
    });

    describe("waf-web-acl-logging (graph)", () => {
        it("passes a web ACL with a logging configuration, by edge or by ARN", async () => {
            const atPreview = new StackBuilder()
                .add(ACL, "acl", { arn: UNKNOWN.string })
                .add(LOGGING, "log", { resourceArn: UNKNOWN.string, logDestinationConfigs: [UNKNOWN.string] }, { resourceArn: ["acl"] });
            assert.deepEqual(await atPreview.check(wafWebAclLogging), []);
            const afterUp = new StackBuilder().add(ACL, "acl", { arn: ACL_ARN }).add(LOGGING, "log", { resourceArn: ACL_ARN });
            assert.deepEqual(await afterUp.check(wafWebAclLogging), []);
        });
        it("fails a web ACL without logging", async () => {
            assert.deepEqual(messages(await new StackBuilder().add(ACL, "acl", { arn: ACL_ARN }).check(wafWebAclLogging)), [
                "acl: has no logging configuration; blocked and allowed requests leave no record. Add an aws.wafv2.WebAclLoggingConfiguration.",
            ]);
        });
    });
});
