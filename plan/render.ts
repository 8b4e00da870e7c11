// The plan as text: the resource tree, the policy verdicts at preview (the CI gate) and after up,
// the violations in the policies' own words, the cost and the rollout.
import { relative } from "node:path";
import { displayType, type ResourceRecord, type Violation } from "./types";
import type { Plan, PhaseResult } from "./plan";
import { costNoteLines } from "./renderCost";
import { limitLines, opaqueLines, resultLine } from "./renderFindings";
import { baselineLines } from "./renderBaseline";
import { complianceLines } from "./compliance";
import { describeRollout } from "./rollout";
import { PlanPhase, detailOf, verdictText } from "./verdicts";

export function resourceTree(resources: ResourceRecord[], stackName: string): string[] {
    const known = new Set(resources.map((r) => r.urn));
    const children = new Map<string | undefined, ResourceRecord[]>();
    for (const r of resources) {
        // A parent outside the list (a state's stack resource) makes a top-level resource.
        const parent = r.parent && known.has(r.parent) ? r.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const width = Math.max(0, ...resources.map((r) => displayType(r.type).length)) + 8;
    const lines = [`     ${"Type".padEnd(width)}Name`, ` +   ${"pulumi:pulumi:Stack".padEnd(width)}${stackName}`];
    const walk = (parent: string | undefined, indent: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const label = `${indent}${last ? "└─ " : "├─ "}${displayType(r.type)}`;
            lines.push(` +   ${label.padEnd(width)}${r.name}${r.protect ? "  [protected]" : ""}`);
            walk(r.urn, `${indent}${last ? "   " : "│  "}`);
        });
    };
    walk(undefined, "");
    return lines;
}

const money = (n: number) => `$${n.toFixed(2)}`;
const PHASE_TITLE: Record<PlanPhase, string> = { preview: "at preview", up: "after up" };

/** One row per policy that did something in any phase; the ones that passed everywhere are counted. */
function verdictTable(plan: Plan): string[] {
    const phases = (["preview", "up"] as const).filter((p) => plan.phases[p]);
    const title = plan.source.kind === "state" ? ["on the state"] : phases.map((p) => PHASE_TITLE[p]);
    const notable = plan.policies.filter((p) => phases.some((ph) => !["pass", "disabled"].includes(p.phases[ph]?.status ?? "pass")));
    const quiet = plan.policies.filter((p) => !notable.includes(p));
    const width = Math.max(6, ...notable.map((p) => p.name.length)) + 2;
    const lines = [`  ${"policy".padEnd(width)}${"level".padEnd(11)}${title.map((t) => t.padEnd(24)).join("")}`.trimEnd()];
    for (const p of notable)
        lines.push(`  ${p.name.padEnd(width)}${p.enforcementLevel.padEnd(11)}${phases.map((ph) => verdictText(p.phases[ph]).padEnd(24)).join("")}`.trimEnd());
    const disabled = quiet.filter((p) => p.enforcementLevel === "disabled").length;
    const passed = quiet.length - disabled;
    const everywhere = `${phases.length > 1 ? " in both phases" : ""}${plan.opaqueComponents.length > 0 ? " on what the plan can see" : ""}`;
    lines.push(
        `  ${notable.length === 0 ? "All" : "The other"} ${passed} ${passed === 1 ? "policy passes" : "policies pass"}${everywhere}${disabled > 0 ? `; ${disabled} disabled` : ""}.`,
    );
    return lines;
}

function violationLines(title: string, list: Violation[], byUrn: Map<string, ResourceRecord>): string[] {
    if (list.length === 0) return [];
    const line = (v: Violation) => {
        const r = v.urn ? byUrn.get(v.urn) : undefined;
        const detail = detailOf(v);
        // Rules start their words with the resource's name; the line names it with its type instead.
        const words = r && detail.startsWith(`${r.name}: `) ? detail.slice(r.name.length + 2) : detail;
        return `    [${v.policyName}] ${r ? `${displayType(r.type)} ${r.name}: ` : ""}${words.replace(/\n/g, "\n      ")}`;
    };
    return [`  ${title} (${list.length})`, ...list.map(line)];
}

const key = (v: Violation) => `${v.policyName}\0${v.urn}\0${v.enforcementLevel}\0${v.message}`;

