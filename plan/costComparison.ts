// The plan's cost: the stack priced with its own usage assumptions (settings the user can change
// with --config), and the same app priced with the common defaults, for the ratio.
import { CostEstimate, estimateMonthlyCost } from "../policy/knowledge/cost";
import { CostComparison, commonDefaultsEstimate } from "../policy/knowledge/costDefaults";
import type { CostAssumptions } from "../policy/knowledge/costModel";
import { ConfigReader, SettingsError } from "../settings/configReader";
import { readCostAssumptions } from "../settings/costAssumptions";
import type { StackConfig } from "./stackConfig";
import type { ResourceRecord } from "./types";

export interface PlanCost {
    cost: CostEstimate;
    commonDefaults: CostComparison;
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

/** Prices the resources as they stand after `up` (outputs), as the budget policy sees them. */
export function planCost(stack: Pick<StackConfig, "project" | "config" | "region">, resources: ResourceRecord[]): PlanCost {
    const assumptions = costAssumptionsOf(stack);
    const inputs = resources.map((r) => ({ type: r.type, props: r.outputs }));
    return { cost: estimateMonthlyCost(inputs, stack.region, assumptions), commonDefaults: commonDefaultsEstimate(inputs, stack.region, assumptions) };
}
