// The critical path of a rolling ECS deployment behind an ALB, from the plan's own settings.
//
// Per batch: start the new tasks (image pull and app start), pass the target group health
// check (interval × healthy threshold), then drain the old tasks (deregistration delay).
// Batches: how many tasks a step may replace, limited by maximumPercent (extra tasks) and
// minimumHealthyPercent (tasks that may stop first).

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
