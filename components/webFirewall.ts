// A WAFv2 web ACL in front of the ALB: AWS managed rule groups and a per-IP rate limit, with
// every request's verdict logged to CloudWatch Logs (`aws-waf-logs-*`, as WAF requires).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Logs } from "./logs";
import { WAF_REDACTED_HEADERS, webAclRules } from "../documents/waf";

export interface WebFirewallArgs {
    /** The web ACL's name (also its metrics' prefix). */
    webAclName: string;
    loadBalancerArn: pulumi.Input<string>;
    rateLimitPer5Minutes: number;
    /** Must start with aws-waf-logs-. */
    logGroupName: string;
    retentionDays: number;
    kms: boolean;
    protect: boolean;
    tags: Record<string, string>;
}

export class WebFirewall extends pulumi.ComponentResource {
    readonly webAclArn: pulumi.Output<string>;

    constructor(name: string, args: WebFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:edge:WebFirewall", name, {}, opts);

        const acl = new aws.wafv2.WebAcl(
            name,
            {
                name: args.webAclName,
                scope: "REGIONAL",
                description: "Managed rule groups and a per-IP rate limit in front of the load balancer",
                defaultAction: { allow: {} },
                rules: webAclRules(args.webAclName, args.rateLimitPer5Minutes),
                visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: args.webAclName, sampledRequestsEnabled: true },
                tags: args.tags,
            },
            { parent: this },
        );
        new aws.wafv2.WebAclAssociation(name, { resourceArn: args.loadBalancerArn, webAclArn: acl.arn }, { parent: this });

        const logs = new Logs(
            `${name}-logs`,
            { logGroupName: args.logGroupName, retentionDays: args.retentionDays, kms: args.kms, protect: args.protect, tags: args.tags },
            { parent: this },
        );
        new aws.wafv2.WebAclLoggingConfiguration(
            name,
            {
                resourceArn: acl.arn,
                logDestinationConfigs: [logs.logGroupArn],
                redactedFields: WAF_REDACTED_HEADERS.map((header) => ({ singleHeader: { name: header } })),
            },
            { parent: this, dependsOn: [logs] },
        );

        this.webAclArn = acl.arn;
        this.registerOutputs({ webAclArn: this.webAclArn });
    }
}
