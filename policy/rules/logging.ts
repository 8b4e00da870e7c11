// Log groups and where containers' logs go. A container's own logConfiguration is judged in container.ts.
import { parseContainers, containerName } from "../knowledge/containers";
import { safeProp } from "../lib/graph";
import { resourceRule, stackRule } from "../lib/rule";
import { presence, withChanges } from "../knowledge/unknowns";
import { at, show } from "../knowledge/values";

export const logGroupRetention = resourceRule<{ minimumRetentionDays: number; defaultRetentionDays: number }>({
    name: "log-group-retention",
    description: "Log groups set a retention of at least the configured minimum (never 'forever' by omission).",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Set retentionInDays to a CloudWatch retention value at or above the minimum (e.g. 30, 90, 365).",
    anchors: ["CKV_AWS_66", "CKV_AWS_338"],
    configSchema: { properties: { minimumRetentionDays: { type: "integer", default: 7 }, defaultRetentionDays: { type: "integer", default: 30 } } },
    kinds: ["logGroup"],
    check(props, ctx, report) {
        const days = props.retentionInDays;
        if (days === undefined || days === 0)
            report(`retentionInDays is not set, so logs are kept forever; set it to at least ${ctx.config.minimumRetentionDays} days.`);
        else if (typeof days !== "number" || days < ctx.config.minimumRetentionDays)
            report(`retentionInDays is ${show(days)}; the minimum is ${ctx.config.minimumRetentionDays} days.`);
    },
    remediate(props, ctx) {
        return props.retentionInDays === undefined || props.retentionInDays === 0
            ? withChanges(props, { retentionInDays: ctx.config.defaultRetentionDays })
            : undefined;
    },
});

export const logGroupKms = resourceRule({
    name: "log-group-kms",
    description: "Log groups are encrypted with a customer-managed KMS key.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Create an aws.kms.Key whose policy lets logs.<region>.amazonaws.com use it for this log group, and set kmsKeyId.",
    anchors: ["CKV_AWS_158"],
    kinds: ["logGroup"],
    check(props, _ctx, report) {
        // Presence only: a key created in the same run has an ARN unknown at preview, and
        // CloudWatch Logs accepts only a key ARN, so the value itself is never needed.
        if (presence(props, "kmsKeyId") === "unset")
            report("kmsKeyId is not set; logs are encrypted with a service key only. Set kmsKeyId to a customer-managed key.");
    },
});

export const ecsAwslogsGroupExists = stackRule<{ allowedLogGroups: string[] }>({
    name: "ecs-awslogs-group-exists",
    description: "Each awslogs-group a container writes to is a log group in this stack (with its retention) or allowlisted.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Create the log group in the stack (aws.cloudwatch.LogGroup with retention) and reference it, or add its name to allowedLogGroups.",
    anchors: ["ECS awslogs log group"],
    configSchema: { properties: { allowedLogGroups: { type: "array", items: { type: "string" }, default: [] } } },
    check(graph, config, report) {
        const names = new Set(graph.ofKind("logGroup").map((g) => safeProp(g, "name")));
        for (const td of graph.ofKind("taskDefinition")) {
            const parsed = parseContainers(td.props.containerDefinitions);
            if (!parsed.ok) continue; // ecs-container-log-configuration reports malformed documents
            parsed.containers.forEach((c, i) => {
                const group = at(c, "logConfiguration", "options", "awslogs-group");
                if (at(c, "logConfiguration", "logDriver") !== "awslogs" || group === undefined) return;
                if (!names.has(group) && !config.allowedLogGroups.includes(group as string)) {
                    report(
                        `container ${containerName(c, i)} writes to log group ${show(group)}, which is not in this stack nor in allowedLogGroups; it would be created without retention.`,
                        td,
                    );
                }
            });
        }
    },
});

export const loggingRules = [ecsAwslogsGroupExists, logGroupRetention, logGroupKms];
