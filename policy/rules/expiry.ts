// Demo stacks that clean up after themselves: a stack of the dev profile carries an expiry (the
// `expires-at` tag the program sets from expiresAt or ttl), which the expire workflow acts on.
// Advisory by default: a team may keep a long-lived dev stack on purpose.
import { safeProp } from "../lib/graph";
import { stackRule } from "../lib/rule";
import { isRecord } from "../knowledge/values";

const asRecord = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
import { EXPIRES_AT_TAG } from "../knowledge/lifecycle";
import { isTaggable } from "./tagging";

export const demoStackExpiry = stackRule<{ environments: string[] }>({
    name: "demo-stack-expiry",
    description: "Stacks of the dev profile carry an expiry (the expires-at tag), so a forgotten demo is destroyed instead of billed.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps:
        "Set expiresAt (a date) or ttl (e.g. 7d) in the stack's config; the program tags every resource expires-at and the expire workflow destroys the stack after it.",
    anchors: ["AWS Well-Architected COST02-BP05 (implement cost controls)"],
    configSchema: {
        properties: {
            environments: { type: "array", items: { type: "string" }, default: ["dev"], description: "Values of the environment tag that must expire." },
        },
    },
    check(graph, config, report) {
        // Own tags, and tagsAll where known (after up it holds the provider's defaultTags too).
        const tagged = graph.resources
            .filter((r) => isTaggable(r.type))
            .map((r) => ({ r, tags: { ...asRecord(safeProp(r, "tagsAll")), ...asRecord(safeProp(r, "tags")) } }))
            .filter((x) => Object.keys(x.tags).length > 0);
        const demo = tagged.filter(({ tags }) => typeof tags.environment === "string" && config.environments.includes(tags.environment));
        if (demo.length === 0 || demo.some(({ tags }) => typeof tags[EXPIRES_AT_TAG] === "string")) return;
        const environment = String(demo[0]!.tags.environment);
        report(
            `${demo.length} resources are tagged environment=${environment} and none carries an ${EXPIRES_AT_TAG} tag; set expiresAt or ttl so the expire workflow destroys the stack when the demo is over.`,
        );
    },
});

export const expiryRules = [demoStackExpiry];
