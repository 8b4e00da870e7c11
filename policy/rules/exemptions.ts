// The pack's account of its exemptions (policy/lib/exemptions.ts): each exempted finding with its
// reason, owner and expiry, and each exemption that matched nothing (stale). A stack policy, so it
// runs after every resource was analyzed; listed last, so after the other stack policies too.
import type { StackValidationPolicy } from "@pulumi/policy";
import { POLICY_DOCS_URL } from "../lib/rule";
import { selectorText, takeExemptionReport } from "../lib/exemptions";

export const POLICY_EXEMPTIONS = "policy-exemptions";

const terms = (e: { reason: string; owner: string; expires?: string }) =>
    `reason: ${e.reason}; owner: ${e.owner}; ${e.expires ? `expires ${e.expires}` : "no expiry"}`;

export const policyExemptions: StackValidationPolicy = {
    name: POLICY_EXEMPTIONS,
    description: "Reports findings that policy exemptions keep from being enforced, with their reason, owner and expiry, and exemptions that match nothing.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Fix the exempted resource and remove its exemption before it expires; delete a stale exemption (its resource is gone or compliant).",
    tags: ["cdk-nag NagSuppressions", "Checkov skip comments"],
    url: `${POLICY_DOCS_URL}#${POLICY_EXEMPTIONS}`,
    validateStack: (args, reportViolation) => {
        const report = takeExemptionReport(new Set(args.resources.map((r) => r.urn)));
        for (const f of report.exempted) reportViolation(`exempted [${f.policy}] ${f.subject.name}: ${f.message} (${terms(f.exemption)})`, f.subject.urn);
        for (const s of report.stale) reportViolation(`stale exemption [${s.policy}] ${selectorText(s.exemption)}: matched no finding (${terms(s.exemption)})`);
    },
};

export const exemptionRules = [policyExemptions];
