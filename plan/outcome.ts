// The plan's result and the CLI's exit code. A plan fails on mandatory violations at the gate phase
// or on values AWS would reject (a mandatory finding of the plan itself); it is incomplete, not a
// pass, while a component's children went unjudged, unless the user accepted that.
import type { LimitProblem } from "./planConstraints";
import type { OpaqueComponent } from "./opaqueComponents";

export type PlanResult = "pass" | "fail" | "incomplete";

/** 0 pass, 1 fail, 2 the user's error, 3 a bug or limit of the offline plan, 4 incomplete. */
export const EXIT_CODES = { pass: 0, fail: 1, userError: 2, planLimit: 3, incomplete: 4 } as const;

export interface Outcome {
    mandatoryViolations: number;
    limitProblems: LimitProblem[];
    opaqueComponents: OpaqueComponent[];
    /** --accept-incomplete: opaque components are named but do not make the result incomplete. */
    acceptIncomplete: boolean;
}

/** A failure is final whatever the unjudged components hold, so it wins over incomplete. */
export function planResult(o: Outcome): PlanResult {
    if (o.mandatoryViolations > 0 || o.limitProblems.length > 0) return "fail";
    return o.opaqueComponents.length > 0 && !o.acceptIncomplete ? "incomplete" : "pass";
}

export const exitCodeOf = (o: Outcome): number => EXIT_CODES[planResult(o)];
