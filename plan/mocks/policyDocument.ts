// aws.iam.getPolicyDocument as the AWS provider computes it: a pure function of its arguments.
// Statements from `sourcePolicyDocuments` first (their Sids must be unique), then the given
// statements (a Sid replaces a statement with the same Sid), then `overridePolicyDocuments`
// (same rule); sets of strings are de-duplicated and written in descending order, or as a
// plain string when they hold one element.
import { crc32 } from "node:zlib";
import { Condition, PolicyDoc, Principal, Statement, renderPolicyJson } from "./policyJson";

/** What the provider itself rejects: the program fails with this message under `pulumi preview` too. */
export class PolicyDocumentError extends Error {
    override name = "PolicyDocumentError";
}

interface PrincipalArgs {
    type: string;
    identifiers: string[];
}
interface StatementArgs {
    sid?: string;
    effect?: string;
    actions?: string[];
    notActions?: string[];
    resources?: string[];
    notResources?: string[];
    principals?: PrincipalArgs[];
    notPrincipals?: PrincipalArgs[];
    conditions?: { test: string; variable: string; values: string[] }[];
}
export interface PolicyDocumentArgs {
    version?: string;
    policyId?: string;
    statements?: StatementArgs[];
    sourcePolicyDocuments?: string[];
    overridePolicyDocuments?: string[];
}

const VERSIONS = ["2008-10-17", "2012-10-17"];

/** A set of strings as the provider writes it: one element as a string, else unique and descending. */
const stringSet = (values: string[] | undefined): string | string[] | undefined => {
    const unique = [...new Set(values ?? [])];
    if (unique.length === 0) return undefined;
    return unique.length === 1 ? unique[0] : unique.sort().reverse();
};

const principals = (list: PrincipalArgs[] | undefined): Principal[] | undefined =>
    list?.map((p) => ({ type: p.type, identifiers: stringSet(p.identifiers) ?? [] }));

function statementOf(s: StatementArgs, index: number): Statement {
    const effect = s.effect ?? "Allow";
    if (!["Allow", "Deny"].includes(effect))
        throw new PolicyDocumentError(`statements[${index}].effect ${JSON.stringify(effect)} is not valid; allowed: Allow, Deny`);
    if (s.sid !== undefined && !/^[a-zA-Z0-9]*$/.test(s.sid))
        throw new PolicyDocumentError(`statements[${index}].sid ${JSON.stringify(s.sid)} is not valid: it must only include alphanumeric characters`);
    const conditions: Condition[] | undefined = s.conditions?.map((c) => ({
        test: c.test,
        variable: c.variable,
        values: c.values.length === 1 ? c.values[0]! : [...c.values],
    }));
    return {
        Sid: s.sid,
        Effect: effect,
        Action: stringSet(s.actions),
        NotAction: stringSet(s.notActions),
        Resource: stringSet(s.resources),
        NotResource: stringSet(s.notResources),
        Principal: principals(s.principals),
        NotPrincipal: principals(s.notPrincipals),
        Condition: conditions,
    };
}

/** JSON keys match struct fields case-insensitively, as Go's decoder does. */
const field = (object: Record<string, unknown>, name: string): unknown =>
    object[name] ?? Object.entries(object).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

function parsedPrincipal(value: unknown, where: string): Principal[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return [{ type: "*", identifiers: ["*"] }];
    if (typeof value !== "object" || Array.isArray(value)) throw new PolicyDocumentError(`${where}: Principal must be "*" or an object`);
    return Object.entries(value as Record<string, unknown>).map(([type, ids]) => {
        if (typeof ids === "string") return { type, identifiers: ids };
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== "string"))
            throw new PolicyDocumentError(`${where}: Principal ${type} must be a string or a list of strings`);
        return { type, identifiers: [...(ids as string[])].sort() };
    });
}

