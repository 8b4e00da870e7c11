// Exemptions with a reason, an owner and an optional expiry, per policy: every policy's config takes
// `exemptions: [{ name | type | urn (globs), reason, owner, expires? }]`, because a policy sees only its
// own config. An exempted finding is not reported by its policy (so never enforced) but kept here,
// and the `policy-exemptions` stack policy (which runs after every resource's Analyze) reports it,
// with each exemption that matched nothing as stale. An expired exemption no longer applies.
import type { PolicyConfigSchema } from "@pulumi/policy";

export const EXEMPTIONS_KEY = "exemptions";

export interface Exemption {
    name?: string;
    type?: string;
    urn?: string;
    reason: string;
    owner: string;
    /** YYYY-MM-DD: the last day the exemption applies (UTC). */
    expires?: string;
}

export interface ExemptionsConfig {
    exemptions?: Exemption[];
}

/** What a finding is about. */
export interface Subject {
    name: string;
    type: string;
    urn: string;
}

export interface ExemptedFinding {
    policy: string;
    subject: Subject;
    message: string;
    exemption: Exemption;
}

const EXEMPTION_SCHEMA = {
    type: "array",
    default: [],
    description: "Resources this policy does not enforce on, each with a reason, an owner and an optional expiry (YYYY-MM-DD).",
    items: {
        type: "object",
        additionalProperties: false,
        required: ["reason", "owner"],
        anyOf: [{ required: ["name"] }, { required: ["type"] }, { required: ["urn"] }],
        properties: {
            name: { type: "string", minLength: 1, description: "logical name (glob: * matches any run of characters)" },
            type: { type: "string", minLength: 1, description: "type token, e.g. aws:iam/rolePolicy:RolePolicy (glob)" },
            urn: { type: "string", minLength: 1, description: "URN (glob)" },
            reason: { type: "string", minLength: 1 },
            owner: { type: "string", minLength: 1 },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        },
    },
};

export function withExemptionsSchema(schema: PolicyConfigSchema): PolicyConfigSchema {
    return { ...schema, properties: { ...schema.properties, [EXEMPTIONS_KEY]: EXEMPTION_SCHEMA as never } };
}

const globMatches = (glob: string, value: string) =>
    new RegExp(
        `^${glob
            .split("*")
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
    ).test(value);

const covers = (e: Exemption, s: Subject) =>
    (e.name === undefined || globMatches(e.name, s.name)) &&
    (e.type === undefined || globMatches(e.type, s.type)) &&
    (e.urn === undefined || globMatches(e.urn, s.urn));

const today = () => new Date().toISOString().slice(0, 10);
const expired = (e: Exemption) => e.expires !== undefined && e.expires < today();

/** The exemption in the registry's terms: a policy's entry, as written. */
const idOf = (policy: string, e: Exemption) => JSON.stringify([policy, e.name, e.type, e.urn, e.reason, e.owner, e.expires]);

interface Registry {
    exempted: Map<string, ExemptedFinding>;
    /** Exemptions configured, with the URNs of the subjects the policy judged while they were set. */
    configured: Map<string, { policy: string; exemption: Exemption; subjects: Set<string> }>;
    used: Set<string>;
}
const registry: Registry = { exempted: new Map(), configured: new Map(), used: new Set() };

/**
 * How a policy reports a finding, given its exemptions: an active one keeps it out of the report
 * (recorded instead); an expired one lets it through, saying so.
 */
export function exemptingReport(policy: string, config: ExemptionsConfig, subject: Subject | undefined, report: (message: string) => void) {
    const exemptions = config.exemptions ?? [];
    for (const e of exemptions) {
        const entry = registry.configured.get(idOf(policy, e)) ?? { policy, exemption: e, subjects: new Set<string>() };
        if (subject) entry.subjects.add(subject.urn);
        registry.configured.set(idOf(policy, e), entry);
    }
    return (message: string) => {
        const matching = subject ? exemptions.filter((e) => covers(e, subject)) : [];
        const active = matching.find((e) => !expired(e));
        if (active && subject) {
            registry.used.add(idOf(policy, active));
            registry.exempted.set(JSON.stringify([policy, subject.urn, message]), { policy, subject, message, exemption: active });
            return;
        }
        const lapsed = matching.find(expired);
        if (lapsed) registry.used.add(idOf(policy, lapsed)); // it matched: expired, not stale
        report(lapsed ? `${message} (exemption expired on ${lapsed.expires}: ${lapsed.reason})` : message);
    };
}

export interface ExemptionReport {
    exempted: ExemptedFinding[];
    stale: { policy: string; exemption: Exemption }[];
}

/**
 * What the registry holds about the stack being judged (`urns`: its resources), then forgets it: the
 * server lives on between previews of one process (the offline plan reuses it across phases).
 */
export function takeExemptionReport(urns: Set<string>): ExemptionReport {
    const exempted = [...registry.exempted.values()].filter((f) => urns.has(f.subject.urn));
    const stale = [...registry.configured.entries()]
        .filter(([id, c]) => !registry.used.has(id) && (c.subjects.size === 0 || [...c.subjects].some((u) => urns.has(u))))
        .map(([, c]) => ({ policy: c.policy, exemption: c.exemption }));
    registry.exempted.clear();
    registry.configured.clear();
    registry.used.clear();
    return { exempted, stale };
}

/** `name web-dev, type aws:iam/role:Role` */
export const selectorText = (e: Exemption) => [e.name && `name ${e.name}`, e.type && `type ${e.type}`, e.urn && `urn ${e.urn}`].filter(Boolean).join(", ");
