// Text and JSON renderings of a plan.
import { relative } from "node:path";
import { displayType, type ResourceRecord, type Violation } from "./types";
import type { Plan } from "./plan";
import { describeRollout } from "./rollout";
import { costNoteLines } from "./renderCost";

/** "aws:ec2/vpc:Vpc" → "aws:ec2:Vpc", as `pulumi preview` prints types. */

export function resourceTree(resources: ResourceRecord[], stackName: string): string[] {
    const children = new Map<string | undefined, ResourceRecord[]>();
    for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    const width = Math.max(...resources.map((r) => displayType(r.type).length)) + 8;
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

function violationLines(title: string, list: Violation[], byUrn: Map<string, ResourceRecord>): string[] {
    if (list.length === 0) return [];
    return [
        `${title} (${list.length})`,
        ...list.map((v) => `  [${v.policyName}] ${v.urn ? `${displayType(byUrn.get(v.urn)?.type ?? "")} ` : ""}${v.message}`),
        "",
    ];
}

export function renderText(plan: Plan, root: string): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const counted = plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:"));
    const lines = [
        `Offline plan for stack ${plan.stack} (${plan.region}), Pulumi mock runtime`,
        "",
        ...resourceTree(plan.resources, `fargate-web-${plan.stack}`),
        "",
        `Resources: ${counted.length} to create (${plan.resources.length - counted.length} components)`,
        "",
        `Policies: ${plan.policyConfigPath ? relative(root, plan.policyConfigPath) : "pack defaults"}`,
    ];
    const mandatory = plan.evaluation.violations.filter((v) => v.enforcementLevel === "mandatory");
    const advisory = plan.evaluation.violations.filter((v) => v.enforcementLevel === "advisory");
    lines.push(...violationLines("Mandatory violations", mandatory, byUrn), ...violationLines("Advisory violations", advisory, byUrn));
    if (plan.evaluation.remediations.length > 0) {
        lines.push(
            `Remediations applied (${plan.evaluation.remediations.length})`,
            ...plan.evaluation.remediations.map((r) => `  [${r.policyName}] ${byUrn.get(r.urn)?.name ?? r.urn}`),
            "",
        );
    }
    if (mandatory.length === 0) lines.push("No mandatory policy violations.", "");

    lines.push(`Estimated monthly cost (${plan.cost.region}, on-demand list prices)`);
    const itemWidth = Math.max(...plan.cost.lines.map((l) => l.item.length), 10);
    for (const l of plan.cost.lines)
        lines.push(`  ${l.item.padEnd(itemWidth)}  ${l.quantity.toFixed(1).padStart(9)} ${l.unit.padEnd(13)} ${money(l.monthlyUsd).padStart(9)}`);
    lines.push(
        `  ${"Total".padEnd(itemWidth)}  ${"".padStart(23)} ${money(plan.cost.totalUsd).padStart(9)}${plan.budgetUsd !== undefined ? `  (budget ${money(plan.budgetUsd)})` : ""}`,
        ...(plan.cost.alternative
            ? [`  ${`Total with ${plan.cost.alternative.label}`.padEnd(itemWidth + 26)} ${money(plan.cost.alternative.totalUsd).padStart(9)}`]
            : []),
        ...costNoteLines(plan.cost, plan.commonDefaults),
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
    lines.push(mandatory.length === 0 ? "Result: pass" : `Result: FAIL (${mandatory.length} mandatory violation(s))`);
    return lines.join("\n");
}

export function renderJson(plan: Plan, root: string): string {
    return JSON.stringify(
        {
            stack: plan.stack,
            region: plan.region,
            policyConfig: plan.policyConfigPath ? relative(root, plan.policyConfigPath) : null,
            resources: plan.resources.map((r) => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                parent: r.parent ?? null,
                protect: r.protect,
                inputs: r.inputs,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
            })),
            outputs: plan.outputs,
            violations: plan.evaluation.violations,
            remediations: plan.evaluation.remediations.map((r) => ({ policyName: r.policyName, urn: r.urn })),
            cost: plan.cost,
            commonDefaults: plan.commonDefaults,
            budgetUsd: plan.budgetUsd ?? null,
            rollout: plan.rollout ?? null,
            mandatoryViolations: plan.mandatoryViolations,
            result: plan.mandatoryViolations === 0 ? "pass" : "fail",
        },
        null,
        2,
    );
}
