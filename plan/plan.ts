// The offline plan: a program under mocks at preview and after up (or a stack's exported state),
// judged by the policy pack's own analyzer server, plus cost and rollout estimates. One function
// for the CLI, the tests and the benchmark.
import { join, resolve } from "node:path";
import { PlanCost, planCost } from "./costComparison";
import type { PolicyAnalyzer } from "./analyzer/client";
import type { PackInfo, PolicyInfo, ResolvedPolicyConfig } from "./analyzer/types";
import { PolicyConfigError, openPolicyAnalyzer, readPolicyConfigFile, resolveConfig } from "./policyGate";
import { checkPlanConstraints } from "./planConstraints";
import { opaqueComponents } from "./opaqueComponents";
import type { Outcome } from "./outcome";
import { resolvePolicyConfigPath } from "./policyConfigPath";
import type { DeploymentEstimate } from "./rollout";
import { PlanSource, ProgramSubjectOptions, Subject, SubjectRun, programSubject, stateSubject } from "./subjects";
import { regionOf, rolloutOf } from "./planFacts";
import { requireDirectory } from "./files";
import type { Evaluation, ResourceRecord } from "./types";
import { PlanPhase, PolicyVerdict, mandatoryCount, policyVerdicts } from "./verdicts";

export { PolicyConfigError };

/** What to plan: the program and how it runs (subjects.ts), and how it is judged. */
export interface PlanOptions extends ProgramSubjectOptions {
    /** Policy config file; for this program with this pack, defaults to the stack's own or its profile's (policyConfigPath.ts). */
    policyConfigPath?: string;
    /** A `pulumi stack export` file (--state) instead of a program. */
    statePath?: string;
    /** Another policy pack's directory (--policy-pack). */
    policyPackDir?: string;
    /** A running pack server to reuse (tests, bench); it is configured but not closed. */
    analyzer?: PolicyAnalyzer;
    /** --accept-incomplete: components the plan cannot see into do not make the result incomplete. */
    acceptIncomplete?: boolean;
    /** Stack traces of this process's errors while the plan runs (--debug shows them); off, the run is a third faster. */
    keepStackTraces?: boolean;
}

export interface PhaseResult {
    phase: PlanPhase;
    resources: ResourceRecord[];
    outputs: Record<string, unknown>;
    evaluation: Evaluation;
    mandatoryViolations: number;
}

export interface Plan extends PlanCost, Outcome {
    stack: string;
    project: string;
    region: string;
    source: PlanSource;
    pack: { name: string; version: string; dir: string; policies: PolicyInfo[] };
    policyConfigPath?: string;
    policyConfig: ResolvedPolicyConfig;
    phases: Partial<Record<PlanPhase, PhaseResult>>;
    /** The phase whose verdict is the exit code: preview (the CI gate) unless only up was evaluated. */
    gate: PlanPhase;
    policies: PolicyVerdict[];
    /** The resources shown, from after up when evaluated (every value known), else preview. */
    resources: ResourceRecord[];
    outputs: Record<string, unknown>;
    budgetUsd?: number;
    rollout?: { planned: DeploymentEstimate; ecsDefaults: DeploymentEstimate };
    notes: string[];
    /** What a --program run printed: each distinct line once, across phases. */
    programOutput?: string[];
}

export async function buildPlan(o: PlanOptions): Promise<Plan> {
    // The Pulumi SDK captures a stack trace for every promise it makes (a third of an in-process
    // run); they are shown only with --debug, so without it none are captured.
    const traceLimit = Error.stackTraceLimit;
    if (!o.keepStackTraces) Error.stackTraceLimit = 0;
    try {
        return await planWithin(o);
    } finally {
        Error.stackTraceLimit = traceLimit;
    }
}

