// The load balancer's edge: certificate or domain, TLS policy, access logs.
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { BUCKET } from "../formats";
import { group, setting } from "./declare";
import { DOMAIN } from "./shapes";

export const EDGE = group("edge", {
    certificateArn: setting(Type.String(), {
        description: "An ACM certificate: enables HTTPS and the HTTP→HTTPS redirect.",
        allowed: "`arn:aws:acm:<region>:<account>:certificate/<uuid>`",
        check: c.checkCertificateArn,
    }),
    domain: setting(DOMAIN, {
        ownReader: true,
        description:
            "An ACM certificate validated by DNS in that public zone and an alias of the name to the ALB; excludes `certificateArn`. The shipped staging and prod stack files set an example ([edge-and-network.md](edge-and-network.md)).",
        allowed: "`{ name, hostedZoneId }` or `{ name, zoneName }` (exactly one of the two; the zone must contain the name)",
    }),
    tlsPolicy: setting(Type.String(), {
        default: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        description: "The HTTPS listener's TLS policy.",
        allowed: "a published TLS 1.2+ ELB policy",
        check: c.checkTlsPolicy,
    }),
    accessLogsBucket: setting(Type.String(), {
        description: "Where the ALB writes access logs.",
        allowed: "an S3 bucket name that allows ELB log delivery",
        check: (bucket) => (BUCKET.test(bucket) ? undefined : "an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)"),
    }),
});

/** A WAFv2 web ACL on the ALB; on by default for prod, where an internet-facing service gets managed rules and a rate limit. */
export const FIREWALL = group("firewall", {
    waf: setting(Type.Boolean(), {
        default: { dev: false, staging: false, prod: true },
        description:
            "A WAFv2 web ACL on the ALB: AWS managed rule groups (IP reputation, common rule set, known bad inputs) and a per-IP rate limit, logged to `aws-waf-logs-<app>-<stack>` ([edge-and-network.md](edge-and-network.md)).",
    }),
    wafRateLimit: setting(Type.Integer({ minimum: 10, maximum: 2000000000 }), {
        default: 2000,
        unit: " requests per client IP in 5 minutes",
        description: "Requests one client IP may send in 5 minutes before it is blocked; only with `waf` on.",
    }),
});
