// Text printed under the cost estimate: the usage it assumed (and how to change it), and the same
// app priced with the common defaults.
import type { CostEstimate } from "../policy/knowledge/cost";
import type { CostComparison } from "../policy/knowledge/costDefaults";
import { COST_ASSUMPTION_SETTINGS } from "../settings/costAssumptions";

const money = (n: number) => `$${n.toFixed(2)}`;

export function costNoteLines(cost: CostEstimate, commonDefaults: CostComparison): string[] {
    const a = cost.assumptions;
    return [
        `  Assumed usage: ${a.imagePullsPerMonth} image pulls of ${a.imageGb} GB, ${a.logGbPerTaskMonth} GB of logs per task, ` +
            `${a.natDataGbPerMonth} GB of app traffic through the NAT, per month`,
        `    (settings ${COST_ASSUMPTION_SETTINGS.map((s) => s.key).join(", ")}; in the plan: --config <key>=<value>)`,
        `  Same app with the common defaults (${commonDefaults.description}): ${money(commonDefaults.estimate.totalUsd)}/month;` +
            ` this stack costs ${commonDefaults.ratio.toFixed(2)}× of that`,
        "",
    ];
}
