import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { dashboardUrl } from "../documents/consoleUrls";
import { dashboardBody } from "../documents/dashboard";

export interface DashboardArgs {
    dashboardName: string;
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    albArnSuffix: pulumi.Input<string>;
    targetGroupArnSuffix: pulumi.Input<string>;
    alarmArns: pulumi.Input<string>[];
    logGroupName: pulumi.Input<string>;
    /** EC2 launch type: show the capacity provider's reservation. */
    capacityProviderName?: pulumi.Input<string>;
}

/** The stack's CloudWatch dashboard; its console address is a stack output. */
export class Dashboard extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: DashboardArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:monitoring:Dashboard", name, {}, opts);
        const ctx = awsContext({ parent: this });

        const body = pulumi
            .all([
                ctx.region,
                args.clusterName,
                args.serviceName,
                args.albArnSuffix,
                args.targetGroupArnSuffix,
                pulumi.all(args.alarmArns),
                args.logGroupName,
                args.capacityProviderName,
            ])
            .apply(([region, clusterName, serviceName, albArnSuffix, targetGroupArnSuffix, alarmArns, logGroupName, capacityProviderName]) =>
                JSON.stringify(
                    dashboardBody({ region, clusterName, serviceName, albArnSuffix, targetGroupArnSuffix, alarmArns, logGroupName, capacityProviderName }),
                ),
            );
        const dashboard = new aws.cloudwatch.Dashboard(name, { dashboardName: args.dashboardName, dashboardBody: body }, { parent: this });

        this.url = pulumi.all([ctx.partition, ctx.region, dashboard.dashboardName]).apply(([partition, region, n]) => dashboardUrl(partition, region, n));
        this.registerOutputs({ url: this.url });
    }
}
