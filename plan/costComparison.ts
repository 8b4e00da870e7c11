// The plan's cost: the stack priced with its own usage assumptions (settings the user can change
// with --config), what the model cannot price, and, for a program of this project's shape (an ECS
// service behind an ALB), the same app priced with the common defaults, for the ratio.
import { CostEstimate, estimateMonthlyCost } from "../policy/knowledge/cost";
import { CostComparison, commonDefaultsEstimate, isLoadBalancedService } from "../policy/knowledge/costDefaults";
import { UnpricedResource, unpricedResources } from "../policy/knowledge/costUnpriced";
import { ScheduledCost, scheduledCost } from "../policy/knowledge/costSchedule";
import { isKind } from "../policy/knowledge/types";
import type { CostAssumptions } from "../policy/knowledge/costModel";
import { ConfigReader, SettingsError } from "../settings/configReader";
import { readCostAssumptions } from "../settings/costAssumptions";
import type { OpaqueComponent } from "./opaqueComponents";
import type { StackConfig } from "./stackConfig";
import type { ResourceRecord } from "./types";

export interface PlanCost {
    cost: CostEstimate;
    /** Only for an ECS service behind an ALB: other programs are not "the same app". */
    commonDefaults?: CostComparison;
    /** Billable resources the model has no price for. */
    unpriced: UnpricedResource[];
    /** Whether the estimate used the usage assumptions (it runs ECS tasks). */
    usageAssumed: boolean;
    /** With the stack's scheduled actions applied (the estimate above is always-on); only when it has some. */
    scheduled?: ScheduledCost;
}

/** The cost settings in a stack's config (defaults for those not set); throws SettingsError on bad values. */
export function costAssumptionsOf(stack: Pick<StackConfig, "project" | "config">): CostAssumptions {
    const prefix = `${stack.project}:`;
    const raw = Object.fromEntries(
        Object.entries(stack.config)
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), value]),
    );
    const reader = new ConfigReader(raw);
    const assumptions = readCostAssumptions(reader);
    if (reader.problems.length > 0) throw new SettingsError(reader.problems);
    return assumptions;
}

/** What the components the plan cannot see into create is billed too, and priced by nobody here. */
function unpricedComponents(opaque: OpaqueComponent[]): UnpricedResource[] {
    const byType = new Map<string, number>();
    for (const c of opaque) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
    return [...byType].map(([type, count]) => ({ type, count, billedFor: "whatever it creates inside (the plan cannot see its children)" }));
}

/** Prices the resources as they stand after `up` (outputs), as the budget policy sees them. */
export function planCost(stack: Pick<StackConfig, "project" | "config" | "region">, resources: ResourceRecord[], opaque: OpaqueComponent[] = []): PlanCost {
    const assumptions = costAssumptionsOf(stack);
    const inputs = resources.map((r) => ({ type: r.type, props: r.outputs }));
    const cost = estimateMonthlyCost(inputs, stack.region, assumptions);
    const scheduled = scheduledCost(inputs, cost);
    return {
        cost,
        ...(scheduled ? { scheduled } : {}),
        ...(isLoadBalancedService(inputs) ? { commonDefaults: commonDefaultsEstimate(inputs, stack.region, assumptions) } : {}),
        unpriced: [...unpricedResources(inputs), ...unpricedComponents(opaque)],
        usageAssumed: inputs.some((r) => isKind(r.type, "service") || isKind(r.type, "repository")),
    };
}
