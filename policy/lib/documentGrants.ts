// What a whole policy document grants that the identity rules refuse, in one summary: the same
// analyses as iam-no-admin-access, iam-no-service-wildcards, iam-no-privilege-escalation and the
// mutating part of iam-no-wildcard-resource, for documents the stack does not write itself
// (AWS managed policies), where one finding per policy says more than one per statement.
import { Statement, allows, grantsAdmin, parsePolicy, wildcardResource } from "./iam";
import { escalations } from "./iamEscalations";
import { broadWildcard, scopableChanges } from "./iamGrants";
import { show } from "../knowledge/values";

export interface BroadGrants {
    /** "every action" or "every action but [...]" when a statement grants it on every resource. */
    admin?: string;
    /** "cloudwatch:* (every cloudwatch action: …) on *": wildcards that reach Write or Permissions management. */
    wildcards: string[];
    /** "iam:PassRole on any role (…)": privilege-escalation actions. */
    escalations: string[];
    /** "ecs:CreateCluster (cluster)": named Write/Permissions-management actions on `*` that AWS lets be scoped. */
    writesOnAnyResource: string[];
}

const onWhat = (s: Statement) => (s.notResources.length > 0 ? `everything but ${show(s.notResources)}` : s.resources.join(", "));

/** The refused grants of a document's Allow statements; `error` when it does not parse. */
export function broadGrants(document: unknown): BroadGrants | { error: string } {
    const parsed = parsePolicy(document);
    if (!parsed.ok) return { error: parsed.error };
    const found: BroadGrants = { wildcards: [], escalations: [], writesOnAnyResource: [] };
    for (const s of parsed.statements.filter(allows)) {
        if (grantsAdmin(s)) {
            found.admin ??= s.notActions.length > 0 ? `every action but ${show(s.notActions)}` : "every action";
            continue;
        }
        const broad = s.actions.filter((a) => broadWildcard(a) !== undefined);
        found.wildcards.push(...broad.map((a) => `${broadWildcard(a)!} on ${onWhat(s)}`));
        found.escalations.push(...escalations(s));
        // Wildcards already reported above are not listed again action by action.
        const named = s.actions.filter((a) => !broad.includes(a));
        if (wildcardResource(s)) found.writesOnAnyResource.push(...scopableChanges(named));
    }
    return { ...found, escalations: [...new Set(found.escalations)], writesOnAnyResource: [...new Set(found.writesOnAnyResource)] };
}

const some = (list: string[], max: number, glue = "; ") => `${list.slice(0, max).join(glue)}${list.length > max ? `${glue}… (${list.length} in all)` : ""}`;

/** "cloudwatch:* (…) on *; logs:* (…) on *; privilege escalation: …", or undefined when nothing is refused. */
export function describeBroadGrants(g: BroadGrants): string | undefined {
    const parts = [
        ...(g.admin ? [`${g.admin} on every resource (administrator access)`] : []),
        ...(g.wildcards.length > 0 ? [some(g.wildcards, 3)] : []),
        ...(g.escalations.length > 0 ? [`privilege escalation: ${some(g.escalations, 2)}`] : []),
        ...(g.writesOnAnyResource.length > 0 ? [`changes on Resource "*" that AWS lets be scoped: ${some(g.writesOnAnyResource, 3, ", ")}`] : []),
    ];
    return parts.length > 0 ? parts.join("; ") : undefined;
}
