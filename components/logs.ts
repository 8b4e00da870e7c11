import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { logGroupArn } from "../documents/arns";
import { logsKeyPolicy } from "../documents/iamDocuments";

export interface LogsArgs {
    logGroupName: string;
    retentionDays: number;
    /** Encrypt with a customer-managed KMS key. */
    kms: boolean;
    protect: boolean;
    tags: Record<string, string>;
}

/** The service's log group, `/ecs/<app>/<stack>`, with retention and optional KMS. */
export class Logs extends pulumi.ComponentResource {
    readonly logGroupName: pulumi.Output<string>;
    /** Formatted from account/region/partition and the explicit name: known at preview. */
    readonly logGroupArn: pulumi.Output<string>;

    constructor(name: string, args: LogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:logs:Logs", name, {}, opts);

        const ctx = awsContext({ parent: this });
        let kmsKeyId: pulumi.Output<string> | undefined;
        if (args.kms) {
            const key = new aws.kms.Key(
                name,
                {
                    description: `Encrypts ${args.logGroupName}`,
                    enableKeyRotation: true,
                    deletionWindowInDays: args.protect ? 30 : 7,
                    policy: pulumi
                        .all([ctx.accountId, ctx.partition, ctx.region])
                        .apply(([account, partition, region]) => JSON.stringify(logsKeyPolicy(account, partition, region, args.logGroupName))),
                    tags: args.tags,
                },
                { parent: this, protect: args.protect },
            );
            // CloudWatch Logs takes only a key ARN (no alias), and AWS picks the key id on create, so
            // this stays unknown at preview: log-group-kms decides on presence and never reads it.
            kmsKeyId = key.arn;
        }

        const group = new aws.cloudwatch.LogGroup(
            name,
            { name: args.logGroupName, retentionInDays: args.retentionDays, kmsKeyId, tags: args.tags },
            { parent: this, protect: args.protect },
        );

        this.logGroupName = group.name;
        this.logGroupArn = pulumi
            .all([ctx.accountId, ctx.partition, ctx.region])
            .apply(([accountId, partition, region]) => logGroupArn({ accountId, partition, region }, args.logGroupName));
        this.registerOutputs({ logGroupName: this.logGroupName, logGroupArn: this.logGroupArn });
    }
}
