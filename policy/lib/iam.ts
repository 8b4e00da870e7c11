// IAM documents as people write them: JSON strings or objects, Action/Resource as a string or
// a list, NotAction/NotResource, single statements instead of lists.
import { asList, asRecords, asStrings, isRecord, parseDocument } from "../knowledge/values";

export interface Statement {
    sid?: string;
    /** How messages name it: its Sid, or its position in the document when the Sid is missing or blank. */
    label: string;
    effect: "Allow" | "Deny";
    actions: string[];
    notActions: string[];
    resources: string[];
    notResources: string[];
    principal: unknown;
    condition: unknown;
}

export type ParsedPolicy = { ok: true; statements: Statement[] } | { ok: false; error: string };

export function parsePolicy(document: unknown): ParsedPolicy {
    const parsed = parseDocument(document);
    if (!parsed.ok) return parsed;
    if (!isRecord(parsed.value)) return { ok: false, error: "not a policy document object" };
    const raw = parsed.value.Statement;
    if (raw === undefined) return { ok: false, error: "no Statement" };
    const statements = asList(raw).map((s, index): Statement | undefined => {
        if (!isRecord(s)) return undefined;
        // A blank Sid names nothing: "trust statement  trusts" helps nobody find the statement.
        const sid = typeof s.Sid === "string" && s.Sid.trim() !== "" ? s.Sid : undefined;
        return {
            sid,
            label: sid ?? String(index),
            effect: s.Effect === "Deny" ? "Deny" : "Allow",
            actions: asStrings(s.Action),
            notActions: asStrings(s.NotAction),
            resources: asStrings(s.Resource),
            notResources: asStrings(s.NotResource),
            principal: s.Principal,
            condition: s.Condition,
        };
    });
    if (statements.some((s) => s === undefined)) return { ok: false, error: "a Statement entry is not an object" };
    return { ok: true, statements: statements as Statement[] };
}

export const allows = (s: Statement) => s.effect === "Allow";

/** Allow with NotAction grants everything but the listed actions: treat it as a wildcard. */
export const grantsEverythingBut = (s: Statement) => allows(s) && s.notActions.length > 0;

export const isFullWildcard = (action: string) => action === "*" || action === "*:*";

/** "s3:*": every action of one service. */
export const isServiceWildcard = (action: string) => /^[\w-]+:\*$/.test(action);

export const wildcardResource = (s: Statement) => s.resources.includes("*") || s.notResources.length > 0;

/** An Allow of every action (`*`, or NotAction) on every resource: administrator access. */
export const grantsAdmin = (s: Statement) => allows(s) && (s.actions.some(isFullWildcard) || grantsEverythingBut(s)) && wildcardResource(s);

/** The statement names a service principal, directly or in a list. */
export function trustsService(s: Statement, service: string): boolean {
    if (!isRecord(s.principal)) return false;
    return asStrings(s.principal.Service).includes(service);
}

export function trustsAnyone(s: Statement): boolean {
    return s.principal === "*" || (isRecord(s.principal) && asStrings(s.principal.AWS).includes("*"));
}

/** Condition keys used anywhere in the statement, lowercased (IAM keys are case-insensitive). */
export function conditionKeys(s: Statement): string[] {
    return asRecords(s.condition).flatMap((ops) =>
        Object.values(ops).flatMap((block) => (isRecord(block) ? Object.keys(block).map((k) => k.toLowerCase()) : [])),
    );
}
