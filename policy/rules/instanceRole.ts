// The role a container instance runs with (the EC2 launch type): the ECS agent's actions only. Tasks
// get their own roles (taskRoles.ts); what any identity policy may grant is judged in iam.ts.
import type { PolicyResource } from "@pulumi/policy";
import { instanceProfileOf, probe, roleOfProfile, containerInstanceConfigs } from "../lib/containerInstances";
import { safeProp } from "../lib/graph";
import type { StackGraph } from "../lib/graph";
import { allows, parsePolicy } from "../lib/iam";
import { stackRule } from "../lib/rule";
import { ECS_INSTANCE_MANAGED_POLICY } from "../knowledge/ec2Instances";
import { asStrings, globMatch, show, text } from "../knowledge/values";

type Report = (message: string, resource?: PolicyResource) => void;

/** What the ECS agent calls: anything else on an instance role is reachable from the host, not the tasks' to have. */
const AGENT_ACTIONS = [
    "ecs:DiscoverPollEndpoint",
    "ecs:*ContainerInstance*",
    "ecs:Submit*",
    "ecs:Poll",
    "ecs:StartTelemetrySession",
    "ecs:PutSystemLogEvents",
    "ec2:DescribeTags",
];

export const ecsContainerInstanceRoleScoped = stackRule<{ managedPolicyReason: string; allowedActions: string[] }>({
    name: "ecs-container-instance-role-scoped",
    description: `A container instance's role grants the ECS agent's actions only. The AWS-managed ${ECS_INSTANCE_MANAGED_POLICY} (every cluster, every repository, every log group) is accepted only when the policy config gives the reason.`,
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Grant the agent's actions on this cluster (RegisterContainerInstance, Submit*, Poll… on the cluster and its container instances) in an inline policy; pull and log writes belong to the task execution role. To keep the managed policy, set managedPolicyReason in the policy config.",
    anchors: ["AwsSolutions-IAM4", "AwsSolutions-IAM5", "ECS best practices: instance role"],
    configSchema: {
        properties: { managedPolicyReason: { type: "string", default: "" }, allowedActions: { type: "array", items: { type: "string" }, default: [] } },
    },
    check(graph, config, report) {
        const roles = new Map<string, PolicyResource>();
        for (const c of containerInstanceConfigs(graph)) {
            const profile = instanceProfileOf(graph, c.config);
            const role = profile && roleOfProfile(graph, profile);
            if (role) roles.set(role.urn, role);
        }
        for (const role of roles.values()) {
            const read = probe(() => checkInstanceRole(graph, role, config, report));
            if (!read.known) report(`a ${read.path} of instance role ${role.name} is unknown at preview: unverifiable, so not accepted.`, role);
        }
    },
});

function checkInstanceRole(graph: StackGraph, role: PolicyResource, config: { managedPolicyReason: string; allowedActions: string[] }, report: Report): void {
    const managed = [
        ...asStrings(safeProp(role, "managedPolicyArns")),
        ...graph.consumersOf(role, "rolePolicyAttachment", "role").map((a) => text(safeProp(a, "policyArn"))),
    ];
    for (const arn of managed) {
        if (arn.endsWith(`:policy/${ECS_INSTANCE_MANAGED_POLICY}`) && config.managedPolicyReason.trim() !== "") continue;
        report(
            arn.endsWith(ECS_INSTANCE_MANAGED_POLICY)
                ? `instance role ${role.name} attaches ${arn}, which grants every cluster, repository and log group; scope it to this cluster, or give managedPolicyReason in the policy config.`
                : `instance role ${role.name} attaches ${arn}; the instance runs the ECS agent, which needs only its own actions.`,
            role,
        );
    }
    const allowed = [...AGENT_ACTIONS, ...config.allowedActions];
    for (const rp of graph.consumersOf(role, "rolePolicy", "role")) {
        const parsed = parsePolicy(rp.props.policy);
        if (!parsed.ok) continue;
        for (const s of parsed.statements.filter(allows)) {
            const extra = s.actions.filter((a) => !allowed.some((p) => globMatch(p, a)));
            if (extra.length > 0 || s.notActions.length > 0)
                report(
                    `instance role ${role.name} (${rp.name}) allows ${s.notActions.length > 0 ? `everything but ${show(s.notActions)}` : extra.join(", ")}, which the ECS agent does not call; tasks get their own roles.`,
                    role,
                );
        }
    }
}

export const instanceRoleRules = [ecsContainerInstanceRoleScoped];
