// Load balancers and their listeners: TLS, headers, desync, deletion protection, access logs.
// The web ACL in front of them is in waf.ts.
import { TLS12_PLUS_POLICIES } from "../knowledge/tlsPolicies";
import { decisive, describeValue } from "../lib/providerDefaults";
import { resourceRule } from "../lib/rule";
import { isKind } from "../knowledge/types";
import { withChanges } from "../knowledge/unknowns";
import { asRecords, at, knownProp, show, truthy } from "../knowledge/values";

const isApplication = (props: Record<string, unknown>) => props.loadBalancerType === undefined || props.loadBalancerType === "application";

export const albHttpsOnly = resourceRule({
    name: "alb-https-only",
    description: "HTTP listeners only redirect to HTTPS; content is served over HTTPS.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Add an HTTPS listener with an ACM certificate and make the HTTP listener's default action a redirect to HTTPS (HTTP_301).",
    anchors: ["CKV_AWS_2", "ELB.1", "AwsSolutions-ELB2"],
    kinds: ["listener"],
    check(props, _ctx, report) {
        if (props.protocol !== "HTTP" && !(props.protocol === undefined && props.port === 80)) return;
        const actions = asRecords(props.defaultActions);
        const redirectsToHttps = actions.length > 0 && actions.every((a) => a.type === "redirect" && at(a, "redirect", "protocol") === "HTTPS");
        if (!redirectsToHttps)
            report(
                `HTTP listener on port ${show(props.port)} serves content (${actions.map((a) => show(a.type)).join(", ") || "no action"}); allowed: only a redirect to HTTPS.`,
            );
    },
});

export const albTlsPolicy = resourceRule<{ allowedPolicies: string[] }>({
    name: "alb-tls-policy",
    description: "HTTPS listeners use a TLS 1.2+ security policy from the allowlist.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy in the allowlist).",
    anchors: ["CKV_AWS_103", "ELB.17"],
    configSchema: { properties: { allowedPolicies: { type: "array", items: { type: "string" }, default: [...TLS12_PLUS_POLICIES] } } },
    kinds: ["listener"],
    check(props, ctx, report) {
        if (props.protocol !== "HTTPS") return;
        const policy = props.sslPolicy;
        if (typeof policy !== "string" || !ctx.config.allowedPolicies.includes(policy)) {
            report(
                `sslPolicy is ${show(policy ?? "unset (AWS default ELBSecurityPolicy-2016-08, allows TLS 1.0)")}; allowed: ${ctx.config.allowedPolicies.slice(0, 3).join(", ")}…`,
            );
        }
    },
});

export const albDropInvalidHeaders = resourceRule({
    name: "alb-drop-invalid-headers",
    description: "Application load balancers drop invalid HTTP header fields (request smuggling defence).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set dropInvalidHeaderFields: true on the load balancer.",
    anchors: ["CKV_AWS_131", "ELB.4"],
    kinds: ["loadBalancer"],
    check(props, _ctx, report) {
        if (isApplication(props) && !truthy(props.dropInvalidHeaderFields))
            report("dropInvalidHeaderFields is not true; malformed headers reach the app. Set it to true.");
    },
    remediate(props) {
        return isApplication(props) && !truthy(props.dropInvalidHeaderFields) ? withChanges(props, { dropInvalidHeaderFields: true }) : undefined;
    },
});

/** The value of tag `key`, or undefined when the tags are absent or unknown at preview (never exempts). */
function tagValue(props: Record<string, unknown>, key: string): unknown {
    try {
        return at(knownProp(props, "tags"), key);
    } catch {
        return undefined;
    }
}

export const albDeletionProtection = resourceRule<{ exemptTag?: string }>({
    name: "alb-deletion-protection",
    description: "Load balancers have deletion protection (enforced where the stack config makes it mandatory, e.g. prod).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        'Set enableDeletionProtection: true (the program does so on the prod profile). To retire a stack on purpose, tag its load balancer with the config\'s exemptTag set to "true".',
    anchors: ["CKV_AWS_150", "ELB.6"],
    configSchema: {
        properties: {
            exemptTag: {
                type: "string",
                description: 'A tag key that, set to "true" on a load balancer, exempts it (a stack being retired on purpose). Unset: no exemption.',
            },
        },
    },
    kinds: ["loadBalancer"],
    check(props, ctx, report) {
        if (truthy(props.enableDeletionProtection)) return;
        if (ctx.config.exemptTag !== undefined && tagValue(props, ctx.config.exemptTag) === "true") return;
        report("enableDeletionProtection is not true; one `pulumi destroy` or console click removes the entry point. Set it to true.");
    },
});

export const albAccessLogs = resourceRule({
    name: "alb-access-logs",
    description: "Load balancers write access logs to S3.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Set accessLogs: { bucket, enabled: true } with a bucket whose policy lets the ELB service write (setting accessLogsBucket).",
    anchors: ["CKV_AWS_91", "ELB.5"],
    kinds: ["loadBalancer"],
    check(props, _ctx, report) {
        if (!truthy(at(props, "accessLogs", "enabled")))
            report("access logs are off; requests leave no trace beyond metrics. Set accessLogs with an S3 bucket.");
    },
});

export const albDesyncMitigationMode = resourceRule<{ allowedModes: string[] }>({
    name: "alb-desync-mitigation-mode",
    description: 'Application and classic load balancers mitigate HTTP desync with "defensive" (the default) or "strictest", never "monitor".',
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: 'Remove desyncMitigationMode (AWS defaults to "defensive") or set it to "defensive" or "strictest".',
    anchors: ["CKV_AWS_328", "ELB.12"],
    configSchema: { properties: { allowedModes: { type: "array", items: { type: "string" }, default: ["defensive", "strictest"] } } },
    kinds: ["loadBalancer", "classicLoadBalancer"],
    check(props, ctx, report) {
        // Network and gateway load balancers do not parse HTTP.
        if (isKind(ctx.type, "loadBalancer") && decisive(ctx.type, props, "loadBalancerType") !== "application") return;
        const mode = decisive(ctx.type, props, "desyncMitigationMode");
        if (typeof mode !== "string" || !ctx.config.allowedModes.includes(mode))
            report(
                `desyncMitigationMode is ${describeValue(ctx.type, "desyncMitigationMode", mode)}; ambiguous requests (HTTP desync, request smuggling) reach the targets. Allowed: ${ctx.config.allowedModes.join(", ")}.`,
            );
    },
});

export const loadBalancerRules = [albHttpsOnly, albTlsPolicy, albDropInvalidHeaders, albDesyncMitigationMode, albDeletionProtection, albAccessLogs];
