// Identity-policy evaluation for one request (action + resource ARN), as IAM decides it: an
// explicit Deny wins, then an Allow, else the implicit deny. Conditions depend on the request's
// context, which a policy check does not have, so a statement with conditions only "may" apply.
import { Statement } from "./iam";
import { isRecord } from "../knowledge/values";

/** Stands for an ARN segment the stack does not reveal (the account of a log group, say): it matches any pattern segment. */
export const SOME_SEGMENT = "\u0000some";

export interface Request {
    action: string;
    /** The resource ARN, or "*" for actions without a resource type. */
    resource: string;
}

export type Decision =
    /** An unconditional Allow matches and no Deny can. */
    | "allowed"
    /** Allowed depending on conditions (of an Allow, or of a Deny that would otherwise block). */
    | "conditional"
    /** An unconditional Deny matches. */
    | "denied"
    /** Nothing allows it. */
    | "implicit";

export interface Simulation {
    decision: Decision;
    /** The Allow statements that (may) grant the request. */
    allowedBy: Statement[];
}

const cache = new Map<string, RegExp>();
function glob(pattern: string, caseInsensitive: boolean): RegExp {
    const key = `${caseInsensitive ? "i" : "s"}${pattern}`;
    let re = cache.get(key);
    if (!re) {
        const body = pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".");
        cache.set(key, (re = new RegExp(`^${body}$`, caseInsensitive ? "i" : "")));
    }
    return re;
}

export const actionMatches = (pattern: string, action: string): boolean => glob(pattern, true).test(action);

/**
 * IAM resource matching: `*` and `?` globs, case-sensitive; a `*` that ends a segment reaches
 * across colons (as AWS documents for the Resource element). An open segment of the request is
 * taken to be whatever the pattern says there.
 */
export function resourceMatches(pattern: string, resource: string): boolean {
    if (pattern === "*") return true;
    if (resource === "*") return false;
    if (resource.includes(SOME_SEGMENT)) {
        const given = pattern.split(":");
        resource = resource
            .split(":")
            .map((segment, i) => (segment === SOME_SEGMENT ? (given[i] ?? "x") : segment))
            .join(":");
    }
    return glob(pattern, false).test(resource);
}

const hasConditions = (s: Statement) => isRecord(s.condition) && Object.keys(s.condition).length > 0;

/** Does the statement's Action/NotAction and Resource/NotResource cover the request? */
export function statementCovers(s: Statement, request: Request): boolean {
    const actionHit =
        s.notActions.length > 0 ? !s.notActions.some((p) => actionMatches(p, request.action)) : s.actions.some((p) => actionMatches(p, request.action));
    if (!actionHit) return false;
    // NotResource excludes only what it names exactly; a request on an unrevealed segment may or may not be excluded: count it as covered.
    if (s.notResources.length > 0) return !s.notResources.some((p) => !request.resource.includes(SOME_SEGMENT) && resourceMatches(p, request.resource));
    return s.resources.some((p) => resourceMatches(p, request.resource));
}

export function simulate(statements: Statement[], request: Request): Simulation {
    const covering = statements.filter((s) => statementCovers(s, request));
    const denies = covering.filter((s) => s.effect === "Deny");
    const allowedBy = covering.filter((s) => s.effect === "Allow");
    if (denies.some((s) => !hasConditions(s))) return { decision: "denied", allowedBy: [] };
    if (allowedBy.length === 0) return { decision: "implicit", allowedBy };
    const firm = allowedBy.some((s) => !hasConditions(s)) && denies.length === 0;
    return { decision: firm ? "allowed" : "conditional", allowedBy };
}

/** Could the request go through (allowed, or allowed under some context)? */
export const mayBeAllowed = (d: Decision): boolean => d === "allowed" || d === "conditional";
