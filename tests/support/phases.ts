// The program in one phase (preview or up) under mocks, judged by the whole pack with a stack's
// policy config, as CI judges it. Until the plan reports both phases, tests evaluate here.
import { join } from "node:path";
import { readPolicyConfig } from "../../plan/plan";
import { Phase, runProgram } from "../../plan/runProgram";
import type { PolicyPackConfig } from "@pulumi/policy";
import { Evaluation, ResourceRecord, Violation, enforcementLevelOf, evaluatePolicies } from "../../plan/runner";
import { loadStackConfig } from "../../plan/stackConfig";
import { PACK_NAME, policies } from "../../policy/policies";
import { ROOT } from "./mocks";

export interface PhaseRunOptions {
    stack: string;
    phase: Phase;
    configOverrides?: Record<string, unknown>;
    programPath?: string;
    /** Defaults to policy/config/<stack>.json. */
    policyConfigPath?: string;
    /** Entries put over the policy config file's. */
    policyConfig?: PolicyPackConfig;
}

export interface PhaseRun {
    resources: ResourceRecord[];
    config: PolicyPackConfig;
    evaluation: Evaluation;
}

export async function runPhase(o: PhaseRunOptions): Promise<PhaseRun> {
    const stack = loadStackConfig(ROOT, o.stack, o.configOverrides);
    const run = await runProgram(ROOT, stack, o.programPath, o.phase);
    const config = withEntries(readPolicyConfig(o.policyConfigPath ?? join(ROOT, "policy", "config", `${o.stack}.json`)), o.policyConfig ?? {});
    return { resources: run.resources, config, evaluation: await evaluatePolicies(policies, run.resources, config, { packName: PACK_NAME }) };
}

/** `overrides` merged into `config` entry by entry (an object entry keeps the settings it does not override). */
function withEntries(config: PolicyPackConfig, overrides: PolicyPackConfig): PolicyPackConfig {
    const merged: PolicyPackConfig = { ...config };
    for (const [name, entry] of Object.entries(overrides)) {
        const base = merged[name];
        merged[name] = typeof base === "object" && typeof entry === "object" ? { ...base, ...entry } : entry;
    }
    return merged;
}

/** Policies that reported a mandatory violation, sorted. */
export const mandatoryFailures = (violations: Violation[]) =>
    [...new Set(violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName))].sort();

/** The gate's figures: mandatory violations and blocking policies undecided at preview. */
export const gate = (run: PhaseRun) => ({ mandatory: mandatoryFailures(run.evaluation.violations), undecided: undecidedBlocking(run) });

export const byPolicy = (violations: Violation[], name: string) => violations.filter((v) => v.policyName === name);

/** Policies whose level under `config` blocks the gate (mandatory, or remediate when unfixed). */
export function blockingPolicies(config: PolicyPackConfig): Set<string> {
    const blocking = policies.filter((p) => ["mandatory", "remediate"].includes(enforcementLevelOf(p.name, p.enforcementLevel, config)));
    return new Set(blocking.map((p) => p.name));
}

/** Blocking policies that could not run at preview (the server downgrades them to advisory "can't run"), sorted. */
export function undecidedBlocking(run: PhaseRun): string[] {
    const blocking = blockingPolicies(run.config);
    return [...new Set(run.evaluation.violations.filter((v) => v.unverifiable && blocking.has(v.policyName)).map((v) => v.policyName))].sort();
}
