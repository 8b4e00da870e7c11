import type { PolicyResource } from "@pulumi/policy";
import { safeProp } from "../lib/graph";
import { Statement, allows, conditionKeys, grantsAdmin, parsePolicy, trustsAnyone, trustsService, wildcardResource } from "../lib/iam";
import { Props, resourceRule, stackRule } from "../lib/rule";
import { attachedPolicies } from "../lib/attachedPolicies";
import { needsOf } from "../lib/executionNeeds";
import { checkExecutionRole } from "../lib/executionRole";
import { broadWildcard, describeUnscoped, scopableActions } from "../lib/iamGrants";
import { Kind, isKind } from "../knowledge/types";
import { asRecords, show } from "../knowledge/values";
import { iamNoBroadManagedPolicies } from "./iamManaged";

export { iamNoBroadManagedPolicies };

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
    anchors: ["AS-IAM4", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_355", "IAM.1", "AwsSolutions-IAM5"],
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
    anchors: ["AS-IAM5", "CKV_AWS_355", "CKV_AWS_289", "CKV_AWS_290", "AwsSolutions-IAM5"],
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

export const iamTrustConfusedDeputy = resourceRule<{ services: string[] }>({
    name: "iam-trust-confused-deputy",
    description: "Roles trusted by service principals (ecs-tasks) carry aws:SourceAccount or aws:SourceArn conditions; nothing trusts `*`.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Add Condition: { StringEquals: { "aws:SourceAccount": "<account>" }, ArnLike: { "aws:SourceArn": "arn:aws:ecs:<region>:<account>:*" } } to the trust statement.',
    anchors: ["IAM confused deputy", "CKV_AWS_60", "AwsSolutions-IAM5"],
    configSchema: { properties: { services: { type: "array", items: { type: "string" }, default: ["ecs-tasks.amazonaws.com"] } } },
    kinds: ["role"],
    check(props, ctx, report) {
        const parsed = parsePolicy(props.assumeRolePolicy);
        if (!parsed.ok) return report(`assumeRolePolicy is malformed: ${parsed.error}.`);
        parsed.statements.filter(allows).forEach((s) => {
            if (trustsAnyone(s)) return report(`trust statement ${s.label} lets any principal assume the role; name the service principal.`);
            const service = ctx.config.services.find((svc) => trustsService(s, svc));
            const keys = conditionKeys(s);
            if (service && !keys.includes("aws:sourceaccount") && !keys.includes("aws:sourcearn"))
                report(`trust statement ${s.label} trusts ${service} without aws:SourceAccount or aws:SourceArn conditions (confused deputy).`);
        });
    },
});

export const ecsDistinctRoles = stackRule({
    name: "ecs-distinct-execution-and-task-roles",
    description: "A task definition's execution role (used by the ECS agent) is not also its task role (used by the app).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Create a separate task role with only the app's grants; keep the execution role for pull, logs and secrets.",
    anchors: ["CKV_AWS_249"],
    check(graph, _config, report) {
        for (const td of graph.ofKind("taskDefinition")) {
            const exec = graph.inputsOf(td, "executionRoleArn", "role").map((r) => r.urn);
            const task = graph.inputsOf(td, "taskRoleArn", "role").map((r) => r.urn);
            const sameByGraph = exec.some((u) => task.includes(u));
            const e = safeProp(td, "executionRoleArn");
            const sameByValue = typeof e === "string" && e === safeProp(td, "taskRoleArn");
            if (sameByGraph || sameByValue)
                report(
                    `uses the same role as execution role and task role (${sameByGraph ? graph.byUrn(exec[0]!)!.name : show(e)}); the app would hold the agent's pull, log and secret permissions.`,
                    td,
                );
        }
    },
});

// --- The execution role grants no more than its task definitions need.

export const ecsExecutionRoleLeastPrivilege = stackRule<{ allowedManagedPolicyArns: string[] }>({
    name: "ecs-execution-role-least-privilege",
    description:
        "An execution role allows exactly what its task definitions need (pull from their repositories, write to their log groups, read their secrets), proven by simulating the agent's requests and a fixed probe set.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Build the execution role's policy from the task definition: ecr:GetAuthorizationToken, pull on the image's repository ARN, logs writes on the awslogs group ARN (`<group arn>:*`), and GetSecretValue/GetParameters on the declared secrets only. The rule simulates the agent's requests (all must be allowed) and a fixed probe set (push, delete, other repositories, log groups, secrets, PassRole, S3…; all must be denied).",
    anchors: ["CKV_AWS_355", "AwsSolutions-IAM5", "IAM least privilege"],
    configSchema: { properties: { allowedManagedPolicyArns: { type: "array", items: { type: "string" }, default: [] } } },
    check(graph, config, report) {
        const roles = new Map<string, PolicyResource[]>();
        for (const td of graph.ofKind("taskDefinition")) {
            for (const role of graph.inputsOf(td, "executionRoleArn", "role")) roles.set(role.urn, [...(roles.get(role.urn) ?? []), td]);
        }
        for (const [urn, tds] of roles) {
            const role = graph.byUrn(urn)!;
            const attached = attachedPolicies(graph, role);
            const documents = [
                ...identityDocuments(role.type, role.props).map((d) => ({ ...d, where: `${role.name} ${d.where}` })),
                ...graph.consumersOf(role, "rolePolicy", "role").map((rp) => ({ where: rp.name, document: rp.props.policy })),
                ...attached.documents,
            ];
            for (const arn of attached.arns) {
                if (!config.allowedManagedPolicyArns.includes(arn))
                    report(
                        `execution role ${role.name} has managed policy ${arn}, which grants more than its task definitions need (pull, logs, secrets of ${tds.map((t) => t.name).join(", ")}).`,
                        role,
                    );
            }
            checkExecutionRole({ name: role.name, documents, opaqueManagedPolicies: attached.arns.length > 0 }, needsOf(tds), (message) =>
                report(message, role),
            );
        }
    },
});

export const iamRules = [
    iamNoAdminAccess,
    iamNoServiceWildcards,
    iamNoWildcardResource,
    iamNoBroadManagedPolicies,
    iamTrustConfusedDeputy,
    ecsDistinctRoles,
    ecsExecutionRoleLeastPrivilege,
];
