// IAM action patterns (`s3:Get*`, `ecr:Batch*`, `*`) expanded against AWS's action data into the
// concrete actions they reach, with their access levels.
import { AccessLevel, ActionInfo, serviceActions } from "./iamData";

export type Expansion =
    /** `*`, `*:*`, or a wildcard in the service part: every action of every service. */
    | { kind: "everything" }
    /** No `service:action` shape. */
    | { kind: "malformed" }
    /** A service prefix AWS does not define (a typo, or a service newer than the data). */
    | { kind: "unknownService"; service: string }
    | { kind: "actions"; actions: ActionInfo[] };

const cache = new Map<string, Expansion>();

const globToRegExp = (glob: string) =>
    new RegExp(
        `^${glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );

export const hasWildcard = (pattern: string): boolean => /[*?]/.test(pattern);

/** The actions a pattern from an Action/NotAction element reaches (case-insensitive, as IAM matches). */
export function expandAction(pattern: string): Expansion {
    let found = cache.get(pattern);
    if (!found) {
        found = expandUncached(pattern.trim());
        cache.set(pattern, found);
    }
    return found;
}

function expandUncached(pattern: string): Expansion {
    if (/^\*+(:\*+)?$/.test(pattern)) return { kind: "everything" };
    const parts = pattern.split(":");
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return { kind: "malformed" };
    const [service, name] = parts as [string, string];
    if (hasWildcard(service)) return { kind: "everything" };
    const actions = serviceActions(service);
    if (!actions) return { kind: "unknownService", service };
    if (!hasWildcard(name)) {
        const one = actions.get(name.toLowerCase());
        return { kind: "actions", actions: one ? [one] : [] };
    }
    const re = globToRegExp(name);
    return { kind: "actions", actions: [...actions.entries()].filter(([key]) => re.test(key)).map(([, a]) => a) };
}

/** Levels that change something: what a wildcard must not reach unnoticed. */
export const MUTATING_LEVELS: readonly AccessLevel[] = ["Permissions management", "Write"];

/** The actions of `list` with any of `levels`, each under the first of `levels` it has ("Permissions management, Write" counts once). */
export function byLevel(list: ActionInfo[], levels: readonly AccessLevel[]): { level: AccessLevel; actions: string[] }[] {
    return levels
        .map((level, i) => ({
            level,
            actions: list.filter((a) => a.levels.includes(level) && !levels.slice(0, i).some((l) => a.levels.includes(l))).map((a) => a.action),
        }))
        .filter((g) => g.actions.length > 0);
}

/** "Write: ecr:BatchDeleteImage, ecr:PutImage, … (12)": short enough for a violation message. */
export function describeGroups(groups: { level: AccessLevel; actions: string[] }[], max = 4): string {
    return groups
        .map(({ level, actions }) => `${level}: ${actions.slice(0, max).join(", ")}${actions.length > max ? `, … (${actions.length})` : ""}`)
        .join("; ");
}
