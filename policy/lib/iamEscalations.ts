// Privilege escalation: actions with which a principal grants itself (or a principal it controls)
// more than it was given, after the published AWS escalation paths (Rhino Security Labs). Each is
// a single action that suffices on its own; iam:PassRole counts when it reaches any role.
import { Statement, grantsEverythingBut } from "./iam";
import { SOME_SEGMENT, actionMatches, resourceMatches } from "./iamSimulate";

/** Action → what it lets the holder do. Every name is checked against AWS's action data in the tests. */
export const ESCALATION_ACTIONS: Record<string, string> = {
    "iam:CreatePolicyVersion": "rewrite a managed policy",
    "iam:SetDefaultPolicyVersion": "switch a managed policy to a broader version",
    "iam:AttachUserPolicy": "attach any managed policy to a user",
    "iam:AttachGroupPolicy": "attach any managed policy to a group",
    "iam:AttachRolePolicy": "attach any managed policy to a role",
    "iam:PutUserPolicy": "write a user's inline policy",
    "iam:PutGroupPolicy": "write a group's inline policy",
    "iam:PutRolePolicy": "write a role's inline policy",
    "iam:AddUserToGroup": "join a more privileged group",
    "iam:UpdateAssumeRolePolicy": "let itself assume a role",
    "iam:CreateAccessKey": "mint access keys for another user",
    "iam:CreateLoginProfile": "give another user a console password",
    "iam:UpdateLoginProfile": "reset another user's console password",
    "iam:DeleteRolePermissionsBoundary": "lift a role's permissions boundary",
    "iam:DeleteUserPermissionsBoundary": "lift a user's permissions boundary",
    "iam:PutRolePermissionsBoundary": "replace a role's permissions boundary",
    "iam:PutUserPermissionsBoundary": "replace a user's permissions boundary",
    "lambda:UpdateFunctionCode": "run its own code under a function's role",
    "glue:UpdateDevEndpoint": "take over a Glue dev endpoint's role",
};
export const PASS_ROLE = "iam:PassRole";

/** A role ARN nobody names: a PassRole resource that matches it matches any role. */
const ANY_ROLE = `arn:${SOME_SEGMENT}:iam::${SOME_SEGMENT}:role/any-role-in-the-account`;

/** Services the escalation actions belong to: other named actions cannot reach them. */
const SERVICES = new Set([...Object.keys(ESCALATION_ACTIONS), PASS_ROLE].map((a) => a.split(":")[0]!));
const mayEscalate = (s: Statement) =>
    grantsEverythingBut(s) || s.actions.some((p) => /[*?]/.test(p.split(":")[0]!) || SERVICES.has(p.split(":")[0]!.toLowerCase()));

const grants = (s: Statement, action: string) =>
    grantsEverythingBut(s) ? !s.notActions.some((p) => actionMatches(p, action)) : s.actions.some((p) => actionMatches(p, action));

/** "iam:AttachRolePolicy (attach any managed policy to a role)", with the pattern that reaches it when it is a wildcard. */
export function escalations(s: Statement): string[] {
    if (!mayEscalate(s)) return [];
    const via = (action: string) => {
        const pattern = s.actions.find((p) => actionMatches(p, action));
        return pattern && pattern.toLowerCase() !== action.toLowerCase() ? ` via ${pattern}` : "";
    };
    const found = Object.entries(ESCALATION_ACTIONS)
        .filter(([action]) => grants(s, action))
        .map(([action, why]) => `${action}${via(action)} (${why})`);
    const anyRole = s.notResources.length > 0 || s.resources.some((r) => resourceMatches(r, ANY_ROLE));
    if (grants(s, PASS_ROLE) && anyRole)
        found.unshift(
            `${PASS_ROLE}${via(PASS_ROLE)} on ${s.notResources.length > 0 ? "everything but named resources" : "any role"} (hand any role to a service it can start)`,
        );
    return found;
}
