// Scheduled capacity: a scheduled action may take a service to zero tasks at night on dev or
// staging, never on prod. Graph rule: scheduled action → scalable target (the `resourceId` edge at
// preview, the resource id after `up`) → ECS service (the same), whose `environment` tag names the
// stack's profile (documents/tags.ts).
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "../lib/graph";
import { stackRule } from "../lib/rule";
import { at } from "../knowledge/values";

/** The scalable target an action acts on, when it is in this stack. */
function targetOf(graph: StackGraph, action: PolicyResource): PolicyResource | undefined {
    const fed = graph.inputsOf(action, "resourceId", "scalableTarget")[0];
    if (fed) return fed;
    const id = safeProp(action, "resourceId");
    return id === undefined ? undefined : graph.ofKind("scalableTarget").find((t) => safeProp(t, "resourceId") === id);
}

/** The ECS service a scalable target scales (resource id `service/<cluster>/<service>`), when it is in this stack. */
function serviceOf(graph: StackGraph, target: PolicyResource): PolicyResource | undefined {
    const fed = graph.inputsOf(target, "resourceId", "service")[0];
    if (fed) return fed;
    const id = safeProp(target, "resourceId");
    const name = typeof id === "string" && id.startsWith("service/") ? id.split("/")[2] : undefined;
    return name === undefined ? undefined : graph.ofKind("service").find((s) => safeProp(s, "name") === name);
}

export const scheduledCapacityNoZeroOnProd = stackRule<{ environments: string[] }>({
    name: "scheduled-capacity-no-zero-on-prod",
    description: "Scheduled actions never let a service of a prod-tagged stack down to zero tasks (min or max capacity 0).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Keep scale-to-zero schedules to dev and staging; on prod, schedule min/max of at least 1 (the settings refuse less than 2) or remove the schedule.",
    anchors: ["AWS Well-Architected REL07 (scale to demand, not to outage)"],
    configSchema: {
        properties: {
            environments: { type: "array", items: { type: "string" }, default: ["prod"], description: "Values of the environment tag held to this." },
        },
    },
    check(graph, config, report) {
        for (const action of graph.ofKind("scheduledAction")) {
            const target = targetOf(graph, action);
            const service = target && serviceOf(graph, target);
            if (!service) continue;
            // Read through the SDK's proxy: a tag or capacity unknown at preview is undecided, not a pass.
            const environment = at(service.props.tags, "environment");
            if (typeof environment !== "string" || !config.environments.includes(environment)) continue;
            const capacity = action.props.scalableTargetAction;
            const [min, max] = [at(capacity, "minCapacity"), at(capacity, "maxCapacity")];
            const zero = max === 0 ? `scales it to zero tasks (maxCapacity 0)` : min === 0 ? `lets it scale in to zero tasks (minCapacity 0)` : undefined;
            if (zero)
                report(
                    `runs on the schedule ${String(safeProp(action, "schedule"))} against ${service.name}, a service of a stack tagged environment=${environment}, and ${zero}; prod keeps serving at every hour.`,
                    action,
                );
        }
    },
});

export const scheduledCapacityRules = [scheduledCapacityNoZeroOnProd];
