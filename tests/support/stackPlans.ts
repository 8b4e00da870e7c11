// Plans of this project's own stacks as shipped (no overrides), by the worker's pack server: many
// specs read the same dev, staging or prod plan, so each is built once per test process. They are
// frozen, so a spec that changed one fails instead of leaking the change into another.
import { type Plan, buildPlan } from "../../plan/plan";
import type { PlanPhase } from "../../plan/verdicts";
import { sharedAnalyzer } from "./analyzer";
import { ROOT } from "./mocks";

const plans = new Map<string, Promise<Plan>>();

/** The plan of a shipped stack, both phases unless `phases` names one. */
export function stackPlan(stack: string, phases?: PlanPhase[]): Promise<Plan> {
    const key = JSON.stringify([stack, phases ?? null]);
    let plan = plans.get(key);
    if (!plan) {
        plan = sharedAnalyzer()
            .then((analyzer) => buildPlan({ root: ROOT, stack, phases, analyzer }))
            .then(deepFreeze);
        plans.set(key, plan);
    }
    return plan;
}

function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value)) deepFreeze(child);
    }
    return value;
}
