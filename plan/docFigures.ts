// Figures in the docs come from the real plan: a marker names the plan (stack and --config
// overrides) and the value, and `npm run docs` writes the value between the markers; a test
// fails when a committed figure differs from what the plan says today.
//   <!--fig stack=dev config=egress:nat-single value=total-->$74.72<!--/fig-->
// Values: total, budget, commonDefaults, ratio, alternative (the other launch type's total),
// line:<item text> and sum:<item text> (cost lines whose item contains the text), rollout,
// rolloutEcs and rolloutText (the rolling/strategy estimate), policies (the pack's count), and
// scheduled, scheduledTasks, alwaysOnTasks and scheduledTaskShare (the stack's schedules priced).
import type { Plan } from "./plan";
import { describeRollout } from "./rollout";
import { money } from "./renderCost";

export interface FigureSpec {
    stack: string;
    config: Record<string, string>;
    value: string;
}

const MARKER = /<!--fig ([^>]*?)-->([\s\S]*?)<!--\/fig-->/g;

/** A marker's words `key=value`; config pairs are `key:value`, comma separated. */
export function parseFigureSpec(words: string): FigureSpec {
    const fields = Object.fromEntries(
        words
            .trim()
            .split(/\s+/)
            .map((w) => {
                const eq = w.indexOf("=");
                if (eq <= 0) throw new Error(`figure marker word ${JSON.stringify(w)} is not key=value; allowed keys: stack, config, value`);
                return [w.slice(0, eq), w.slice(eq + 1)];
            }),
    );
    for (const key of Object.keys(fields))
        if (!["stack", "config", "value"].includes(key)) throw new Error(`figure marker key ${key} is not known; allowed: stack, config, value`);
    if (!fields.value) throw new Error(`figure marker <!--fig ${words}--> names no value`);
    // Pairs are separated by commas that start a new `key:` (a JSON value keeps its own commas).
    const config = Object.fromEntries(
        (fields.config ?? "")
            .split(/,(?=\w+:)/)
            .filter(Boolean)
            .map((pair) => {
                const colon = pair.indexOf(":");
                if (colon <= 0) throw new Error(`figure config ${JSON.stringify(pair)} is not key:value`);
                return [pair.slice(0, colon), pair.slice(colon + 1).replace(/\+/g, " ")];
            }),
    );
    return { stack: fields.stack ?? "dev", config, value: fields.value };
}

/** The key under which plans are shared: one plan per stack and config. */
export const planKey = (spec: FigureSpec) => `${spec.stack}?${JSON.stringify(Object.entries(spec.config).sort())}`;

/** Every figure spec in a document, in order. */
export function figureSpecs(markdown: string): FigureSpec[] {
    return [...markdown.matchAll(MARKER)].map((m) => parseFigureSpec(m[1]!));
}

/** The value a figure names, from its plan. */
export function figureValue(plan: Plan, value: string, policyCount: number): string {
    const [name, arg] = value.includes(":") ? [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1).replace(/\+/g, " ")] : [value, ""];
    const lines = plan.cost.lines.filter((l) => l.item.includes(arg));
    switch (name) {
        case "total":
            return money(plan.cost.totalUsd);
        case "budget":
            return plan.budgetUsd === undefined ? "none" : money(plan.budgetUsd);
        case "commonDefaults":
            return plan.commonDefaults ? money(plan.commonDefaults.estimate.totalUsd) : "none";
        case "ratio":
            return plan.commonDefaults ? `${plan.commonDefaults.ratio.toFixed(2)}×` : "none";
        case "alternative":
            return plan.cost.alternative ? money(plan.cost.alternative.totalUsd) : "none";
        case "line": {
            const exact = plan.cost.lines.filter((l) => l.item === arg);
            if (exact.length === 1) return money(exact[0]!.monthlyUsd);
            if (lines.length !== 1) throw new Error(`figure line:${arg} matches ${lines.length} cost lines of stack ${plan.stack}; it must match one`);
            return money(lines[0]!.monthlyUsd);
        }
        case "sum":
            if (lines.length === 0) throw new Error(`figure sum:${arg} matches no cost line of stack ${plan.stack}`);
            return money(lines.reduce((n, l) => n + l.monthlyUsd, 0));
        case "rollout":
        case "rolloutEcs":
        case "rolloutText": {
            if (!plan.rollout) throw new Error(`stack ${plan.stack} has no rollout estimate`);
            const e = name === "rolloutEcs" ? plan.rollout.ecsDefaults : plan.rollout.planned;
            const text = describeRollout(e);
            return name === "rolloutText" ? text : text.slice(0, text.indexOf(":"));
        }
        case "policies":
            return String(policyCount);
        case "scheduled":
        case "scheduledTasks":
        case "alwaysOnTasks":
        case "scheduledTaskShare": {
            const s = plan.scheduled;
            if (!s) throw new Error(`stack ${plan.stack} has no scheduled capacity to price`);
            if (name === "scheduledTaskShare") return `${Math.round((100 * s.taskScheduledUsd) / s.taskAlwaysOnUsd)}%`;
            return money(name === "scheduled" ? s.scheduledUsd : name === "scheduledTasks" ? s.taskScheduledUsd : s.taskAlwaysOnUsd);
        }
        default:
            throw new Error(
                `figure value ${value} is not known; allowed: total, budget, commonDefaults, ratio, alternative, line:<item>, sum:<item>, rollout, rolloutEcs, rolloutText, policies`,
            );
    }
}

/** The document with every figure recomputed by `valueOf`. */
export function withFigures(markdown: string, valueOf: (spec: FigureSpec) => string): string {
    return markdown.replace(MARKER, (_, words: string) => `<!--fig ${words.trim()}-->${valueOf(parseFigureSpec(words))}<!--/fig-->`);
}

/** The document with fresh figures: one plan per stack and config, made by `planFor`. */
export async function refreshFigures(markdown: string, planFor: (spec: FigureSpec) => Promise<Plan>, policyCount: number): Promise<string> {
    const plans = new Map<string, Plan>();
    for (const spec of figureSpecs(markdown)) if (!plans.has(planKey(spec))) plans.set(planKey(spec), await planFor(spec));
    return withFigures(markdown, (spec) => figureValue(plans.get(planKey(spec))!, spec.value, policyCount));
}
