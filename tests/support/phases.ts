// The program in one phase (preview or up) under mocks, judged by the pack's own analyzer server
// with a stack's policy config, as CI judges it: the plan itself, with the run's shared server.
import { readFileSync } from "node:fs";
import type { PolicyPackConfig } from "@pulumi/policy";
import type { ResolvedPolicyConfig } from "../../plan/analyzer/types";
import { buildPlan } from "../../plan/plan";
import { resolvePolicyConfigPath } from "../../plan/policyConfigPath";
import { loadStackConfig } from "../../plan/stackConfig";
import type { Phase } from "../../plan/runProgram";
import type { Evaluation, ResourceRecord, Violation } from "../../plan/types";
import { sharedAnalyzer } from "./analyzer";
import { ROOT } from "./mocks";
import { writeTemp } from "./policyConfig";

export interface PhaseRunOptions {
    stack: string;
    phase: Phase;
    configOverrides?: Record<string, unknown>;
    programPath?: string;
    /** Defaults to the stack's (its profile's policy/config/<profile>.json). */
    policyConfigPath?: string;
    /** Entries put over the policy config file's. */
    policyConfig?: PolicyPackConfig;
}

export interface PhaseRun {
    resources: ResourceRecord[];
    /** The policy config as the server received it (levels and settings per policy). */
    config: ResolvedPolicyConfig;
    evaluation: Evaluation;
}

export async function runPhase(o: PhaseRunOptions): Promise<PhaseRun> {
    // The stack's policy config as CI picks it: its own override, else its profile's.
    const base = o.policyConfigPath ?? resolvePolicyConfigPath(ROOT, loadStackConfig(ROOT, o.stack)).path;
    const policyConfigPath = o.policyConfig ? writeTemp(`${o.stack}.json`, JSON.stringify(withEntries(readJson(base), o.policyConfig))) : o.policyConfigPath;
    const plan = await buildPlan({
        root: ROOT,
        stack: o.stack,
        configOverrides: o.configOverrides,
        programPath: o.programPath,
        policyConfigPath,
        phases: [o.phase],
        analyzer: await sharedAnalyzer(),
    });
    const result = plan.phases[o.phase]!;
    return { resources: result.resources, config: plan.policyConfig, evaluation: result.evaluation };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as PolicyPackConfig;

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
