// What the ECS agent needs for a set of task definitions (pull their ECR images, write their
// awslogs groups, read their secrets), and whether a granted action/resource stays within it.
import type { PolicyResource } from "@pulumi/policy";
import { parseContainers } from "../knowledge/containers";
import { parseEcrImage } from "../knowledge/ecr";
import { ECR_AUTH_ACTION, ECR_PULL_ACTIONS, LOG_WRITE_ACTIONS } from "../knowledge/iamActions";
import { isSecretsManagerArn, secretArnOf } from "../knowledge/secrets";
import { asRecords, at, text } from "../knowledge/values";

export interface Needs {
    repositories: string[];
    logGroups: string[];
    secrets: string[];
    parameters: string[];
}

export function needsOf(taskDefinitions: PolicyResource[]): Needs {
    const needs: Needs = { repositories: [], logGroups: [], secrets: [], parameters: [] };
    for (const td of taskDefinitions) {
        const parsed = parseContainers(td.props.containerDefinitions);
        if (!parsed.ok) continue;
        for (const c of parsed.containers) {
            const image = parseEcrImage(text(c.image));
            if (image) needs.repositories.push(`${image.region}:*:repository/${image.repository}`);
            const group = at(c, "logConfiguration", "options", "awslogs-group");
            if (typeof group === "string") needs.logGroups.push(group);
            for (const s of asRecords(c.secrets)) {
                const from = text(s.valueFrom);
                if (isSecretsManagerArn(from)) needs.secrets.push(secretArnOf(from));
                else needs.parameters.push(from);
            }
        }
    }
    return needs;
}

/** Does `resource` (from the role's policy) stay within what the task definitions need for `action`? */
export function withinNeeds(action: string, resource: string, needs: Needs): boolean {
    const a = action.toLowerCase();
    // The token is account-wide: any resource, but only when some image comes from ECR.
    if (a === ECR_AUTH_ACTION.toLowerCase()) return needs.repositories.length > 0;
    if (ECR_PULL_ACTIONS.some((x) => x.toLowerCase() === a)) {
        const m = /^arn:[\w-]+:ecr:([a-z0-9-]+):\d{12}:repository\/(.+)$/.exec(resource);
        return m !== null && needs.repositories.some((r) => r === `${m[1]}:*:repository/${m[2]}`);
    }
    if (LOG_WRITE_ACTIONS.some((x) => x.toLowerCase() === a)) {
        const m = /:log-group:([^:]+)(?::\*|:log-stream:.*)?$/.exec(resource);
        return m !== null && needs.logGroups.includes(m[1]!);
    }
    if (a === "secretsmanager:getsecretvalue") return needs.secrets.some((s) => resource === s || resource === `${s}*` || resource.startsWith(`${s}-`));
    if (a === "ssm:getparameters" || a === "ssm:getparameter") return needs.parameters.includes(resource);
    if (a === "kms:decrypt") return needs.secrets.length + needs.parameters.length > 0;
    return false;
}
