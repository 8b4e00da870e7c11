// What an Allow statement grants, judged on AWS's service authorization data: which wildcards
// reach actions that change things, and which actions could have been scoped instead of `*`.
import { ActionInfo } from "./iamData";
import { MUTATING_LEVELS, byLevel, describeGroups, expandAction, hasWildcard } from "./actionSets";
import { isServiceWildcard } from "./iam";
import { globMatch } from "../knowledge/values";

/**
 * An action pattern too broad for an Allow, with its reach ("ecr:Batch* (reaches Write:
 * ecr:BatchDeleteImage, …)"), or undefined when it is fine: named actions are; `*` and
 * `service:*` never are; other wildcards are when they reach no Write or Permissions-management action.
 */
export function broadWildcard(pattern: string): string | undefined {
    if (!hasWildcard(pattern)) return undefined;
    const expansion = expandAction(pattern);
    switch (expansion.kind) {
        case "everything":
            return `${pattern} (every action of every service)`;
        case "malformed":
            return `${pattern} (not a service:action pattern)`;
        case "unknownService":
            return `${pattern} (service ${expansion.service} is not in AWS's authorization data, so its reach cannot be checked)`;
    }
    const mutating = byLevel(expansion.actions, MUTATING_LEVELS);
    if (isServiceWildcard(pattern)) {
        const counts = mutating.map((g) => `${g.actions.length} ${g.level}`).join(", ");
        return `${pattern} (every ${pattern.split(":")[0]} action${counts ? `: ${counts}` : ""})`;
    }
    if (mutating.length > 0) return `${pattern} (reaches ${describeGroups(mutating, 3)})`;
    if (expansion.actions.length === 0) return `${pattern} (matches no action in AWS's authorization data)`;
    return undefined;
}

export interface UnscopedGrant {
    /** The pattern as written. */
    pattern: string;
    /** Concrete actions that support resource-level permissions (or "not in the data"). */
    scopable: string[];
}

/**
 * The actions of `patterns` that must not use `Resource: "*"`: those AWS gives a resource type,
 * and those it does not define at all (nothing proves them unscopable). `allowed` adds exceptions.
 * A wildcard whose every action is List level (`ec2:Describe*`, `s3:List*`) may use `*`: listing is
 * account-wide by design, and the few List actions with a resource type could only be scoped by
 * splitting the pattern into one statement per resource type. A List action named on its own
 * (`s3:ListBucket`) can be scoped in place, so it must be.
 */
export function scopableActions(patterns: string[], allowed: readonly string[]): UnscopedGrant[] {
    const excepted = (action: string) => allowed.some((p) => globMatch(p, action));
    return patterns
        .filter((pattern) => !excepted(pattern))
        .map((pattern): UnscopedGrant => {
            const expansion = expandAction(pattern);
            if (expansion.kind !== "actions")
                return { pattern, scopable: [expansion.kind === "everything" ? "every action" : `${pattern} (not in AWS's authorization data)`] };
            if (expansion.actions.length === 0) return { pattern, scopable: [`${pattern} (not in AWS's authorization data)`] };
            if (hasWildcard(pattern) && expansion.actions.every((a) => a.levels.every((l) => l === "List"))) return { pattern, scopable: [] };
            return { pattern, scopable: expansion.actions.filter((a) => a.resourceTypes.length > 0 && !excepted(a.action)).map(withTypes) };
        })
        .filter((g) => g.scopable.length > 0);
}

/** "s3:GetObject (accesspointobject, object)": an action with the resource types it can be scoped to. */
export const withTypes = (a: ActionInfo) => `${a.action} (${a.resourceTypes.join(", ")})`;

/** "s3:GetObject (object); ecr:Batch* → ecr:BatchGetImage (repository), …" */
export function describeUnscoped(grants: UnscopedGrant[], max = 3): string {
    return grants
        .map(({ pattern, scopable }) => {
            const listed = `${scopable.slice(0, max).join(", ")}${scopable.length > max ? `, … (${scopable.length})` : ""}`;
            return hasWildcard(pattern) ? `${pattern} → ${listed}` : listed;
        })
        .join("; ");
}

/**
 * The Write and Permissions-management actions of `patterns` that AWS lets be scoped to ARNs:
 * changes a grant on `*` makes everywhere. Actions the data does not define are not counted here
 * (nothing shows they change anything; AWS managed policies still name retired services).
 */
export function scopableChanges(patterns: string[]): string[] {
    return patterns.flatMap((pattern) => {
        const expansion = expandAction(pattern);
        if (expansion.kind !== "actions") return [];
        return expansion.actions.filter((a) => a.resourceTypes.length > 0 && a.levels.some((l) => MUTATING_LEVELS.includes(l))).map(withTypes);
    });
}
