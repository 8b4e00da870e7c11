// The baseline's part of the plan's output: how many known findings remain, and the new ones
// (text), or the same facts as JSON.
import type { BaselineReport } from "./baseline";
import type { Plan } from "./plan";

type WithBaseline = Plan & { baseline?: BaselineReport };

export function baselineLines(plan: WithBaseline): string[] {
    const b = plan.baseline;
    if (!b) return [];
    const known = `${b.remaining} finding(s) of the baseline remain${b.fixed > 0 ? `, ${b.fixed} fixed` : ""}`;
    if (b.newFindings.length === 0) return [`Baseline ${b.file}: ${known}; no new findings.`, ""];
    return [
        `Baseline ${b.file}: ${known}; ${b.newFindings.length} new finding(s), ${b.newMandatory} mandatory (only these count towards the result):`,
        ...b.newFindings.map((f) => `  - [${f.policy}] ${f.message.replace(/\n/g, "\n    ")}`),
        "",
    ];
}

export function baselineJson(plan: WithBaseline): { baseline?: BaselineReport } {
    return plan.baseline ? { baseline: plan.baseline } : {};
}
