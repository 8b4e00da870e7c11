// HTTP desync (request smuggling) protection on application load balancers.
import { decisive, describeValue } from "../lib/providerDefaults";
import { resourceRule } from "../lib/rule";
import { isKind } from "../knowledge/types";

export const albDesyncMitigation = resourceRule<{ allowedModes: string[] }>({
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

export const loadBalancerDesyncRules = [albDesyncMitigation];
