// VPC flow logs to a CloudWatch Logs group of their own (retention, and the stack's KMS choice),
// written through a role scoped to that group. Every accepted and rejected connection is recorded.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { Logs } from "./logs";
import { flowLogRolePolicy, flowLogTrustPolicy } from "../documents/flowLogIam";

export interface FlowLogsArgs {
    vpcId: pulumi.Input<string>;
    logGroupName: string;
    roleName: string;
    retentionDays: number;
    kms: boolean;
    protect: boolean;
    tags: Record<string, string>;
}

export class FlowLogs extends pulumi.ComponentResource {
    readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: FlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:network:FlowLogs", name, {}, opts);

        const ctx = awsContext({ parent: this });
        const logs = new Logs(
            name,
            { logGroupName: args.logGroupName, retentionDays: args.retentionDays, kms: args.kms, protect: args.protect, tags: args.tags },
            { parent: this },
        );
        const role = new aws.iam.Role(
            args.roleName,
            {
                assumeRolePolicy: pulumi
                    .all([ctx.accountId, ctx.partition, ctx.region])
                    .apply(([accountId, partition, region]) => JSON.stringify(flowLogTrustPolicy({ accountId, partition, region }))),
                description: `VPC flow logs: write ${args.logGroupName}`,
                tags: args.tags,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            args.roleName,
            { role: role.id, policy: logs.logGroupArn.apply((arn) => JSON.stringify(flowLogRolePolicy(arn))) },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            name,
            {
                vpcId: args.vpcId,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: logs.logGroupArn,
                iamRoleArn: role.arn,
                // Ten-minute aggregation: the cheaper default; incidents read minutes, not seconds.
                maxAggregationInterval: 600,
                tags: { ...args.tags, Name: name },
            },
            { parent: this, dependsOn: [logs] },
        );

        this.logGroupName = logs.logGroupName;
        this.registerOutputs({ logGroupName: this.logGroupName });
    }
}
