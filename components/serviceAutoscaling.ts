import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { albRequestLabel, targetTrackingPolicies } from "../documents/autoscaling";
import type { AutoscalingSettings, ScheduledCapacity } from "../settings/settings";

export interface ServiceAutoscalingArgs {
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    albArnSuffix: pulumi.Input<string>;
    /**
     * The one target group the service serves from; undefined when deployments swap between two,
     * where ALBRequestCountPerTarget on either would go blind after a swap (CPU and memory remain).
     */
    targetGroupArnSuffix?: pulumi.Input<string>;
    settings: AutoscalingSettings;
    tags: Record<string, string>;
    /** Scheduled min/max changes on the same scalable target (none by default). */
    schedules?: ScheduledCapacity[];
}

/**
 * Target tracking on CPU, memory and ALB requests per target, within min/max; scheduled actions
 * move min/max at set times (to 0/0 for a scale-to-zero window), and target tracking works inside
 * whatever bounds the last one set.
 */
export class ServiceAutoscaling extends pulumi.ComponentResource {
    constructor(name: string, args: ServiceAutoscalingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:ServiceAutoscaling", name, {}, opts);

        const target = new aws.appautoscaling.Target(
            `${name}-scaling`,
            {
                serviceNamespace: "ecs",
                scalableDimension: "ecs:service:DesiredCount",
                resourceId: pulumi.interpolate`service/${args.clusterName}/${args.serviceName}`,
                minCapacity: args.settings.minCount,
                maxCapacity: args.settings.maxCount,
                tags: args.tags,
            },
            { parent: this },
        );
        const targetGroup = args.targetGroupArnSuffix;
        for (const policy of targetTrackingPolicies(args.settings).filter((p) => !p.needsResourceLabel || targetGroup !== undefined)) {
            new aws.appautoscaling.Policy(
                `${name}-${policy.name}`,
                {
                    policyType: "TargetTrackingScaling",
                    serviceNamespace: target.serviceNamespace,
                    scalableDimension: target.scalableDimension,
                    resourceId: target.resourceId,
                    targetTrackingScalingPolicyConfiguration: {
                        targetValue: policy.targetValue,
                        scaleInCooldown: policy.scaleInCooldown,
                        scaleOutCooldown: policy.scaleOutCooldown,
                        predefinedMetricSpecification: {
                            predefinedMetricType: policy.metric,
                            resourceLabel: policy.needsResourceLabel
                                ? pulumi.all([args.albArnSuffix, targetGroup]).apply(([alb, tg]) => albRequestLabel(alb, tg!))
                                : undefined,
                        },
                    },
                },
                { parent: this },
            );
        }
        for (const schedule of args.schedules ?? []) {
            new aws.appautoscaling.ScheduledAction(
                `${name}-schedule-${schedule.name}`,
                {
                    // Unique per scalable target, which is all AWS asks; plain, so known at preview.
                    name: schedule.name,
                    serviceNamespace: target.serviceNamespace,
                    scalableDimension: target.scalableDimension,
                    resourceId: target.resourceId,
                    schedule: schedule.schedule,
                    timezone: schedule.timezone,
                    scalableTargetAction: { minCapacity: schedule.minCount, maxCapacity: schedule.maxCount },
                },
                { parent: this },
            );
        }
        this.registerOutputs({});
    }
}
