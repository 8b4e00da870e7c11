// The web ACL under mocks: its rules, its association with the ALB, its logging.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import { WAF_MANAGED_RULE_GROUPS, webAclRules } from "../../documents/waf";
import type { ResourceRecord } from "../../plan/types";
import { one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const ACL = "aws:wafv2/webAcl:WebAcl";

describe("Web firewall", () => {
    it("rules: the managed groups in order without overriding their actions, then a per-IP rate limit that blocks", () => {
        const rules = webAclRules("web-prod", 500);
        assert.deepEqual(
            rules.map((r) => [r.name, r.priority]),
            [
                ["AWSManagedRulesAmazonIpReputationList", 0],
                ["AWSManagedRulesCommonRuleSet", 1],
                ["AWSManagedRulesKnownBadInputsRuleSet", 2],
                ["RateLimitPerIp", 3],
            ],
        );
        assert.deepEqual(rules[1], {
            name: "AWSManagedRulesCommonRuleSet",
            priority: 1,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
            visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "web-prod-AWSManagedRulesCommonRuleSet", sampledRequestsEnabled: true },
        });
        assert.deepEqual(rules[3]!.action, { block: {} });
        assert.deepEqual(rules[3]!.statement, { rateBasedStatement: { limit: 500, aggregateKeyType: "IP", evaluationWindowSec: 300 } });
    });

    describe("in the prod app", () => {
        let resources: ResourceRecord[];
        before(async () => {
            resources = await record(() => deployApp(settingsFor("prod", { wafRateLimit: "1000" })), "prod");
        });

        it("a regional web ACL named for the stack that allows by default and runs the rules", () => {
            const acl = one(resources, ACL);
            assert.equal(acl.inputs.name, "web-prod");
            assert.equal(acl.inputs.scope, "REGIONAL");
            assert.deepEqual(acl.inputs.defaultAction, { allow: {} });
            assert.deepEqual(acl.inputs.rules, webAclRules("web-prod", 1000));
            assert.equal((acl.inputs.rules as unknown[]).length, WAF_MANAGED_RULE_GROUPS.length + 1);
        });

        it("associated with the ALB by its ARN", () => {
            const association = one(resources, "aws:wafv2/webAclAssociation:WebAclAssociation");
            const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer");
            assert.equal(association.inputs.resourceArn, alb.outputs.arn);
            assert.match(String(association.inputs.webAclArn), /^arn:aws:wafv2:us-east-1:123456789012:regional\/webacl\/web-prod\//);
            assert.equal(association.inputs.webAclArn, one(resources, ACL).outputs.arn);
            assert.match(String(association.inputs.resourceArn), /^arn:aws:elasticloadbalancing:/);
        });

        it("logs to aws-waf-logs-<prefix> with the stack's retention and KMS, credentials redacted", () => {
            const logging = one(resources, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
            assert.equal(logging.inputs.resourceArn, one(resources, ACL).outputs.arn);
            assert.deepEqual(logging.inputs.logDestinationConfigs, ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web-prod"]);
            assert.deepEqual(logging.inputs.redactedFields, [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
            const group = ofType(resources, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === "aws-waf-logs-web-prod");
            assert.equal(group?.inputs.retentionInDays, 365);
            assert.notEqual(group?.inputs.kmsKeyId, undefined);
        });
    });

    it("dev has none unless waf is set", async () => {
        assert.equal(ofType(await record(() => deployApp(settingsFor("dev")), "dev"), ACL).length, 0);
        assert.equal(ofType(await record(() => deployApp(settingsFor("dev", { waf: "true" })), "dev"), ACL).length, 1);
    });
});
