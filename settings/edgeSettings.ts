// Settings of the edge: the web application firewall in front of the ALB, the domain and its certificate.
// Each value's own rules are in declarations/edge.ts; here, the domain's shape and how values relate.
import { isRecord } from "../policy/knowledge/values";
import type { ConfigReader } from "./configReader";
import { EDGE, FIREWALL } from "./declarations";
import type { Profile } from "./profiles";
import { readGroup } from "./readGroup";
import type { DomainSettings, SettingsOf, WafSettings } from "./types";

/** The load balancer's edge (certificate or domain, TLS policy, access logs) and the firewall in front of it. */
export function readEdge(r: ConfigReader, profile: Profile): SettingsOf<"edge" | "firewall"> {
    const edge = readGroup(r, EDGE, profile, { values: { domain: readDomain(r) } });
    if (edge.domain && edge.certificateArn !== undefined)
        r.fail("certificateArn is set together with domain; allowed: one of them (domain makes and validates its own certificate)");
    return { ...edge, waf: readWaf(r, profile) };
}

/** On by default for prod: an internet-facing service there gets managed rules and a rate limit. */
export function readWaf(r: ConfigReader, profile: Profile): WafSettings | undefined {
    const { waf, wafRateLimit } = readGroup(r, FIREWALL, profile);
    if (!waf && r.given("wafRateLimit")) r.fail("wafRateLimit is set but waf is off; allowed: set waf=true too, or leave wafRateLimit unset");
    return waf ? { rateLimitPer5Minutes: wafRateLimit } : undefined;
}

/** A DNS name of 1–253 characters in labels of 1–63 letters, digits and hyphens (no wildcard: one host). */
const DNS_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;
/** Route 53 hosted zone ids: "Z" and up to 32 upper-case letters and digits. */
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,32}$/;
const DOMAIN_SHAPE = '{ name: "app.example.com", hostedZoneId: "Z…" } or { name: "app.example.com", zoneName: "example.com" }';

/** The service's host name and the public hosted zone it lives in (by id, or by name looked up at preview). */
export function readDomain(r: ConfigReader): DomainSettings | undefined {
    const value = r.json("domain");
    if (value === undefined) return undefined;
    if (!isRecord(value) || typeof value.name !== "string" || (value.hostedZoneId === undefined) === (value.zoneName === undefined)) {
        r.expect("domain", value, `${DOMAIN_SHAPE} (exactly one of hostedZoneId, zoneName)`);
        return undefined;
    }
    const unknown = Object.keys(value).filter((k) => !["name", "hostedZoneId", "zoneName"].includes(k));
    if (unknown.length > 0) r.fail(`domain.${unknown[0]} is not a key of domain; allowed: name, hostedZoneId, zoneName`);
    const name = value.name.toLowerCase();
    let ok = r.expect("domain.name", value.name, DNS_NAME.test(name) ? undefined : "a host name like app.example.com (letters, digits, hyphens; no wildcard)");
    if (value.hostedZoneId !== undefined) {
        const id = value.hostedZoneId;
        ok =
            r.expect(
                "domain.hostedZoneId",
                id,
                typeof id === "string" && HOSTED_ZONE_ID.test(id) ? undefined : "Z followed by up to 32 upper-case letters and digits",
            ) && ok;
        return ok ? { name, hostedZoneId: id as string } : undefined;
    }
    const zone = typeof value.zoneName === "string" ? value.zoneName.toLowerCase().replace(/\.$/, "") : "";
    const inZone = DNS_NAME.test(zone) && (name === zone || name.endsWith(`.${zone}`));
    ok = r.expect("domain.zoneName", value.zoneName, inZone ? undefined : `a public zone that contains ${name} (${name} itself or one of its parents)`) && ok;
    return ok ? { name, zoneName: zone } : undefined;
}
