// The program in one phase (preview or up) under mocks, judged by the pack's own analyzer server
// with a stack's policy config, as CI judges it: the plan itself, with the run's shared server.
import type { ResolvedPolicyConfig } from "../../plan/analyzer/types";
import { buildPlan } from "../../plan/plan";
import type { Phase } from "../../plan/runProgram";
import type { Evaluation, ResourceRecord, Violation } from "../../plan/types";
import { sharedAnalyzer } from "./analyzer";
import { ROOT } from "./mocks";

export interface PhaseRunOptions {
    stack: string;
    phase: Phase;
    configOverrides?: Record<string, unknown>;
    programPath?: string;
    /** Defaults to policy/config/<stack>.json. */
    policyConfigPath?: string;
}

export interface PhaseRun {
    resources: ResourceRecord[];
    /** The policy config as the server received it (levels and settings per policy). */
    config: ResolvedPolicyConfig;
    evaluation: Evaluation;
}

export async function runPhase(o: PhaseRunOptions): Promise<PhaseRun> {
    const plan = await buildPlan({ root: ROOT, ...o, phases: [o.phase], analyzer: await sharedAnalyzer() });
    const result = plan.phases[o.phase]!;
    return { resources: result.resources, config: plan.policyConfig, evaluation: result.evaluation };
}

/** Policies that reported a mandatory violation, sorted. */
export const mandatoryFailures = (violations: Violation[]) =>
    [...new Set(violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName))].sort();

/** Policies whose level under `config` blocks the gate (mandatory, or remediate when unfixed). */
export function blockingPolicies(config: ResolvedPolicyConfig): Set<string> {
    return new Set(
        Object.entries(config)
            .filter(([, c]) => c.enforcementLevel === "mandatory" || c.enforcementLevel === "remediate")
            .map(([name]) => name),
    );
}

/** Blocking policies that could not run at preview (the server downgrades them to advisory "can't run"), sorted. */
export function undecidedBlocking(run: PhaseRun): string[] {
    const blocking = blockingPolicies(run.config);
    return [...new Set(run.evaluation.violations.filter((v) => v.unverifiable && blocking.has(v.policyName)).map((v) => v.policyName))].sort();
}
