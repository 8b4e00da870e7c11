// Target-tracking settings for the service, as data.
import type { AutoscalingSettings } from "../settings/settings";

export type PredefinedMetric = "ECSServiceAverageCPUUtilization" | "ECSServiceAverageMemoryUtilization" | "ALBRequestCountPerTarget";

export interface TargetTrackingPolicy {
    /** Suffix of the policy's logical name. */
    name: string;
    metric: PredefinedMetric;
    targetValue: number;
    scaleInCooldown: number;
    scaleOutCooldown: number;
    /** ALBRequestCountPerTarget needs "<alb arn suffix>/<target group arn suffix>". */
    needsResourceLabel: boolean;
}

export function targetTrackingPolicies(a: AutoscalingSettings): TargetTrackingPolicy[] {
    const common = { scaleInCooldown: a.scaleInCooldownSeconds, scaleOutCooldown: a.scaleOutCooldownSeconds };
    return [
        { name: "cpu", metric: "ECSServiceAverageCPUUtilization", targetValue: a.cpuTargetPercent, needsResourceLabel: false, ...common },
        { name: "memory", metric: "ECSServiceAverageMemoryUtilization", targetValue: a.memoryTargetPercent, needsResourceLabel: false, ...common },
        { name: "requests", metric: "ALBRequestCountPerTarget", targetValue: a.requestsPerTarget, needsResourceLabel: true, ...common },
    ];
}

export const albRequestLabel = (albArnSuffix: string, targetGroupArnSuffix: string) => `${albArnSuffix}/${targetGroupArnSuffix}`;
