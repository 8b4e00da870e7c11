// ECS cluster rules. ECS Exec opens a shell in running tasks: when a service allows it, its cluster
// records every session (commands and output) in a place of the operator's choosing. Graph rule:
// service → cluster by the recorded `cluster` edge at preview, or by the ARN or name after `up`.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "../lib/graph";
import { resourceRule, stackRule } from "../lib/rule";
import { withChanges } from "../knowledge/unknowns";
import { asRecords, at, show, truthy } from "../knowledge/values";

/** The service's cluster when it is in this stack. */
function clusterOf(graph: StackGraph, service: PolicyResource): PolicyResource | undefined {
    const fed = graph.inputsOf(service, "cluster", "cluster")[0];
    if (fed) return fed;
    const ref = safeProp(service, "cluster");
    return graph.withId("cluster", ref) ?? graph.ofKind("cluster").find((c) => ref !== undefined && safeProp(c, "name") === ref);
}

/** Why the cluster's execute-command logging records nothing usable, or undefined when it does. */
export function execLoggingGap(cluster: PolicyResource): string | undefined {
    // Read through the SDK's proxy: a configuration unknown at preview is undecided, not a gap.
    const exec = at(cluster.props.configuration, "executeCommandConfiguration");
    const logging = at(exec, "logging") ?? "DEFAULT";
    if (logging === "NONE") return "sets execute-command logging to NONE";
    if (logging !== "OVERRIDE")
        return "leaves execute-command logging at DEFAULT (sessions land only where each task definition's awslogs points, mixed with the app's output, or nowhere)";
    const destination = at(exec, "logConfiguration");
    if (!at(destination, "cloudWatchLogGroupName") && !at(destination, "s3BucketName"))
        return "sets execute-command logging to OVERRIDE without a log group or bucket";
    return undefined;
}

export const ecsExecAuditLogging = stackRule({
    name: "ecs-exec-audit-logging",
    description: "Services with ECS Exec enabled run on a cluster that logs exec sessions to a CloudWatch Logs group or S3 bucket (logging OVERRIDE).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        'Set the cluster\'s configuration.executeCommandConfiguration to { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName, cloudWatchEncryptionEnabled: true } } (or an S3 bucket), and let the task role write there.',
    anchors: ["CKV_AWS_223"],
    check(graph, _config, report) {
        for (const service of graph.ofKind("service")) {
            if (!truthy(service.props.enableExecuteCommand)) continue;
            const cluster = clusterOf(graph, service);
            if (!cluster) continue;
            const gap = execLoggingGap(cluster);
            if (gap) report(`has ECS Exec enabled, but its cluster ${cluster.name} ${gap}; shells opened in its tasks leave no audit trail.`, service);
        }
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

export const clusterRules = [ecsClusterContainerInsights, ecsExecAuditLogging];
