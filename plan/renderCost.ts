// Text printed under the cost estimate: what the model could not price, the usage it assumed (and
// how to change it), and, for an app of this project's shape, the same app with the common defaults.
import { displayType } from "./types";
import type { PlanCost } from "./costComparison";
import { COST_ASSUMPTION_SETTINGS } from "../settings/costAssumptions";
import type { ScheduledCost } from "../policy/knowledge/costSchedule";

/** A monthly figure as every plan output and doc prints it. */
export const money = (n: number) => `$${n.toFixed(2)}`;

/** The monthly figure with and without the stack's scheduled actions, and what keeps running. */
export function scheduleLines(s: ScheduledCost): string[] {
    const percent = (n: number) => `${Math.round(n * 100)}%`;
    const stays = s.stayingOn.slice(0, 6).map((l) => `${l.item} ${money(l.monthlyUsd)}`);
    const more = s.stayingOn.length > 6 ? `, and ${s.stayingOn.length - 6} more` : "";
    return [
        s.unpricedReason
            ? `  Scheduled capacity (${s.schedules.join("; ")}): not priced, for ${s.unpricedReason}; the figures are always-on`
            : `  Scheduled capacity (${s.schedules.join("; ")}): zero tasks ${percent(s.zeroShare)} of the week`,
        `    ${money(s.scheduledUsd)}/month with the schedule, ${money(s.alwaysOnUsd)}/month always on;` +
            ` tasks ${money(s.taskScheduledUsd)} instead of ${money(s.taskAlwaysOnUsd)} (${percent(s.taskAlwaysOnUsd > 0 ? s.taskScheduledUsd / s.taskAlwaysOnUsd : 1)})`,
        `    Keeps running at zero tasks: ${stays.join(", ")}${more}`,
    ];
}

export function costNoteLines({ cost, commonDefaults, unpriced, usageAssumed, scheduled }: PlanCost): string[] {
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
    if (scheduled) lines.push(...scheduleLines(scheduled));
    return [...lines, ""];
}
