// Identity policy documents (inline, role, user, group and customer managed policies): what any
// statement may grant. Attached managed policies are judged in iamManaged.ts, trust in iamTrust.ts.
import { Statement, allows, grantsAdmin, parsePolicy, wildcardResource } from "../lib/iam";
import { escalations } from "../lib/iamEscalations";
import { Props, resourceRule } from "../lib/rule";
import { broadWildcard, describeUnscoped, scopableActions } from "../lib/iamGrants";
import { Kind, isKind } from "../knowledge/types";
import { asRecords, show } from "../knowledge/values";

export const IDENTITY_KINDS: Kind[] = ["role", "rolePolicy", "managedPolicy", "userPolicy", "groupPolicy"];

/** Identity policy documents a resource carries, with where each came from. */
export function identityDocuments(type: string, props: Props): { where: string; document: unknown }[] {
    if (isKind(type, "role"))
        return asRecords(props.inlinePolicies).map((p, i) => ({ where: `inlinePolicies[${i}]${p.name ? ` (${show(p.name)})` : ""}`, document: p.policy }));
    if (IDENTITY_KINDS.some((k) => k !== "role" && isKind(type, k))) return props.policy === undefined ? [] : [{ where: "policy", document: props.policy }];
    return [];
}

/** Runs `check` over every parsed statement; malformed documents are reported by iam-no-admin-access. */
export function eachStatement(type: string, props: Props, check: (s: Statement, where: string) => void) {
    for (const { where, document } of identityDocuments(type, props)) {
        const parsed = parsePolicy(document);
        if (parsed.ok) parsed.statements.forEach((s) => check(s, `${where} statement ${s.label}`));
    }
}

export const iamNoAdminAccess = resourceRule({
    name: "iam-no-admin-access",
    description: "No identity policy allows every action on every resource (`*` on `*`, or Allow+NotAction on `*`); documents must parse.",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "List the specific actions the workload calls and the ARNs it touches; never grant `*` on `*`.",
    anchors: ["AS-IAM4", "CKV_AWS_62", "CKV_AWS_63", "IAM.1", "AwsSolutions-IAM5"],
    kinds: IDENTITY_KINDS,
    check(props, ctx, report) {
        for (const { where, document } of identityDocuments(ctx.type, props)) {
            const parsed = parsePolicy(document);
            if (!parsed.ok) {
                report(`${where} is malformed: ${parsed.error}; an unreadable policy cannot be proven safe.`);
                continue;
            }
            parsed.statements.forEach((s) => {
                if (grantsAdmin(s))
                    report(
                        `${where} statement ${s.label} allows ${s.notActions.length ? `everything but ${show(s.notActions)}` : show(s.actions)} on ${show(s.resources)}: administrator access.`,
                    );
            });
        }
    },
});

export const iamNoServiceWildcards = resourceRule({
    name: "iam-no-service-wildcards",
    description:
        "Identity policies name actions: no `*`, no `service:*` (e.g. `s3:*`), and no wildcard that reaches Write or Permissions-management actions (wildcards are expanded with AWS's service authorization data).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Replace the wildcard with the actions the workload calls (e.g. s3:GetObject, s3:PutObject). A wildcard may stay only when every action it reaches is Read or List (e.g. s3:Get*Tagging).",
    anchors: ["AS-IAM5", "AwsSolutions-IAM5"],
    kinds: IDENTITY_KINDS,
    check(props, ctx, report) {
        eachStatement(ctx.type, props, (s, where) => {
            if (!allows(s)) return;
            const broad = s.actions.map(broadWildcard).filter((why): why is string => why !== undefined);
            if (broad.length > 0) report(`${where} allows ${broad.join("; ")}; allowed: named actions, or wildcards that reach only Read/List actions.`);
        });
    },
});

export const iamNoWildcardResource = resourceRule<{ allowedUnscopedActions: string[] }>({
    name: "iam-no-wildcard-resource",
    description:
        '`Resource: "*"` (or NotResource) only for actions that have no resource type in AWS\'s service authorization data (e.g. ecr:GetAuthorizationToken, s3:ListAllMyBuckets).',
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Scope the statement to the ARNs it needs (repository, log group, bucket…). Only actions without resource-level permissions may use `*`; list further exceptions in allowedUnscopedActions.",
    anchors: ["AS-IAM5", "CKV_AWS_355", "CKV_AWS_111", "CKV_AWS_290", "AwsSolutions-IAM5"],
    configSchema: { properties: { allowedUnscopedActions: { type: "array", items: { type: "string" }, default: [] } } },
    kinds: IDENTITY_KINDS,
    check(props, ctx, report) {
        eachStatement(ctx.type, props, (s, where) => {
            if (!allows(s) || !wildcardResource(s)) return;
            if (s.notActions.length > 0)
                return report(`${where} allows everything but ${show(s.notActions)} on Resource "*"; name the actions and scope them to ARNs.`);
            const scopable = scopableActions(s.actions, ctx.config.allowedUnscopedActions);
            if (scopable.length > 0)
                report(
                    `${where} allows ${describeUnscoped(scopable)} on Resource "*"; AWS lets these be scoped to ARNs, so scope them (only actions without a resource type, such as ecr:GetAuthorizationToken, may use "*").`,
                );
        });
    },
});

export const iamNoPrivilegeEscalation = resourceRule({
    name: "iam-no-privilege-escalation",
    description:
        "Identity policies grant no privilege-escalation action: iam:PassRole on any role, policy rewriting and attaching (iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy), credential minting (iam:CreateAccessKey, iam:UpdateLoginProfile), boundary removal, and their wildcards.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Remove the escalation actions from workload roles (grant them only to a break-glass admin role), and scope iam:PassRole to the named roles the workload passes, ideally with an iam:PassedToService condition.",
    anchors: ["CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_289"],
    kinds: IDENTITY_KINDS,
    check(props, ctx, report) {
        eachStatement(ctx.type, props, (s, where) => {
            if (!allows(s)) return;
            const found = escalations(s);
            if (found.length > 0)
                report(`${where} allows privilege escalation: ${found.join("; ")}. A principal holding these can give itself more than it was granted.`);
        });
    },
});

export const iamRules = [iamNoAdminAccess, iamNoServiceWildcards, iamNoWildcardResource, iamNoPrivilegeEscalation];