function parsedCondition(value: unknown): Condition[] | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const out: Condition[] = [];
    for (const [test, variables] of Object.entries(value as Record<string, unknown>))
        for (const [variable, values] of Object.entries((variables ?? {}) as Record<string, unknown>)) {
            // The provider keeps strings, booleans (as "true"/"false") and lists; other values are dropped.
            if (typeof values === "string" || typeof values === "boolean") out.push({ test, variable, values: [String(values)] });
            else if (Array.isArray(values)) out.push({ test, variable, values: values.map(String) });
        }
    return out;
}

function parsedDocument(json: string, where: string): PolicyDoc {
    let value: unknown;
    try {
        value = JSON.parse(json);
    } catch (e) {
        throw new PolicyDocumentError(`${where} is not valid JSON: ${(e as Error).message}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new PolicyDocumentError(`${where} must be a JSON object`);
    const doc = value as Record<string, unknown>;
    const statements = field(doc, "Statement");
    const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
    return {
        Version: typeof field(doc, "Version") === "string" ? (field(doc, "Version") as string) : undefined,
        Id: typeof field(doc, "Id") === "string" ? (field(doc, "Id") as string) : undefined,
        Statement: list.map((raw: Record<string, unknown>, i) => ({
            Sid: typeof field(raw, "Sid") === "string" ? (field(raw, "Sid") as string) : undefined,
            Effect: typeof field(raw, "Effect") === "string" ? (field(raw, "Effect") as string) : undefined,
            Action: field(raw, "Action"),
            NotAction: field(raw, "NotAction"),
            Resource: field(raw, "Resource"),
            NotResource: field(raw, "NotResource"),
            Principal: parsedPrincipal(field(raw, "Principal"), `${where} statement ${i}`),
            NotPrincipal: parsedPrincipal(field(raw, "NotPrincipal"), `${where} statement ${i}`),
            Condition: parsedCondition(field(raw, "Condition")),
        })),
    };
}

/** The provider's merge: adopt a newer Version and any Id; a statement's Sid replaces the same Sid. */
function merge(into: PolicyDoc, next: PolicyDoc): void {
    if (next.Id) into.Id = next.Id;
    if ((next.Version ?? "") > (into.Version ?? "")) into.Version = next.Version;
    for (const statement of next.Statement) {
        const same = statement.Sid ? into.Statement.findIndex((s) => s.Sid === statement.Sid) : -1;
        if (same >= 0) into.Statement[same] = statement;
        else into.Statement.push(statement);
    }
}

export interface PolicyDocumentResult {
    id: string;
    json: string;
    minifiedJson: string;
}

export function renderPolicyDocument(args: PolicyDocumentArgs): PolicyDocumentResult {
    const merged: PolicyDoc = { Statement: [] };
    const sids = new Set<string>();
    (args.sourcePolicyDocuments ?? []).forEach((json, i) => {
        const source = parsedDocument(json, `sourcePolicyDocuments[${i}]`);
        source.Statement.forEach((s, j) => {
            if (!s.Sid) return;
            if (sids.has(s.Sid))
                throw new PolicyDocumentError(
                    `sourcePolicyDocuments[${i}]: duplicate Sid (${s.Sid}) in source_policy_documents (statement ${j}). Remove the Sid or ensure Sids are unique.`,
                );
            sids.add(s.Sid);
        });
        merge(merged, source);
    });
    const version = args.version ?? "2012-10-17";
    if (!VERSIONS.includes(version)) throw new PolicyDocumentError(`version ${JSON.stringify(version)} is not valid; allowed: ${VERSIONS.join(", ")}`);
    const own = new Set<string>();
    const statements = (args.statements ?? []).map((s, i) => {
        if (s.sid && own.has(s.sid)) throw new PolicyDocumentError(`duplicate Sid (${s.sid}). Remove the Sid or ensure the Sid is unique.`);
        if (s.sid) own.add(s.sid);
        return statementOf(s, i);
    });
    merge(merged, { Version: version, Id: args.policyId, Statement: statements });
    (args.overridePolicyDocuments ?? []).forEach((json, i) => merge(merged, parsedDocument(json, `overridePolicyDocuments[${i}]`)));
    const rendered = renderPolicyJson(merged);
    return { id: String(crc32(rendered.json)), ...rendered };
}
