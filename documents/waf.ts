// The web ACL's rules: AWS's managed groups (IP reputation, common exploits, known bad inputs)
// and a per-IP rate limit. Pure, so the rule set is tested without mocks.
import type * as aws from "@pulumi/aws";

type WebAclRule = aws.types.input.wafv2.WebAclRule;

/** AWS managed rule groups the ACL runs, in evaluation order (cheap IP checks before body inspection). */
export const WAF_MANAGED_RULE_GROUPS: readonly string[] = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
];

/** The rate-based rule's window: WAF counts each client IP's requests over the last 5 minutes. */
export const RATE_WINDOW_SECONDS = 300;

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** Managed groups (their own block actions kept: overrideAction none), then the rate limit blocking floods. */
export function webAclRules(metricPrefix: string, rateLimitPer5Minutes: number): WebAclRule[] {
    const managed: WebAclRule[] = WAF_MANAGED_RULE_GROUPS.map((group, i) => ({
        name: group,
        priority: i,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
        visibilityConfig: visibility(`${metricPrefix}-${group}`),
    }));
    const rate: WebAclRule = {
        name: "RateLimitPerIp",
        priority: managed.length,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: rateLimitPer5Minutes, aggregateKeyType: "IP", evaluationWindowSec: RATE_WINDOW_SECONDS } },
        visibilityConfig: visibility(`${metricPrefix}-RateLimitPerIp`),
    };
    return [...managed, rate];
}

/** Headers that carry credentials stay out of the WAF logs. */
export const WAF_REDACTED_HEADERS: readonly string[] = ["authorization", "cookie"];
