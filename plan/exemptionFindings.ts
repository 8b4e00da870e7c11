// The policy-exemptions stack policy's findings read back: an exempted finding names its policy,
// resource, the policy's words and the exemption's terms (policy/rules/exemptions.ts writes them).
import type { Violation } from "./types";
import { detailOf } from "./verdicts";

export const EXEMPTIONS_POLICY = "policy-exemptions";

export interface ExemptedFinding {
    policy: string;
    urn?: string;
    /** The exempted policy's words, starting with the resource's name. */
    message: string;
    reason: string;
    owner: string;
    expires?: string;
}

const EXEMPTED = /^exempted \[([\w-]+)\] ([\s\S]*) \(reason: ([\s\S]*); owner: ([\s\S]*); (?:expires (\d{4}-\d{2}-\d{2})|no expiry)\)$/;

/** The finding an exemption kept from being enforced, or undefined for any other violation (a stale exemption's). */
export function exemptedFinding(v: Violation): ExemptedFinding | undefined {
    if (v.policyName !== EXEMPTIONS_POLICY) return undefined;
    const m = EXEMPTED.exec(detailOf(v));
    if (!m) return undefined;
    return { policy: m[1]!, ...(v.urn ? { urn: v.urn } : {}), message: m[2]!, reason: m[3]!, owner: m[4]!, ...(m[5] ? { expires: m[5] } : {}) };
}
