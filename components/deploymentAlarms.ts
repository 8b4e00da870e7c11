import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fiveXxRateQueries, unhealthyHostQueries } from "../documents/deploymentAlarms";

export interface DeploymentAlarmsArgs {
    namePrefix: string;
    albArnSuffix: pulumi.Input<string>;
    /** Every target group the service's revisions run in (two for blue/green, canary, linear). */
    targetGroupArnSuffixes: pulumi.Input<string>[];
    /** SNS topic to notify; alarms still show in the console without one. */
    alarmTopicArn?: string;
    tags: Record<string, string>;
}

/**
 * 5xx rate and unhealthy hosts: the alarms ECS watches during a deployment and rolls back on.
 * They are created before the service and named explicitly, so the service's alarms block is
 * known at preview and never names an alarm that does not exist yet.
 */
export class DeploymentAlarms extends pulumi.ComponentResource {
    /** The alarm names, for the service's alarms block. */
    readonly alarmNames: pulumi.Output<string>[];

    constructor(name: string, args: DeploymentAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:DeploymentAlarms", name, {}, opts);
        const actions = args.alarmTopicArn ? [args.alarmTopicArn] : [];
        const common = { alarmActions: actions, okActions: actions, treatMissingData: "notBreaching", tags: args.tags };
        const queries = (build: typeof fiveXxRateQueries) =>
            pulumi.all([args.albArnSuffix, pulumi.all(args.targetGroupArnSuffixes)]).apply(([lb, groups]) => build(lb, groups));

        const fiveXx = new aws.cloudwatch.MetricAlarm(
            `${args.namePrefix}-5xx-rate`,
            {
                name: `${args.namePrefix}-5xx-rate`,
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
            `${args.namePrefix}-unhealthy-hosts`,
            {
                name: `${args.namePrefix}-unhealthy-hosts`,
                alarmDescription: "A target has been unhealthy for 3 minutes",
                evaluationPeriods: 3,
                comparisonOperator: "GreaterThanThreshold",
                threshold: 0,
                metricQueries: queries(unhealthyHostQueries),
                ...common,
            },
            { parent: this },
        );

        this.alarmNames = [fiveXx.name, unhealthy.name];
        this.registerOutputs({ alarmNames: this.alarmNames });
    }
}