async function planWithin(o: PlanOptions): Promise<Plan> {
    const root = resolve(o.root);
    const packDir = resolve(o.policyPackDir ?? join(root, "policy"));
    if (!o.analyzer) requireDirectory(packDir, "policy pack directory");
    const subject = o.statePath !== undefined ? stateSubject(resolve(o.statePath)) : programSubject({ ...o, root });
    // This program with this pack: the stack's policy config (its own, else its profile's), as CI picks it.
    const ownDefaults = o.programDir === undefined && o.statePath === undefined && o.policyPackDir === undefined;
    const policyConfigPath = o.policyConfigPath ?? (ownDefaults ? resolvePolicyConfigPath(root, subject).path : undefined);
    const rawPolicyConfig = readPolicyConfigFile(policyConfigPath);
    const phases: PlanPhase[] = o.statePath !== undefined ? ["up"] : (o.phases ?? ["preview", "up"]);

    // The pack starts (about a second) while the program runs under mocks; each phase is analyzed
    // while the next one runs (the server is another process).
    const opening = o.analyzer ? Promise.resolve(o.analyzer) : openPolicyAnalyzer(packDir);
    const configured = opening.then(async (analyzer) => {
        const policyConfig = resolveConfig(analyzer.info, rawPolicyConfig, policyConfigPath);
        await analyzer.configure(policyConfig);
        return { analyzer, policyConfig };
    });
    configured.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    try {
        const results: Partial<Record<PlanPhase, Promise<PhaseResult>>> = {};
        const runs: Partial<Record<PlanPhase, SubjectRun>> = {};
        for (const phase of phases) {
            const run = (runs[phase] = await subject.run(phase));
            const stack = { stack: subject.stack, project: subject.project, config: subject.config };
            results[phase] = configured.then(async ({ analyzer }) => {
                // Encrypted secrets of a state are unknown values: analyzed as the engine allows them, at preview.
                const evaluation = await analyzer.analyze(run.resources, { phase: subject.unknownsAfterUp ? "preview" : phase, stack });
                return { phase, resources: run.resources, outputs: run.outputs, evaluation, mandatoryViolations: mandatoryCount(evaluation) };
            });
            results[phase].catch(() => undefined);
        }
        const { resources, outputs, zones } = (runs.up ?? runs.preview)!;
        // A state was deployed, so AWS took its values; a program's are checked, after up when evaluated.
        const ownProgram = subject.source.kind === "program" && subject.source.dir === root;
        const limitProblems = zones ? checkPlanConstraints(resources, { availableZones: zones, ownProgram }) : [];
        const opaque = opaqueComponents(resources, o.policyPackDir === undefined);
        const { analyzer, policyConfig } = await configured;
        const done: Partial<Record<PlanPhase, PhaseResult>> = {};
        for (const phase of phases) done[phase] = await results[phase];
        const findings = { limitProblems, opaqueComponents: opaque, acceptIncomplete: o.acceptIncomplete === true };
        return assemble(subject, analyzer.info, packDir, policyConfigPath, policyConfig, done, resources, outputs, findings);
    } finally {
        if (!o.analyzer) await opening.then((a) => a.close()).catch(() => undefined);
    }
}

function assemble(
    subject: Subject,
    info: PackInfo,
    packDir: string,
    policyConfigPath: string | undefined,
    policyConfig: ResolvedPolicyConfig,
    phases: Partial<Record<PlanPhase, PhaseResult>>,
    resources: ResourceRecord[],
    outputs: Record<string, unknown>,
    findings: Omit<Outcome, "mandatoryViolations">,
): Plan {
    const gate: PlanPhase = phases.preview ? "preview" : "up";
    const levels = info.policies.map((p) => ({
        name: p.name,
        severity: p.severity,
        enforcementLevel: policyConfig[p.name]?.enforcementLevel ?? p.enforcementLevel,
    }));
    const evaluations = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, v.evaluation]));
    const region = subject.region ?? regionOf(resources);
    const budget = policyConfig["monthly-cost-budget"]?.properties.monthlyBudgetUsd;
    return {
        stack: subject.stack,
        project: subject.project,
        region,
        source: subject.source,
        pack: { name: info.name, version: info.version, dir: packDir, policies: info.policies },
        policyConfigPath,
        policyConfig,
        phases,
        gate,
        policies: policyVerdicts(levels, evaluations),
        resources,
        outputs,
        ...planCost({ project: subject.project, config: subject.config, region }, resources, findings.opaqueComponents),
        budgetUsd: typeof budget === "number" ? budget : undefined,
        rollout: rolloutOf(resources),
        mandatoryViolations: phases[gate]!.mandatoryViolations,
        ...findings,
        notes: subject.notes,
        programOutput: subject.output ? [...subject.output] : undefined,
    };
}
