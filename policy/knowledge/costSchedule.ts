// What scheduled capacity saves: the task-hours a stack's scheduled actions hold at zero, priced
// off the always-on estimate. Only what runs per task shrinks; the rest of the bill (load
// balancer, NAT, endpoints, alarms…) keeps running through the night and is named as such.
import type { CostEstimate, CostInput, CostLine } from "./cost";
import { zeroShareOfWeek } from "./schedules";
import { isKind } from "./types";
import { at, knownProp, num, text } from "./values";

export interface ScheduledCost {
    /** The schedule expressions priced. */
    schedules: string[];
    /** Share of a week the service is scheduled at zero tasks (0 when it never is). */
    zeroShare: number;
    alwaysOnUsd: number;
    scheduledUsd: number;
    /** Fargate task compute only: what the schedule acts on directly. */
    taskAlwaysOnUsd: number;
    taskScheduledUsd: number;
    /** Lines that do not shrink with the schedule, dearest first. */
    stayingOn: CostLine[];
    /** Why the schedule could not be priced (it does not repeat weekly); the figures are then always-on. */
    unpricedReason?: string;
}

/** Fargate compute per task, priced by the task-hour. */
const isTaskCompute = (l: CostLine) => l.item.startsWith("Fargate ");
/** What running tasks produce: logs and Container Insights scale with them too. */
const scalesWithTasks = (l: CostLine) => isTaskCompute(l) || l.item.startsWith("CloudWatch Logs ") || l.item === "Container Insights";
const round = (n: number) => Math.round(n * 100) / 100;
const sum = (lines: CostLine[]) => round(lines.reduce((s, l) => s + l.monthlyUsd, 0));

/** The estimate with the stack's scheduled actions applied, or undefined when the stack has none. */
export function scheduledCost(resources: CostInput[], estimate: CostEstimate): ScheduledCost | undefined {
    const actions = resources.filter((r) => isKind(r.type, "scheduledAction"));
    if (actions.length === 0) return undefined;
    const changes = actions.map((a) => ({
        schedule: text(knownProp(a.props, "schedule")),
        maxCount: num(at(knownProp(a.props, "scalableTargetAction"), "maxCapacity"), 1),
    }));
    const share = zeroShareOfWeek(changes);
    const zeroShare = share ?? 0;
    const scaled = estimate.lines.map((l) => (scalesWithTasks(l) ? { ...l, monthlyUsd: round(l.monthlyUsd * (1 - zeroShare)) } : l));
    return {
        schedules: changes.map((c) => c.schedule),
        zeroShare,
        alwaysOnUsd: estimate.totalUsd,
        scheduledUsd: sum(scaled),
        taskAlwaysOnUsd: sum(estimate.lines.filter(isTaskCompute)),
        taskScheduledUsd: sum(scaled.filter(isTaskCompute)),
        stayingOn: estimate.lines.filter((l) => !scalesWithTasks(l)).sort((a, b) => b.monthlyUsd - a.monthlyUsd),
        ...(share === undefined ? { unpricedReason: "a schedule that does not repeat weekly (a day of the month, a month, a year, or at())" } : {}),
    };
}
