import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { albRequestLabel, targetTrackingPolicies } from "../documents/autoscaling";
import type { AutoscalingSettings } from "../settings/settings";

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
}

/** Target tracking on CPU, memory and ALB requests per target, within min/max. */
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
        this.registerOutputs({});
    }
}
