// The web application firewall: internet-facing ALBs sit behind a WAFv2 web ACL, and web ACLs log
// their verdicts. Graph rules: association → load balancer and logging → web ACL by the edges the
// engine records at preview (ARNs are unknown then), or by the ARN values after `up`.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "../lib/graph";
import { stackRule } from "../lib/rule";
import type { Kind } from "../knowledge/types";
import { truthy } from "../knowledge/values";

/** Whether some `kind` resource points its `prop` at `target`: by the recorded edge, or by the ARN value. */
function pointedAtBy(graph: StackGraph, kind: Kind, prop: string): (target: PolicyResource) => boolean {
    const values = new Set(graph.ofKind(kind).map((r) => safeProp(r, prop)));
    return (target) => {
        const arn = safeProp(target, "arn");
        return graph.consumersOf(target, kind, prop).length > 0 || (typeof arn === "string" && values.has(arn));
    };
}

/** Application load balancers the internet reaches (not internal); WAF attaches to no other kind. */
function internetFacingAlbs(graph: StackGraph): PolicyResource[] {
    return graph
        .ofKind("loadBalancer")
        .filter((lb) => (safeProp(lb, "loadBalancerType") ?? "application") === "application" && !truthy(safeProp(lb, "internal")));
}

export const albWafWebAcl = stackRule({
    name: "alb-waf-web-acl",
    description: "Internet-facing application load balancers are associated with a WAFv2 web ACL.",
    severity: "high",
    enforcementLevel: "advisory",
    remediationSteps:
        "Add an aws.wafv2.WebAcl (scope REGIONAL) with AWS managed rule groups and a rate-based rule, and an aws.wafv2.WebAclAssociation with resourceArn: alb.arn (setting waf).",
    anchors: ["CKV2_AWS_28"],
    check(graph, _config, report) {
        const protectedBy = pointedAtBy(graph, "webAclAssociation", "resourceArn");
        for (const lb of internetFacingAlbs(graph)) {
            if (!protectedBy(lb))
                report("is internet-facing without a web ACL; exploits, known bad inputs and request floods reach the service. Associate a WAFv2 web ACL.", lb);
        }
    },
});

export const wafWebAclLogging = stackRule({
    name: "waf-web-acl-logging",
    description: "Each WAFv2 web ACL of the stack logs its verdicts (a logging configuration to CloudWatch Logs, S3 or Firehose).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Add an aws.wafv2.WebAclLoggingConfiguration with resourceArn: acl.arn and a destination, e.g. a log group named aws-waf-logs-<name> with retention.",
    anchors: ["CKV2_AWS_31", "WAF.11"],
    check(graph, _config, report) {
        const logged = pointedAtBy(graph, "webAclLogging", "resourceArn");
        for (const acl of graph.ofKind("webAcl")) {
            if (!logged(acl))
                report("has no logging configuration; blocked and allowed requests leave no record. Add an aws.wafv2.WebAclLoggingConfiguration.", acl);
        }
    },
});

export const wafRules = [albWafWebAcl, wafWebAclLogging];
