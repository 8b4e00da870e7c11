// Settings of the edge: the web application firewall in front of the ALB.
import type { ConfigReader } from "./configReader";
import type { Profile } from "./profiles";
import type { WafSettings } from "./types";

/** AWS's bounds for a rate-based rule's limit (requests per evaluation window per key). */
export const WAF_RATE_LIMIT_RANGE = { min: 10, max: 2_000_000_000 } as const;
export const DEFAULT_WAF_RATE_LIMIT = 2000;

/** On by default for prod: an internet-facing service there gets managed rules and a rate limit. */
export function readWaf(r: ConfigReader, profile: Profile): WafSettings | undefined {
    const enabled = r.bool("waf", profile === "prod");
    const rateLimitPer5Minutes = r.int("wafRateLimit", DEFAULT_WAF_RATE_LIMIT);
    const { min, max } = WAF_RATE_LIMIT_RANGE;
    r.expect(
        "wafRateLimit",
        rateLimitPer5Minutes,
        Number.isInteger(rateLimitPer5Minutes) && rateLimitPer5Minutes >= min && rateLimitPer5Minutes <= max
            ? undefined
            : `${min}–${max} requests per client IP in 5 minutes`,
    );
    if (!enabled && r.given("wafRateLimit")) r.fail("wafRateLimit is set but waf is off; allowed: set waf=true too, or leave wafRateLimit unset");
    return enabled ? { rateLimitPer5Minutes } : undefined;
}
