// How many tasks run: the count at creation, target tracking's bounds and targets, scheduled capacity.
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { group, limit, setting, whole } from "./declare";
import { SCHEDULE } from "./shapes";

export const SCALING = group("scaling", {
    desiredCount: setting(whole(0, 1000), {
        default: { dev: 1, staging: 2, prod: 3 },
        description:
            "Tasks at creation only: the program ignores later changes because autoscaling owns the running count; change `minCount`/`maxCount` instead.",
        allowed: "minCount ≤ desiredCount ≤ maxCount; ≥ 2 on prod",
    }),
    schedules: setting(Type.Array(SCHEDULE), {
        ownReader: true,
        default: [],
        description: "Scheduled actions on the service's scalable target. See [demo lifecycles](demo-lifecycle.md).",
        allowed:
            "list of `{ name, schedule: cron(…) | at(…), timezone: <IANA name>, minCount, maxCount }` in Application Auto Scaling's syntax (six cron fields, one of day-of-month and day-of-week `?`). Capacities 0–1000 and ≤ `maxCount`; minCount ≤ maxCount; minCount 0 only with maxCount 0. prod: maxCount ≥ 1 and minCount ≥ 2 (no scale-to-zero)",
    }),
});

/** Target tracking on CPU, memory and requests per target, within min and max. */
export const AUTOSCALING = group("autoscaling", {
    minCount: setting(whole(0, 1000), { default: { dev: 1, staging: 2, prod: 3 }, description: "Fewest tasks autoscaling keeps." }),
    maxCount: setting(whole(0, 1000), { default: { dev: 2, staging: 4, prod: 12 }, description: "Most tasks autoscaling starts." }),
    cpuTargetPercent: setting(limit(c.checkPercentTarget), { default: 60, description: "Average CPU target tracking keeps." }),
    memoryTargetPercent: setting(limit(c.checkPercentTarget), {
        default: 75,
        description: "Average memory target tracking keeps.",
    }),
    requestsPerTarget: setting(limit(c.checkRequestsPerTarget), {
        default: 500,
        description: "ALB requests per task per minute target tracking keeps.",
    }),
    scaleInCooldownSeconds: setting(limit(c.checkCooldown), {
        default: 300,
        description: "Seconds after a scale-in before the next.",
    }),
    scaleOutCooldownSeconds: setting(limit(c.checkCooldown), {
        default: 60,
        description: "Seconds after a scale-out before the next.",
    }),
});
