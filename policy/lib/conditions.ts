// Does a statement's Condition narrow `Principal: "*"` to someone in particular? Only a positive
// match on a key that binds the caller to an account, organization, ARN, network or user id does;
// negations, IfExists, ForAllValues (true when the key is absent), wildcard values and keys anyone
// can satisfy (aws:username, tags, time) do not. Key types come from AWS's authorization data.
import { conditionKeyType, isMultiValuedType } from "./iamData";
import { asList, isRecord } from "../knowledge/values";

/** Keys whose value ties the caller to something the resource owner trusts. */
const BINDING_KEYS = new Set(
    [
        "aws:PrincipalArn",
        "aws:PrincipalAccount",
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:PrincipalServiceName",
        "aws:PrincipalServiceNamesList",
        "aws:SourceArn",
        "aws:SourceAccount",
        "aws:SourceOwner",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
        "aws:SourceIp",
        "aws:VpcSourceIp",
        "aws:SourceVpc",
        "aws:SourceVpcArn",
        "aws:SourceVpce",
        "aws:VpceAccount",
        "aws:VpceOrgID",
        "aws:VpceOrgPaths",
        "aws:userid",
        "kms:CallerAccount",
    ].map((k) => k.toLowerCase()),
);

const POSITIVE_OPERATORS = new Set(["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"]);

export type Narrowing = { narrows: true; by: string } | { narrows: false; why: string };

/** Does this value pin the key to something specific (no `*` that lets anyone in)? */
function specificValue(key: string, value: unknown): boolean {
    if (typeof value !== "string" || value.trim() === "") return false;
    if (key === "aws:sourceip" || key === "aws:vpcsourceip") return !/\/0$/.test(value.trim());
    if (!/[*?]/.test(value)) return true;
    if (value.startsWith("arn:")) return /^\d{12}$/.test(value.split(":")[4] ?? "");
    if (/^o-[a-z0-9]+\//.test(value)) return true; // an org path with the org pinned
    return /^[A-Z0-9]+:\*$/.test(value); // a role's unique id with any session name
}

function entryVerdict(operator: string, key: string, values: unknown[]): Narrowing {
    const lowerKey = key.toLowerCase();
    const op = operator.toLowerCase();
    const [qualifier, base] = op.includes(":") ? (op.split(":", 2) as [string, string]) : ["", op];
    const shown = `${operator} on ${key}`;
    if (!BINDING_KEYS.has(lowerKey)) {
        const known = conditionKeyType(key) !== undefined;
        return {
            narrows: false,
            why: `${shown}: ${key} ${known ? "does not bind the caller to an account, organization, ARN or network" : "is not a condition key AWS defines"}`,
        };
    }
    if (qualifier === "forallvalues") {
        const single = !isMultiValuedType(conditionKeyType(key));
        return { narrows: false, why: `${shown}: ForAllValues is true when the key is absent${single ? `, and ${key} is single-valued` : ""}` };
    }
    if (base.endsWith("ifexists")) return { narrows: false, why: `${shown}: IfExists lets requests without the key through` };
    if (!POSITIVE_OPERATORS.has(base)) return { narrows: false, why: `${shown}: ${operator} does not name who may call` };
    if (values.length === 0 || !values.every((v) => specificValue(lowerKey, v))) return { narrows: false, why: `${shown}: a value matches anyone` };
    return { narrows: true, by: shown };
}

/**
 * Conditions are ANDed: one narrowing entry is enough. Without any, the reason of the first entry.
 * `onlyKeys` limits which binding keys count (e.g. aws:PrincipalArn to narrow inside one account).
 */
export function narrowsPrincipals(condition: unknown, onlyKeys?: readonly string[]): Narrowing {
    if (!isRecord(condition) || Object.keys(condition).length === 0) return { narrows: false, why: "no condition" };
    const counts = (key: string) => onlyKeys === undefined || onlyKeys.some((k) => k.toLowerCase() === key.toLowerCase());
    const verdicts = Object.entries(condition).flatMap(([operator, block]) =>
        isRecord(block)
            ? Object.entries(block).map(([key, value]): Narrowing => {
                  const verdict = entryVerdict(operator, key, asList(value));
                  return verdict.narrows && !counts(key) ? { narrows: false, why: `${operator} on ${key} does not narrow who inside the account` } : verdict;
              })
            : [],
    );
    return verdicts.find((v) => v.narrows) ?? verdicts[0] ?? { narrows: false, why: "an empty condition" };
}
