// The two roles a task definition names: the execution role (the ECS agent's: pull, logs, secrets)
// and the task role (the app's). What any identity policy may grant is judged in iam.ts.
import type { PolicyResource } from "@pulumi/policy";
import { safeProp } from "../lib/graph";
import { stackRule } from "../lib/rule";
import { attachedPolicies } from "../lib/attachedPolicies";
import { needsOf } from "../lib/executionNeeds";
import { checkExecutionRole } from "../lib/executionRole";
import { show } from "../knowledge/values";
import { identityDocuments } from "./iam";

export const ecsDistinctExecutionAndTaskRoles = stackRule({
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
    anchors: ["AwsSolutions-IAM5", "IAM least privilege"],
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

export const taskRoleRules = [ecsDistinctExecutionAndTaskRoles, ecsExecutionRoleLeastPrivilege];
