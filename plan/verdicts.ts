// Per policy and phase, one verdict a person can read: what the server reported, summarised.
import type { Evaluation, Violation } from "./types";

export type PlanPhase = "preview" | "up";

export type VerdictStatus = "pass" | "violated" | "cant-run" | "remediated" | "disabled";

export interface PhaseVerdict {
    status: VerdictStatus;
    /** Mandatory and advisory violations the policy reported (can't-run diagnostics excluded). */
    mandatory: number;
    advisory: number;
    /** Diagnostics saying the policy could not run on an unknown value. */
    cantRun: number;
    remediated: number;
}

export interface PolicyVerdict {
    name: string;
    /** The level the resolved policy config gives it. */
    enforcementLevel: string;
    severity?: string;
    phases: Partial<Record<PlanPhase, PhaseVerdict>>;
}

export interface PolicyLevel {
    name: string;
    enforcementLevel: string;
    severity?: string;
}

export function phaseVerdict(policy: PolicyLevel, evaluation: Evaluation): PhaseVerdict {
    const mine = evaluation.violations.filter((v) => v.policyName === policy.name);
    const decided = mine.filter((v) => !v.unverifiable);
    const verdict: PhaseVerdict = {
        status: "pass",
        mandatory: decided.filter((v) => v.enforcementLevel === "mandatory").length,
        advisory: decided.filter((v) => v.enforcementLevel === "advisory").length,
        cantRun: mine.length - decided.length,
        remediated: evaluation.remediations.filter((r) => r.policyName === policy.name).length,
    };
    if (policy.enforcementLevel === "disabled") verdict.status = "disabled";
    else if (decided.length > 0) verdict.status = "violated";
    else if (verdict.cantRun > 0) verdict.status = "cant-run";
    else if (verdict.remediated > 0) verdict.status = "remediated";
    return verdict;
}

export function policyVerdicts(policies: PolicyLevel[], evaluations: Partial<Record<PlanPhase, Evaluation>>): PolicyVerdict[] {
    return policies.map((p) => ({
        ...p,
        phases: Object.fromEntries(Object.entries(evaluations).map(([phase, evaluation]) => [phase, phaseVerdict(p, evaluation)])),
    }));
}

/** "1 mandatory", "2 advisory", "can't run (3)", "fixed (1)", "pass", "off". */
export function verdictText(v: PhaseVerdict | undefined): string {
    if (!v) return "—";
    switch (v.status) {
        case "disabled":
            return "off";
        case "pass":
            return "pass";
        case "remediated":
            return `fixed (${v.remediated})`;
        case "cant-run":
            return `can't run (${v.cantRun})`;
        case "violated":
            return [
                v.mandatory > 0 ? `${v.mandatory} mandatory` : "",
                v.advisory > 0 ? `${v.advisory} advisory` : "",
                v.cantRun > 0 ? `${v.cantRun} can't run` : "",
            ]
                .filter(Boolean)
                .join(", ");
    }
}

/** Mandatory violations decide the gate; a can't-run diagnostic is advisory as the server reports it. */
export const mandatoryCount = (evaluation: Evaluation) => evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").length;

/** The policy's own words: the server prefixes them with the description and a newline. */
export function detailOf(v: Pick<Violation, "message" | "description">): string {
    return v.description && v.message.startsWith(`${v.description}\n`) ? v.message.slice(v.description.length + 1) : v.message;
}
