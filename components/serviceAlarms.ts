import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface ServiceAlarmsArgs {
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    /** SNS topic to notify; alarms still show in the console without one. */
    alarmTopicArn?: string;
    tags: Record<string, string>;
}

/** High CPU: autoscaling is not keeping up. (The signs of a bad rollout are DeploymentAlarms, which ECS rolls back on.) */
export class ServiceAlarms extends pulumi.ComponentResource {
    readonly alarmArns: pulumi.Output<string>[];

    constructor(name: string, args: ServiceAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:ServiceAlarms", name, {}, opts);
        const actions = args.alarmTopicArn ? [args.alarmTopicArn] : [];
        const common = { alarmActions: actions, okActions: actions, treatMissingData: "notBreaching", tags: args.tags };

        const highCpu = new aws.cloudwatch.MetricAlarm(
            `${name}-high-cpu`,
            {
                alarmDescription: "Service CPU above 85% for 10 minutes (autoscaling is not keeping up)",
                namespace: "AWS/ECS",
                metricName: "CPUUtilization",
                dimensions: { ClusterName: args.clusterName, ServiceName: args.serviceName },
                statistic: "Average",
                period: 60,
                evaluationPeriods: 10,
                comparisonOperator: "GreaterThanThreshold",
                threshold: 85,
                ...common,
            },
            { parent: this },
        );
        this.alarmArns = [highCpu.arn];
        this.registerOutputs({ alarmArns: this.alarmArns });
    }
}
