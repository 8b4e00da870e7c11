// How the AWS provider writes an IAM policy document as JSON (Go's encoding/json on its policy
// model): fixed key order, principals and conditions as sorted maps, one-element lists of
// conditions flattened to a string, and HTML characters escaped as \u003c, \u003e and \u0026.

export interface Principal {
    type: string;
    identifiers: string | string[];
}

export interface Condition {
    test: string;
    variable: string;
    values: string | string[];
}

/** A statement as the provider holds it; Action and Resource keep the shape they were given. */
export interface Statement {
    Sid?: string;
    Effect?: string;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Principal?: Principal[];
    NotPrincipal?: Principal[];
    Condition?: Condition[];
}

export interface PolicyDoc {
    Version?: string;
    Id?: string;
    Statement: Statement[];
}

/** Go sorts strings by bytes; for the ASCII of policies that is code-unit order. */
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const descending = (values: string[]) => [...values].sort(byBytes).reverse();
const sortedKeys = <T>(map: Map<string, T>) => Object.fromEntries([...map.entries()].sort(([a], [b]) => byBytes(a, b)));

/** `"*"` for a lone `{type: "*", identifiers: ["*"]}`; else `{type: ids}`, lists in descending order. */
function principalJson(principals: Principal[]): unknown {
    const only = principals.length === 1 ? principals[0]! : undefined;
    if (only?.type === "*" && [only.identifiers].flat().length === 1 && [only.identifiers].flat()[0] === "*") return "*";
    const byType = new Map<string, string | string[]>();
    for (const { type, identifiers } of principals) {
        const before = byType.get(type);
        if (Array.isArray(identifiers)) byType.set(type, [...(before === undefined ? [] : [before].flat()), ...descending(identifiers)]);
        else byType.set(type, before === undefined ? identifiers : [...[before].flat(), identifiers]);
    }
    return sortedKeys(byType);
}

/** `{test: {variable: values}}`; values keep their order; a single value is written as a string. */
function conditionJson(conditions: Condition[]): unknown {
    const byTest = new Map<string, Map<string, string[]>>();
    for (const { test, variable, values } of conditions) {
        const variables = byTest.get(test) ?? new Map<string, string[]>();
        byTest.set(test, variables);
        variables.set(variable, [...(variables.get(variable) ?? []), ...[values].flat()]);
    }
    const flattened = new Map([...byTest].map(([test, vars]) => [test, sortedKeys(new Map([...vars].map(([k, v]) => [k, v.length === 1 ? v[0] : v])))]));
    return sortedKeys(flattened);
}

/** Go's omitempty: absent, or an empty principal/condition list, is left out. */
function statementJson(s: Statement): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (s.Sid) out.Sid = s.Sid;
    if (s.Effect) out.Effect = s.Effect;
    for (const key of ["Action", "NotAction", "Resource", "NotResource"] as const) if (s[key] !== undefined && s[key] !== null) out[key] = s[key];
    if (s.Principal?.length) out.Principal = principalJson(s.Principal);
    if (s.NotPrincipal?.length) out.NotPrincipal = principalJson(s.NotPrincipal);
    if (s.Condition?.length) out.Condition = conditionJson(s.Condition);
    return out;
}

function documentJson(doc: PolicyDoc): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (doc.Version) out.Version = doc.Version;
    if (doc.Id) out.Id = doc.Id;
    if (doc.Statement.length > 0) out.Statement = doc.Statement.map(statementJson);
    return out;
}

const escapeHtml = (json: string) => json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The provider's `json` (indented by two spaces) and `minifiedJson`. */
export function renderPolicyJson(doc: PolicyDoc): { json: string; minifiedJson: string } {
    const value = documentJson(doc);
    return { json: escapeHtml(JSON.stringify(value, null, 2)), minifiedJson: escapeHtml(JSON.stringify(value)) };
}
