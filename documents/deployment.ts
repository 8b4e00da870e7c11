// What the ECS service carries for its deployments, as pure functions of the settings: the
// deployment configuration per strategy, the alarms block, and the weighted forward that lets ECS
// shift traffic between two target groups.
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { DeploymentSettings, DeploymentStrategy } from "../settings/types";

type DeploymentConfiguration = aws.types.input.ecs.ServiceDeploymentConfiguration;

/** The API's names for the strategies. */
export const ECS_STRATEGY: Readonly<Record<DeploymentStrategy, string>> = {
    rolling: "ROLLING",
    "blue-green": "BLUE_GREEN",
    canary: "CANARY",
    linear: "LINEAR",
};

/** Blue/green, canary and linear all run two revisions behind two target groups. */
export const shiftsTraffic = (strategy: DeploymentStrategy): boolean => strategy !== "rolling";

/**
 * deploymentConfiguration for the service; minutes are strings in the provider's schema. The hook
 * role's ARN may be an output: it stays nested, so the rest is known at preview.
 */
export function deploymentConfiguration(d: DeploymentSettings, hookRoleArn?: pulumi.Input<string>): DeploymentConfiguration {
    if (!shiftsTraffic(d.strategy)) return { strategy: ECS_STRATEGY.rolling };
    const config: DeploymentConfiguration = { strategy: ECS_STRATEGY[d.strategy], bakeTimeInMinutes: String(d.bakeTimeMinutes) };
    if (d.strategy === "canary") config.canaryConfiguration = { canaryPercent: d.canaryPercent, canaryBakeTimeInMinutes: String(d.canaryBakeTimeMinutes) };
    if (d.strategy === "linear") config.linearConfiguration = { stepPercent: d.linearStepPercent, stepBakeTimeInMinutes: String(d.linearStepBakeTimeMinutes) };
    if (d.hookFunctionArn && hookRoleArn) {
        config.lifecycleHooks = [{ hookTargetArn: d.hookFunctionArn, roleArn: hookRoleArn, lifecycleStages: d.hookStages, targetType: "AWS_LAMBDA" }];
    }
    return config;
}

/** ECS fails the deployment and rolls back when any of these alarms fires, for every strategy. */
export function deploymentAlarms(alarmNames: string[]): aws.types.input.ecs.ServiceAlarms {
    return { alarmNames, enable: true, rollback: true };
}

/**
 * The circuit breaker works for rolling deployments only (ECS rejects it for the others, which
 * roll back on the alarms instead).
 */
export function circuitBreaker(strategy: DeploymentStrategy): aws.types.input.ecs.ServiceDeploymentCircuitBreaker | undefined {
    return shiftsTraffic(strategy) ? undefined : { enable: true, rollback: true };
}

/**
 * All traffic to the live target group, none to the other; ECS rewrites the weights while it
 * shifts traffic, so the program declares them once and ignores later changes.
 */
export function weightedForward<T>(liveTargetGroupArn: T, otherTargetGroupArn: T) {
    return [
        {
            type: "forward",
            forward: {
                targetGroups: [
                    { arn: liveTargetGroupArn, weight: 100 },
                    { arn: otherTargetGroupArn, weight: 0 },
                ],
            },
        },
    ];
}

/** Production traffic shifts of a linear deployment: 100 ÷ step, rounded up (the last may be smaller). */
export const linearShiftSteps = (stepPercent: number) => Math.ceil(100 / stepPercent - 1e-9);

/**
 * How long `pulumi up` may wait for the service: the provider's 20-minute default plus every
 * wait ECS makes by design (traffic-shift bakes and the final bake), so a long canary is not
 * reported as a timeout.
 */
export function deploymentTimeoutMinutes(d: DeploymentSettings): number {
    const waits =
        d.strategy === "canary"
            ? d.canaryBakeTimeMinutes
            : d.strategy === "linear"
              ? (linearShiftSteps(d.linearStepPercent) - 1) * d.linearStepBakeTimeMinutes
              : 0;
    return 20 + (shiftsTraffic(d.strategy) ? waits + d.bakeTimeMinutes : 0);
}
