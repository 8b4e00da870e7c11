import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fiveXxRateQueries, unhealthyHostQueries } from "../documents/deploymentAlarms";

export interface DeploymentAlarmsArgs {
    albArnSuffix: pulumi.Input<string>;
    /** Every target group the service's revisions run in (two for blue/green, canary, linear). */
    targetGroupArnSuffixes: pulumi.Input<string>[];
    /** SNS topic to notify; alarms still show in the console without one. */
    alarmTopicArn?: string;
    tags: Record<string, string>;
}

/**
 * 5xx rate and unhealthy hosts: the alarms ECS watches during a deployment and rolls back on.
 * Named explicitly, so the service's alarms block is known at preview; the service depends on
 * this component, so it never names an alarm that does not exist yet.
 */
export class DeploymentAlarms extends pulumi.ComponentResource {
    /** The alarm names, for the service's alarms block (plain strings: known at preview). */
    readonly alarmNames: string[];
    readonly alarmArns: pulumi.Output<string>[];

    constructor(name: string, args: DeploymentAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:DeploymentAlarms", name, {}, opts);
        const actions = args.alarmTopicArn ? [args.alarmTopicArn] : [];
        const common = { alarmActions: actions, okActions: actions, treatMissingData: "notBreaching", tags: args.tags };
        const queries = (build: typeof fiveXxRateQueries) =>
            pulumi.all([args.albArnSuffix, pulumi.all(args.targetGroupArnSuffixes)]).apply(([lb, groups]) => build(lb, groups));

        this.alarmNames = [`${name}-5xx-rate`, `${name}-unhealthy-hosts`];
        const [fiveXxName, unhealthyName] = this.alarmNames as [string, string];

        const fiveXx = new aws.cloudwatch.MetricAlarm(
            fiveXxName,
            {
                name: fiveXxName,
                alarmDescription: "More than 5% of requests answered 5xx by targets (worst target group) over 5 minutes",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 5,
                evaluationPeriods: 5,
                datapointsToAlarm: 3,
                metricQueries: queries(fiveXxRateQueries),
                ...common,
            },
            { parent: this },
        );
        const unhealthy = new aws.cloudwatch.MetricAlarm(
            unhealthyName,
            {
                name: unhealthyName,
                alarmDescription: "A target has been unhealthy for 3 minutes",
                evaluationPeriods: 3,
                comparisonOperator: "GreaterThanThreshold",
                threshold: 0,
                metricQueries: queries(unhealthyHostQueries),
                ...common,
            },
            { parent: this },
        );

        this.alarmArns = [fiveXx.arn, unhealthy.arn];
        this.registerOutputs({ alarmNames: this.alarmNames, alarmArns: this.alarmArns });
    }
}
