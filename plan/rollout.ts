// The critical path of a rolling ECS deployment behind an ALB, from the plan's own settings.
//
// Per batch: start the new tasks (image pull and app start), pass the target group health
// check (interval × healthy threshold), then drain the old tasks (deregistration delay).
// Batches: how many tasks a step may replace, limited by maximumPercent (extra tasks) and
// minimumHealthyPercent (tasks that may stop first).
import { linearShiftSteps } from "../documents/deployment";

export interface RolloutInputs {
    desiredCount: number;
    minHealthyPercent: number;
    maxPercent: number;
    healthCheckIntervalSeconds: number;
    healthyThreshold: number;
    deregistrationDelaySeconds: number;
    /** Task start: provisioning, image pull, app boot. */
    taskStartSeconds: number;
}

export interface RolloutEstimate {
    batchSize: number;
    batches: number;
    perBatchSeconds: number;
    totalSeconds: number;
}

/** ECS/ALB defaults: 30 s interval, 5 healthy checks, 300 s deregistration delay. */
export const ECS_DEFAULTS: Omit<RolloutInputs, "desiredCount" | "taskStartSeconds"> = {
    minHealthyPercent: 100,
    maxPercent: 200,
    healthCheckIntervalSeconds: 30,
    healthyThreshold: 5,
    deregistrationDelaySeconds: 300,
};

export const TASK_START_SECONDS = 45;

export function estimateRollout(i: RolloutInputs): RolloutEstimate {
    const desired = Math.max(1, i.desiredCount);
    const extra = Math.floor((desired * i.maxPercent) / 100) - desired;
    const mayStop = desired - Math.ceil((desired * i.minHealthyPercent) / 100);
    const batchSize = Math.max(1, Math.min(desired, extra + mayStop));
    const batches = Math.ceil(desired / batchSize);
    const perBatchSeconds = i.taskStartSeconds + i.healthCheckIntervalSeconds * i.healthyThreshold + i.deregistrationDelaySeconds;
    return { batchSize, batches, perBatchSeconds, totalSeconds: batches * perBatchSeconds };
}

/** Reads the inputs from the planned service and target group. */
export function rolloutInputsFrom(service: Record<string, unknown>, targetGroup: Record<string, unknown>): RolloutInputs {
    const hc = (targetGroup.healthCheck ?? {}) as Record<string, unknown>;
    return {
        desiredCount: Number(service.desiredCount ?? 1),
        minHealthyPercent: Number(service.deploymentMinimumHealthyPercent ?? 100),
        maxPercent: Number(service.deploymentMaximumPercent ?? 200),
        healthCheckIntervalSeconds: Number(hc.interval ?? 30),
        healthyThreshold: Number(hc.healthyThreshold ?? 5),
        deregistrationDelaySeconds: Number(targetGroup.deregistrationDelay ?? 300),
        taskStartSeconds: TASK_START_SECONDS,
    };
}

// --- Every strategy: rolling batches, or ECS's blue/green family (blue/green, canary, linear).
//
// The blue/green family starts the new revision at full size in one go (start + health check),
// shifts production traffic in steps (blue/green 1, canary 2, linear 100 ÷ step) with bakes
// between them, keeps both revisions for the bake time, then drains the old one. Lifecycle hooks
// run for as long as the hook takes, so they are not in the estimate.

export type Strategy = "rolling" | "blue-green" | "canary" | "linear";

export interface DeploymentInputs extends RolloutInputs {
    strategy: Strategy;
    bakeTimeMinutes: number;
    canaryPercent: number;
    canaryBakeTimeMinutes: number;
    linearStepPercent: number;
    linearStepBakeTimeMinutes: number;
    /**
     * Rolling with deployment alarms: ECS keeps watching the alarms after the last batch for a
     * time it computes from their configuration; estimated as the longest alarm window.
     */
    alarmWatchSeconds: number;
}

export interface DeploymentEstimate {
    strategy: Strategy;
    /** Rolling only: the batches (each drains its old tasks). */
    rolling?: RolloutEstimate;
    /** Blue/green family: start the new revision at full size and pass the health check. */
    startSeconds: number;
    /** Production traffic shifts (rolling: traffic follows the tasks, 0), and their size. */
    shiftSteps: number;
    canaryPercent?: number;
    linearStepPercent?: number;
    /** Waits between shifts: the canary bake, or the linear step bakes. */
    shiftWaitSeconds: number;
    /** After all traffic moved: the bake time, or the alarm watch of a rolling deployment. */
    bakeSeconds: number;
    /** Blue/green family: draining the old revision (deregistration delay). */
    drainSeconds: number;
    totalSeconds: number;
}

/** ECS's own defaults for what the stack tunes; the bake time has no ECS default and is kept. */
export const ECS_STRATEGY_DEFAULTS = { canaryPercent: 5, canaryBakeTimeMinutes: 10, linearStepPercent: 10, linearStepBakeTimeMinutes: 6, alarmWatchSeconds: 0 };