/** Whether two phases decided alike: the same violations (can't-run aside), the same fixes. */
function sameDecided(a: PhaseResult, b: PhaseResult): boolean {
    const decided = (r: PhaseResult) => [
        ...r.evaluation.violations.filter((v) => !v.unverifiable).map(key),
        ...r.evaluation.remediations.map((x) => `fix\0${x.policyName}\0${x.urn}`),
    ];
    const up = decided(a).sort();
    const preview = decided(b).sort();
    return up.length === preview.length && up.every((k, i) => k === preview[i]);
}

function phaseLines(result: PhaseResult, title: string, byUrn: Map<string, ResourceRecord>, same?: PhaseResult): string[] {
    const { violations, remediations } = result.evaluation;
    if (same && sameDecided(result, same)) {
        const ran = same.evaluation.violations.some((v) => v.unverifiable) ? " (the policies that could not run at preview ran, and pass)" : "";
        return [`${title}: the same violations as at preview${ran}.`];
    }
    const decided = violations.filter((v) => !v.unverifiable);
    const lines = [
        `${title}:`,
        ...violationLines(
            "mandatory",
            decided.filter((v) => v.enforcementLevel === "mandatory"),
            byUrn,
        ),
        ...violationLines(
            "advisory",
            decided.filter((v) => v.enforcementLevel === "advisory"),
            byUrn,
        ),
        ...violationLines(
            "can't run (a value is unknown until up)",
            violations.filter((v) => v.unverifiable),
            byUrn,
        ),
    ];
    if (remediations.length > 0)
        lines.push(`  remediated (${remediations.length})`, ...remediations.map((r) => `    [${r.policyName}] ${byUrn.get(r.urn)?.name ?? r.urn}`));
    if (lines.length === 1) lines.push("  no violations.");
    return lines;
}

export function renderText(plan: Plan, root: string): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const counted = plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:"));
    const source = plan.source.kind === "state" ? `state ${relative(root, plan.source.file) || plan.source.file}` : "Pulumi mock runtime";
    const configName = plan.policyConfigPath ? relative(root, plan.policyConfigPath) : "pack defaults";
    const lines = [
        `Offline plan for stack ${plan.stack} (${plan.region}), ${source}`,
        ...plan.notes.map((n) => `note: ${n}`),
        "",
        ...resourceTree(plan.resources, `${plan.project}-${plan.stack}`),
        "",
        plan.source.kind === "state"
            ? `Resources: ${counted.length} in the state (${plan.resources.length - counted.length} components)`
            : `Resources: ${counted.length} to create (${plan.resources.length - counted.length} components)`,
        "",
        `Policies: ${plan.pack.name}@v${plan.pack.version} with ${configName}${plan.gate === "preview" ? " — the CI gate is the preview column" : ""}`,
        ...verdictTable(plan),
        "",
    ];
    const { preview, up } = plan.phases;
    if (preview) lines.push(...phaseLines(preview, "At preview", byUrn), "");
    if (up) lines.push(...phaseLines(up, plan.source.kind === "state" ? "On the state" : "After up", byUrn, preview), "");
    lines.push(...limitLines(plan), ...opaqueLines(plan), ...baselineLines(plan), ...complianceLines(plan));

    lines.push(`Estimated monthly cost (${plan.cost.region}, on-demand list prices)`);
    const itemWidth = Math.max(...plan.cost.lines.map((l) => l.item.length), 10);
    for (const l of plan.cost.lines)
        lines.push(`  ${l.item.padEnd(itemWidth)}  ${l.quantity.toFixed(1).padStart(9)} ${l.unit.padEnd(13)} ${money(l.monthlyUsd).padStart(9)}`);
    lines.push(
        `  ${"Total".padEnd(itemWidth)}  ${"".padStart(23)} ${money(plan.cost.totalUsd).padStart(9)}${plan.budgetUsd !== undefined ? `  (budget ${money(plan.budgetUsd)})` : ""}`,
        ...(plan.cost.alternative
            ? [`  ${`Total with ${plan.cost.alternative.label}`.padEnd(itemWidth + 26)} ${money(plan.cost.alternative.totalUsd).padStart(9)}`]
            : []),
        ...costNoteLines(plan),
    );
    if (plan.rollout) {
        const { planned, ecsDefaults } = plan.rollout;
        lines.push(
            `Estimated rollout (critical path of a ${planned.strategy} deployment)`,
            `  this stack:    ${describeRollout(planned)}`,
            `  ECS defaults:  ${describeRollout(ecsDefaults)}`,
            "",
        );
    }
    lines.push(resultLine(plan));
    return lines.join("\n");
}
