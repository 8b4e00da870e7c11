// Text printed under the cost estimate: what the model could not price, the usage it assumed (and
// how to change it), and, for an app of this project's shape, the same app with the common defaults.
import { displayType } from "./types";
import type { PlanCost } from "./costComparison";
import { COST_ASSUMPTION_SETTINGS } from "../settings/costAssumptions";

const money = (n: number) => `$${n.toFixed(2)}`;

export function costNoteLines({ cost, commonDefaults, unpriced, usageAssumed }: PlanCost): string[] {
    const a = cost.assumptions;
    const lines: string[] = [];
    if (unpriced.length > 0)
        lines.push(
            "  Not priced (the model has no price for these; the total leaves them out):",
            ...unpriced.map((u) => `    ${displayType(u.type)} × ${u.count}: billed for ${u.billedFor}`),
        );
    if (usageAssumed)
        lines.push(
            `  Assumed usage: ${a.imagePullsPerMonth} image pulls of ${a.imageGb} GB, ${a.logGbPerTaskMonth} GB of logs per task, ` +
                `${a.natDataGbPerMonth} GB of app traffic through the NAT, per month`,
            `    (settings ${COST_ASSUMPTION_SETTINGS.map((s) => s.key).join(", ")}; in the plan: --config <key>=<value>)`,
        );
    if (commonDefaults)
        lines.push(
            `  Same app with the common defaults (${commonDefaults.description}): ${money(commonDefaults.estimate.totalUsd)}/month;` +
                ` this stack costs ${commonDefaults.ratio.toFixed(2)}× of that`,
        );
    return [...lines, ""];
}
