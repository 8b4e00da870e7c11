import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface ServiceAlarmsArgs {
    namePrefix: string;
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    albArnSuffix: pulumi.Input<string>;
    targetGroupArnSuffix: pulumi.Input<string>;
    /** SNS topic to notify; alarms still show in the console without one. */
    alarmTopicArn?: string;
    tags: Record<string, string>;
}

/** 5xx rate, unhealthy hosts and high CPU: the three signs of a bad rollout or an overloaded app. */
export class ServiceAlarms extends pulumi.ComponentResource {
    readonly alarmArns: pulumi.Output<string>[];

    constructor(name: string, args: ServiceAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:ServiceAlarms", name, {}, opts);
        const actions = args.alarmTopicArn ? [args.alarmTopicArn] : [];
        const common = { alarmActions: actions, okActions: actions, treatMissingData: "notBreaching", tags: args.tags };
        const lb = { LoadBalancer: args.albArnSuffix, TargetGroup: args.targetGroupArnSuffix };

        const errorRate = new aws.cloudwatch.MetricAlarm(
            `${args.namePrefix}-5xx-rate`,
            {
                alarmDescription: "More than 5% of requests answered 5xx by targets over 5 minutes",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 5,
                evaluationPeriods: 5,
                datapointsToAlarm: 3,
                metricQueries: [
                    { id: "rate", expression: "100 * errors / MAX([errors, requests])", label: "5xx percent", returnData: true },
                    {
                        id: "errors",
                        metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: lb, period: 60, stat: "Sum" },
                    },
                    { id: "requests", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: lb, period: 60, stat: "Sum" } },
                ],
                ...common,
            },
            { parent: this },
        );
        const unhealthy = new aws.cloudwatch.MetricAlarm(
            `${args.namePrefix}-unhealthy-hosts`,
            {
                alarmDescription: "A target has been unhealthy for 3 minutes",
                namespace: "AWS/ApplicationELB",
                metricName: "UnHealthyHostCount",
                dimensions: lb,
                statistic: "Maximum",
                period: 60,
                evaluationPeriods: 3,
                comparisonOperator: "GreaterThanThreshold",
                threshold: 0,
                ...common,
            },
            { parent: this },
        );
        const highCpu = new aws.cloudwatch.MetricAlarm(
            `${args.namePrefix}-high-cpu`,
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
        this.alarmArns = [errorRate.arn, unhealthy.arn, highCpu.arn];
        this.registerOutputs({ alarmArns: this.alarmArns });
    }
}
