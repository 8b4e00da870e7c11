// The plan as one JSON document (docs/plan.md describes the shape): both phases' verdicts, per
// policy and per violation, the resources, cost and rollout; paths relative to the project.
import { relative } from "node:path";
import type { Plan, PhaseResult } from "./plan";
import type { Violation } from "./types";
import { detailOf } from "./verdicts";
import { planResult } from "./outcome";
import { baselineJson } from "./renderBaseline";
import { complianceSummary } from "./compliance";

const violationJson = (v: Violation) => ({
    policyName: v.policyName,
    enforcementLevel: v.enforcementLevel,
    severity: v.severity ?? null,
    urn: v.urn ?? null,
    /** The policy's own words; `message` is the server's text (description, newline, detail). */
    detail: detailOf(v),
    message: v.message,
    description: v.description ?? null,
    unverifiable: v.unverifiable,
});

const phaseJson = (p: PhaseResult) => ({
    mandatoryViolations: p.mandatoryViolations,
    result: p.mandatoryViolations === 0 ? "pass" : "fail",
    violations: p.evaluation.violations.map(violationJson),
    remediations: p.evaluation.remediations.map((r) => ({ policyName: r.policyName, urn: r.urn })),
});

export function renderJson(plan: Plan, root: string): string {
    const path = (p: string) => relative(root, p) || ".";
    return JSON.stringify(
        {
            stack: plan.stack,
            project: plan.project,
            region: plan.region,
            source:
                plan.source.kind === "state"
                    ? { kind: "state", file: path(plan.source.file) }
                    : { kind: "program", dir: path(plan.source.dir), entry: path(plan.source.entry) },
            policyPack: { name: plan.pack.name, version: plan.pack.version, dir: path(plan.pack.dir) },
            policyConfig: plan.policyConfigPath ? path(plan.policyConfigPath) : null,
            gate: plan.gate,
            mandatoryViolations: plan.mandatoryViolations,
            result: planResult(plan),
            /** Values AWS would reject: each fails the plan, like a mandatory violation. */
            limitProblems: plan.limitProblems,
            /** Components whose children the plan cannot see; "incomplete" unless acceptIncomplete. */
            opaqueComponents: plan.opaqueComponents,
            acceptIncomplete: plan.acceptIncomplete,
            /** With --baseline: known findings remaining and fixed, and the new ones (only these count). */
            ...baselineJson(plan),
            /** The gate phase by anchor family (Security Hub, Checkov, cdk-nag): controls that pass, fail, are exempted. */
            compliance: complianceSummary(plan),
            phases: Object.fromEntries(Object.entries(plan.phases).map(([phase, result]) => [phase, phaseJson(result)])),
            policies: plan.policies.map((p) => ({ name: p.name, enforcementLevel: p.enforcementLevel, severity: p.severity ?? null, ...p.phases })),
            notes: plan.notes,
            ...(plan.programOutput ? { programOutput: plan.programOutput } : {}),
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
            cost: plan.cost,
            unpriced: plan.unpriced,
            commonDefaults: plan.commonDefaults ?? null,
            ...(plan.scheduled ? { scheduled: plan.scheduled } : {}),
            budgetUsd: plan.budgetUsd ?? null,
            rollout: plan.rollout ?? null,
        },
        null,
        2,
    );
}