export function estimateDeployment(i: DeploymentInputs): DeploymentEstimate {
    if (i.strategy === "rolling") {
        const rolling = estimateRollout(i);
        const bake = i.alarmWatchSeconds;
        return {
            strategy: i.strategy,
            rolling,
            startSeconds: 0,
            shiftSteps: 0,
            shiftWaitSeconds: 0,
            bakeSeconds: bake,
            drainSeconds: 0,
            totalSeconds: rolling.totalSeconds + bake,
        };
    }
    const startSeconds = i.taskStartSeconds + i.healthCheckIntervalSeconds * i.healthyThreshold;
    const shiftSteps = i.strategy === "canary" ? 2 : i.strategy === "linear" ? linearShiftSteps(i.linearStepPercent) : 1;
    const shiftWaitSeconds =
        i.strategy === "canary" ? i.canaryBakeTimeMinutes * 60 : i.strategy === "linear" ? (shiftSteps - 1) * i.linearStepBakeTimeMinutes * 60 : 0;
    const bakeSeconds = i.bakeTimeMinutes * 60;
    const drainSeconds = i.deregistrationDelaySeconds;
    return {
        strategy: i.strategy,
        startSeconds,
        shiftSteps,
        ...(i.strategy === "canary" ? { canaryPercent: i.canaryPercent } : i.strategy === "linear" ? { linearStepPercent: i.linearStepPercent } : {}),
        shiftWaitSeconds,
        bakeSeconds,
        drainSeconds,
        totalSeconds: startSeconds + shiftWaitSeconds + bakeSeconds + drainSeconds,
    };
}

export const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}` : `${s} s`);

/** One line for the plan: the critical path and its total. */
export function describeRollout(e: DeploymentEstimate): string {
    if (e.rolling) {
        const r = e.rolling;
        const watch = e.bakeSeconds > 0 ? `, then a ${duration(e.bakeSeconds)} alarm watch` : "";
        const batches = r.batches === 1 ? "1 batch" : `${r.batches} batches`;
        const tasks = r.batchSize === 1 ? "1 task" : `${r.batchSize} tasks`;
        return `${duration(e.totalSeconds)}: ${batches} of ${tasks}, ${duration(r.perBatchSeconds)} each${watch}`;
    }
    const shifts =
        e.strategy === "canary"
            ? `${e.canaryPercent}% then 100%, ${duration(e.shiftWaitSeconds)} canary bake`
            : e.strategy === "linear"
              ? `${e.shiftSteps} steps of ${e.linearStepPercent}%, ${duration(e.shiftWaitSeconds)} between them`
              : "all traffic at once";
    return `${duration(e.totalSeconds)}: ${duration(e.startSeconds)} to start the new tasks, ${shifts}, ${duration(e.bakeSeconds)} bake, ${duration(e.drainSeconds)} drain`;
}

const STRATEGIES: Record<string, Strategy> = { ROLLING: "rolling", BLUE_GREEN: "blue-green", CANARY: "canary", LINEAR: "linear" };

/** The longest evaluation window (periods × period) of the named alarms, in seconds. */
export function alarmWindowSeconds(alarmNames: string[], alarms: Record<string, unknown>[]): number {
    const windows = alarms
        .filter((a) => alarmNames.includes(String(a.name)))
        .map((a) => {
            const queries = (Array.isArray(a.metricQueries) ? a.metricQueries : []) as { metric?: { period?: number } }[];
            const period = Math.max(Number(a.period ?? 0), ...queries.map((q) => Number(q.metric?.period ?? 0)));
            return Number(a.evaluationPeriods ?? 1) * period;
        });
    return Math.max(0, ...windows);
}

/** Reads the inputs from the planned service, its target group and the stack's alarms. */
export function deploymentInputsFrom(
    service: Record<string, unknown>,
    targetGroup: Record<string, unknown>,
    alarms: Record<string, unknown>[],
): DeploymentInputs {
    const config = (service.deploymentConfiguration ?? {}) as Record<string, unknown>;
    const canary = (config.canaryConfiguration ?? {}) as Record<string, unknown>;
    const linear = (config.linearConfiguration ?? {}) as Record<string, unknown>;
    const alarmBlock = (service.alarms ?? {}) as { enable?: boolean; alarmNames?: string[] };
    const strategy = STRATEGIES[String(config.strategy ?? "ROLLING")] ?? "rolling";
    return {
        ...rolloutInputsFrom(service, targetGroup),
        strategy,
        bakeTimeMinutes: Number(config.bakeTimeInMinutes ?? 0),
        canaryPercent: Number(canary.canaryPercent ?? ECS_STRATEGY_DEFAULTS.canaryPercent),
        canaryBakeTimeMinutes: Number(canary.canaryBakeTimeInMinutes ?? ECS_STRATEGY_DEFAULTS.canaryBakeTimeMinutes),
        linearStepPercent: Number(linear.stepPercent ?? ECS_STRATEGY_DEFAULTS.linearStepPercent),
        linearStepBakeTimeMinutes: Number(linear.stepBakeTimeInMinutes ?? ECS_STRATEGY_DEFAULTS.linearStepBakeTimeMinutes),
        alarmWatchSeconds: strategy === "rolling" && alarmBlock.enable ? alarmWindowSeconds(alarmBlock.alarmNames ?? [], alarms) : 0,
    };
}

/** The same deployment with ECS's defaults for everything the stack tunes. */
export const withEcsDefaults = (i: DeploymentInputs): DeploymentInputs => ({ ...i, ...ECS_DEFAULTS, ...ECS_STRATEGY_DEFAULTS });
