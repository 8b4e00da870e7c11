// A baseline of known findings, so a team can adopt the gate on an existing program: --write-baseline
// records every finding of the plan (policy, URN and the policy's words, stable across runs), and
// --baseline then fails only on mandatory findings not in it, reporting how many known ones remain.
import Ajv from "ajv";
import type { Plan, PhaseResult } from "./plan";
import { FileError, shownPath } from "./errors";
import { readJsonFile } from "./files";
import type { Violation } from "./types";
import { detailOf } from "./verdicts";

export interface BaselineFinding {
    policy: string;
    /** Absent for a stack policy's finding about no resource. */
    urn?: string;
    message: string;
}

export interface BaselineFile {
    version: 1;
    project: string;
    stack: string;
    findings: BaselineFinding[];
}

export interface BaselineReport {
    file: string;
    /** Findings of the baseline the plan still reports. */
    remaining: number;
    /** Findings of the baseline the plan no longer reports. */
    fixed: number;
    /** Findings of the gate phase not in the baseline (mandatory ones fail the plan). */
    newFindings: BaselineFinding[];
    newMandatory: number;
}

const SCHEMA = {
    type: "object",
    required: ["version", "findings"],
    properties: {
        version: { const: 1 },
        project: { type: "string" },
        stack: { type: "string" },
        findings: {
            type: "array",
            items: {
                type: "object",
                required: ["policy", "message"],
                additionalProperties: false,
                properties: { policy: { type: "string" }, urn: { type: "string" }, message: { type: "string" } },
            },
        },
    },
};
const validate = new Ajv({ allErrors: false }).compile<BaselineFile>(SCHEMA);

export const findingOf = (v: Violation): BaselineFinding => ({ policy: v.policyName, ...(v.urn ? { urn: v.urn } : {}), message: detailOf(v) });
const keyOf = (f: BaselineFinding) => JSON.stringify([f.policy, f.urn ?? "", f.message]);

/** Whether a violation is one of the baseline's findings. */
export function inBaseline(baseline: BaselineFile): (v: Violation) => boolean {
    const known = new Set(baseline.findings.map(keyOf));
    return (v) => known.has(keyOf(findingOf(v)));
}

/** Every finding the plan reported, in any phase (decided ones: a can't-run diagnostic is no finding). */
export function baselineOf(plan: Plan): BaselineFile {
    const seen = new Map<string, BaselineFinding>();
    for (const phase of Object.values(plan.phases))
        for (const v of phase.evaluation.violations.filter((x) => !x.unverifiable)) seen.set(keyOf(findingOf(v)), findingOf(v));
    const findings = [...seen.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    return { version: 1, project: plan.project, stack: plan.stack, findings };
}

export function readBaseline(file: string): BaselineFile {
    const data = readJsonFile(file, "baseline");
    if (!validate(data)) {
        const e = validate.errors![0]!;
        const where = e.instancePath
            ? e.instancePath
                  .slice(1)
                  .replace(/\/(\d+)/g, "[$1]")
                  .replace(/\//g, ".")
            : "(top level)";
        const allowed = e.keyword === "const" ? "1" : e.keyword === "additionalProperties" ? "policy, urn, message" : undefined;
        throw new FileError(
            file,
            `baseline ${where}: ${e.message}${e.keyword === "additionalProperties" ? ` (${String(e.params.additionalProperty)})` : ""}${allowed ? `; allowed: ${allowed}` : ""}; write one with --write-baseline`,
        );
    }
    return data;
}

/** The plan judged against the baseline: known findings no longer count towards the result. */
export function applyBaseline(plan: Plan, baseline: BaselineFile, file: string): Plan & { baseline: BaselineReport } {
    const known = inBaseline(baseline);
    const isNew = (v: Violation) => !known(v);
    const phases: Plan["phases"] = {};
    for (const [name, phase] of Object.entries(plan.phases) as [keyof Plan["phases"], PhaseResult][]) {
        phases[name] = { ...phase, mandatoryViolations: phase.evaluation.violations.filter((v) => v.enforcementLevel === "mandatory" && isNew(v)).length };
    }
    const reported = new Set(Object.values(plan.phases).flatMap((p) => p.evaluation.violations.map((v) => keyOf(findingOf(v)))));
    const gate = plan.phases[plan.gate]!.evaluation.violations.filter((v) => !v.unverifiable && isNew(v));
    const remaining = baseline.findings.filter((f) => reported.has(keyOf(f))).length;
    return {
        ...plan,
        phases,
        mandatoryViolations: phases[plan.gate]!.mandatoryViolations,
        baseline: {
            file: shownPath(file),
            remaining,
            fixed: baseline.findings.length - remaining,
            newFindings: gate.map(findingOf),
            newMandatory: gate.filter((v) => v.enforcementLevel === "mandatory").length,
        },
    };
}
