import { parseContainers, containerName } from "../knowledge/containers";
import { safeProp } from "../lib/graph";
import { resourceRule, stackRule } from "../lib/rule";
import { presence, withChanges } from "../knowledge/unknowns";
import { asRecords, at, isRecord, show } from "../knowledge/values";

export const ecsContainerLogConfiguration = resourceRule<{ allowedLogDrivers: string[] }>({
    name: "ecs-container-log-configuration",
    description: "Every container in a task definition has a log configuration with an allowed driver.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Add logConfiguration to each container, e.g. { logDriver: "awslogs", options: { "awslogs-group", "awslogs-region", "awslogs-stream-prefix" } }.',
    anchors: ["AS-ECS7", "ECS.9", "AwsSolutions-ECS7"],
    configSchema: { properties: { allowedLogDrivers: { type: "array", items: { type: "string" }, default: ["awslogs", "awsfirelens"] } } },
    kinds: ["taskDefinition"],
    check(props, ctx, report) {
        const parsed = parseContainers(props.containerDefinitions);
        if (!parsed.ok) return report(`containerDefinitions is malformed: ${parsed.error}; it cannot be checked, fix the document.`);
        parsed.containers.forEach((c, i) => {
            const driver = at(c, "logConfiguration", "logDriver");
            if (!isRecord(c.logConfiguration))
                report(`container ${containerName(c, i)} has no logConfiguration; its output is lost. Add one with the awslogs driver.`);
            else if (typeof driver !== "string" || !ctx.config.allowedLogDrivers.includes(driver))
                report(`container ${containerName(c, i)} uses log driver ${show(driver)}; allowed: ${ctx.config.allowedLogDrivers.join(", ")}.`);
        });
    },
});

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

const insightsOn = (props: Record<string, unknown>) =>
    asRecords(props.settings).some((s) => s.name === "containerInsights" && (s.value === "enabled" || s.value === "enhanced"));

export const ecsClusterContainerInsights = resourceRule({
    name: "ecs-cluster-container-insights",
    description: "ECS clusters have Container Insights enabled.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: 'Add settings: [{ name: "containerInsights", value: "enabled" }] (or "enhanced") to the cluster.',
    anchors: ["AS-ECS4", "CKV_AWS_65", "ECS.12", "AwsSolutions-ECS4"],
    kinds: ["cluster"],
    check(props, _ctx, report) {
        if (!insightsOn(props))
            report(`Container Insights is off (settings: ${show(props.settings ?? [])}); add { name: "containerInsights", value: "enabled" }.`);
    },
    remediate(props) {
        if (insightsOn(props)) return undefined;
        const others = asRecords(props.settings).filter((s) => s.name !== "containerInsights");
        return withChanges(props, { settings: [...others, { name: "containerInsights", value: "enabled" }] });
    },
});

export const ecsAwslogsGroupExists = stackRule<{ allowedLogGroups: string[] }>({
    name: "ecs-awslogs-group-exists",
    description: "Each awslogs-group a container writes to is a log group in this stack (with its retention) or allowlisted.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Create the log group in the stack (aws.cloudwatch.LogGroup with retention) and reference it, or add its name to allowedLogGroups.",
    anchors: ["ECS.9", "CKV_AWS_66"],
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

export const loggingRules = [ecsContainerLogConfiguration, ecsAwslogsGroupExists, logGroupRetention, logGroupKms, ecsClusterContainerInsights];
