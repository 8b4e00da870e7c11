// The plan's own findings as text, beside the policies' verdicts: values AWS would reject,
// components whose children went unjudged, and the result line that sums everything up.
import type { Plan } from "./plan";
import { planResult } from "./outcome";
import { displayType } from "./types";
import type { PlanPhase } from "./verdicts";

const PHASE_TITLE: Record<PlanPhase, string> = { preview: "at preview", up: "after up" };

/** Values AWS refuses at create time: the deployment would fail on them. */
export function limitLines(plan: Plan): string[] {
    if (plan.limitProblems.length === 0) return [];
    return [`AWS limits: AWS would reject ${plan.limitProblems.length} value(s) (mandatory):`, ...plan.limitProblems.map((p) => `  - ${p.message}`), ""];
}

/** Components the offline plan cannot see into, and what the user can do. */
export function opaqueLines(plan: Plan): string[] {
    if (plan.opaqueComponents.length === 0) return [];
    return [
        `Not judged offline: ${plan.opaqueComponents.length} remote component(s); their children are judged only by a real \`pulumi preview\`${plan.acceptIncomplete ? " (accepted with --accept-incomplete)" : ""}:`,
        ...plan.opaqueComponents.map((c) => `  - ${displayType(c.type)} ${c.name}`),
        "",
    ];
}

export function resultLine(plan: Plan): string {
    const where = plan.source.kind === "state" ? "on the state" : PHASE_TITLE[plan.gate];
    const other =
        plan.gate === "preview" && plan.phases.up && plan.phases.up.mandatoryViolations > 0
            ? `; after up: ${plan.phases.up.mandatoryViolations} mandatory`
            : "";
    const opaque = plan.opaqueComponents.length;
    switch (planResult(plan)) {
        case "fail": {
            const found = [
                ...(plan.mandatoryViolations > 0 ? [`${plan.mandatoryViolations} mandatory violation(s)`] : []),
                ...(plan.limitProblems.length > 0 ? [`${plan.limitProblems.length} value(s) AWS would reject`] : []),
            ];
            const unjudged = opaque > 0 ? `; ${opaque} component(s) not judged offline` : "";
            return `Result: FAIL ${where} (${found.join(", ")})${other}${unjudged}`;
        }
        case "incomplete":
            return `Result: INCOMPLETE ${where}: ${opaque} component(s) not judged offline; run \`pulumi preview\` with the pack, or pass --accept-incomplete${other}`;
        case "pass":
            return `Result: pass ${where}${other}${opaque > 0 ? `; ${opaque} component(s) not judged offline (accepted)` : ""}`;
    }
}
