// Facts the plan reads off its resources: the rollout estimate of the service, and a state's region.
import { DeploymentEstimate, deploymentInputsFrom, estimateDeployment, withEcsDefaults } from "./rollout";
import type { ResourceRecord } from "./types";

/** The rolling/strategy estimate of the first ECS service behind a target group, and the same with ECS defaults. */
export function rolloutOf(resources: ResourceRecord[]): { planned: DeploymentEstimate; ecsDefaults: DeploymentEstimate } | undefined {
    const service = resources.find((r) => r.type === "aws:ecs/service:Service");
    const targetGroup = resources.find((r) => r.type === "aws:lb/targetGroup:TargetGroup" || r.type === "aws:alb/targetGroup:TargetGroup");
    if (!service || !targetGroup) return undefined;
    const alarms = resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.inputs);
    const planned = deploymentInputsFrom(service.inputs, targetGroup.inputs, alarms);
    return { planned: estimateDeployment(planned), ecsDefaults: estimateDeployment(withEcsDefaults(planned)) };
}

/** A state names no region: the provider's, else an ARN's, else us-east-1. */
export function regionOf(resources: ResourceRecord[]): string {
    const fromProvider = resources.map((r) => r.provider?.inputs.region).find((x): x is string => typeof x === "string");
    const fromArn = JSON.stringify(resources.map((r) => r.outputs.arn)).match(/arn:aws[\w-]*:[\w-]+:([a-z]{2}-[a-z]+-\d):/)?.[1];
    return fromProvider ?? fromArn ?? "us-east-1";
}
