// The ECS service: capacity provider, how a rolling update may run, and how targets drain.
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { group, limit, setting, whole } from "./declare";

export const SERVICE = group("service", {
    spot: setting(Type.Boolean(), { default: { dev: true, staging: false, prod: false }, description: "Runs tasks on Fargate Spot." }),
    deregistrationDelaySeconds: setting(limit(c.checkDeregistrationDelay), {
        default: { dev: 5, staging: 15, prod: 30 },
        description: "Seconds a draining target keeps its connections.",
    }),
    healthCheckGracePeriodSeconds: setting(whole(0, 2147483647), {
        default: 30,
        unit: " seconds",
        description: "Seconds ECS ignores failing health checks of a new task.",
    }),
    minHealthyPercent: setting(limit(c.MIN_HEALTHY_PERCENT), {
        default: { dev: 0, staging: 100, prod: 100 },
        description: "Share of desiredCount that stays running during a deployment.",
        allowed: "a rolling update of desiredCount must be able to start or stop a task",
    }),
    maxPercent: setting(limit(c.MAX_PERCENT), {
        default: 200,
        description: "Share of desiredCount that may run during a deployment.",
        allowed: "a rolling update of desiredCount must be able to start or stop a task",
    }),
});
