// The plan as text: the resource tree, the policy verdicts at preview (the CI gate) and after up,
// the violations in the policies' own words, the cost and the rollout.
import { relative } from "node:path";
import { displayType, type ResourceRecord, type Violation } from "./types";
import type { Plan, PhaseResult } from "./plan";
import { costNoteLines, money } from "./renderCost";
import { expiryLines } from "./renderExpiry";
import { limitLines, opaqueLines, resultLine } from "./renderFindings";
import { baselineLines } from "./renderBaseline";
import { complianceLines } from "./compliance";
import { describeRollout } from "./rollout";
import { PlanPhase, detailOf, verdictText } from "./verdicts";

/** `marker`: "+" for what a deployment would create; blank for what a state already holds. */
export function resourceTree(resources: ResourceRecord[], stackName: string, marker = "+"): string[] {
    const known = new Set(resources.map((r) => r.urn));
    const children = new Map<string | undefined, ResourceRecord[]>();
    for (const r of resources) {
        // A parent outside the list (a state's stack resource) makes a top-level resource.
        const parent = r.parent && known.has(r.parent) ? r.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const width = Math.max(0, ...resources.map((r) => displayType(r.type).length)) + 8;
    const lines = [`     ${"Type".padEnd(width)}Name`, ` ${marker}   ${"pulumi:pulumi:Stack".padEnd(width)}${stackName}`];
    const walk = (parent: string | undefined, indent: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const label = `${indent}${last ? "└─ " : "├─ "}${displayType(r.type)}`;
            lines.push(` ${marker}   ${label.padEnd(width)}${r.name}${r.protect ? "  [protected]" : ""}`);
            walk(r.urn, `${indent}${last ? "   " : "│  "}`);
        });
    };
    walk(undefined, "");
    return lines;
}

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

/** After up, only what differs from preview: what is new, and what preview had that up has not. */
function differenceLines(up: PhaseResult, preview: PhaseResult, title: string, byUrn: Map<string, ResourceRecord>): string[] {
    const ran = preview.evaluation.violations.some((v) => v.unverifiable) ? " (the policies that could not run at preview ran, and pass)" : "";
    if (sameDecided(up, preview)) return [`${title}: the same violations as at preview${ran}.`];
    const decided = (r: PhaseResult) => r.evaluation.violations.filter((v) => !v.unverifiable);
    const before = new Set(decided(preview).map(key));
    const after = new Set(decided(up).map(key));
    const added = decided(up).filter((v) => !before.has(key(v)));
    const gone = decided(preview).filter((v) => !after.has(key(v)));
    const lines = [
        `${title}: what differs from preview${ran}:`,
        ...violationLines("new after up", added, byUrn),
        ...violationLines("only at preview", gone, byUrn),
    ];
    const fixes = (r: PhaseResult) => new Set(r.evaluation.remediations.map((x) => `${x.policyName}\0${x.urn}`));
    const [fixedUp, fixedPreview] = [fixes(up), fixes(preview)];
    const newFixes = up.evaluation.remediations.filter((x) => !fixedPreview.has(`${x.policyName}\0${x.urn}`));
    const goneFixes = preview.evaluation.remediations.filter((x) => !fixedUp.has(`${x.policyName}\0${x.urn}`));
    if (newFixes.length > 0)
        lines.push(`  remediated only after up (${newFixes.length})`, ...newFixes.map((r) => `    [${r.policyName}] ${byUrn.get(r.urn)?.name ?? r.urn}`));
    if (goneFixes.length > 0)
        lines.push(`  remediated only at preview (${goneFixes.length})`, ...goneFixes.map((r) => `    [${r.policyName}] ${byUrn.get(r.urn)?.name ?? r.urn}`));
    return lines;
}

/** Mandatory, advisory, then what could not run: one group per kind, as the gate weighs them. */
function violationsByLevel(violations: Violation[], byUrn: Map<string, ResourceRecord>): string[] {
    const decided = violations.filter((v) => !v.unverifiable);
    return [
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
}

function phaseLines(result: PhaseResult, title: string, byUrn: Map<string, ResourceRecord>): string[] {
    const { violations, remediations } = result.evaluation;
    const lines = [`${title}:`, ...violationsByLevel(violations, byUrn)];
    if (remediations.length > 0)
        lines.push(`  remediated (${remediations.length})`, ...remediations.map((r) => `    [${r.policyName}] ${byUrn.get(r.urn)?.name ?? r.urn}`));
    if (lines.length === 1) lines.push("  no violations.");
    return lines;
}

/** The cost lines in columns sized to their longest entry, so long units never shift the amounts. */
function costTable(plan: Plan): string[] {
    const { lines: items, totalUsd, alternative } = plan.cost;
    const itemWidth = Math.max(10, ...items.map((l) => l.item.length), ...(alternative ? [`Total with ${alternative.label}`.length] : []));
    const quantityWidth = Math.max(9, ...items.map((l) => l.quantity.toFixed(1).length));
    const unitWidth = Math.max(5, ...items.map((l) => l.unit.length));
    const amounts = [...items.map((l) => l.monthlyUsd), totalUsd, ...(alternative ? [alternative.totalUsd] : [])];
    const amountWidth = Math.max(9, ...amounts.map((n) => money(n).length));
    const row = (item: string, quantity: string, unit: string, usd: number) =>
        `  ${item.padEnd(itemWidth)}  ${quantity.padStart(quantityWidth)} ${unit.padEnd(unitWidth)} ${money(usd).padStart(amountWidth)}`;
    const budget = plan.budgetUsd !== undefined ? `  (budget ${money(plan.budgetUsd)})` : "";
    return [
        ...items.map((l) => row(l.item, l.quantity.toFixed(1), l.unit, l.monthlyUsd)),
        `${row("Total", "", "", totalUsd)}${budget}`,
        ...(alternative ? [row(`Total with ${alternative.label}`, "", "", alternative.totalUsd)] : []),
    ];
}

/** --quiet: the verdict and what makes it, nothing else (for a terminal or a CI log). */
export function renderQuiet(plan: Plan): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const gate = plan.phases[plan.gate]!;
    return [resultLine(plan), ...violationsByLevel(gate.evaluation.violations, byUrn), ...limitLines(plan), ...opaqueLines(plan)].join("\n").trimEnd();
}

export function renderText(plan: Plan, root: string): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const counted = plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:"));
    const source = plan.source.kind === "state" ? `state ${relative(root, plan.source.file) || plan.source.file}` : "Pulumi mock runtime";
    const configName = plan.policyConfigPath ? relative(root, plan.policyConfigPath) : "pack defaults";
    const lines = [
        `Offline plan for stack ${plan.stack} (${plan.region}), ${source}`,
        resultLine(plan),
        ...expiryLines(plan.resources),
        ...plan.notes.map((n) => `note: ${n}`),
        "",
        ...resourceTree(plan.resources, `${plan.project}-${plan.stack}`, plan.source.kind === "state" ? " " : "+"),
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
    if (up && preview) lines.push(...differenceLines(up, preview, "After up", byUrn), "");
    else if (up) lines.push(...phaseLines(up, plan.source.kind === "state" ? "On the state" : "After up", byUrn), "");
    lines.push(...limitLines(plan), ...opaqueLines(plan), ...baselineLines(plan), ...complianceLines(plan));

    lines.push(`Estimated monthly cost (${plan.cost.region}, on-demand list prices)`);
    lines.push(...costTable(plan), ...costNoteLines(plan));
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
