import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { ecsTasksTrustPolicy, executionRolePolicy, taskRolePolicy } from "../documents/iamDocuments";
import type { S3Grant, SecretRef } from "../settings/settings";

export interface RolesArgs {
    executionRoleName: string;
    taskRoleName: string;
    /** Repositories the execution role may pull from (empty for non-ECR images). */
    repositoryArns: pulumi.Input<string>[];
    logGroupArn: pulumi.Input<string>;
    secrets: SecretRef[];
    s3Grants: S3Grant[];
    enableExec: boolean;
    tags: Record<string, string>;
}

/** Two distinct roles: the agent's execution role and the app's task role, each least-privilege. */
export class Roles extends pulumi.ComponentResource {
    readonly executionRoleArn: pulumi.Output<string>;
    readonly taskRoleArn: pulumi.Output<string>;

    constructor(name: string, args: RolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:roles:Roles", name, {}, opts);

        const ctx = awsContext({ parent: this });
        const trust = pulumi
            .all([ctx.accountId, ctx.partition, ctx.region])
            .apply(([account, partition, region]) => JSON.stringify(ecsTasksTrustPolicy(account, partition, region)));

        const execution = new aws.iam.Role(
            args.executionRoleName,
            { assumeRolePolicy: trust, description: "ECS agent: pull this image, write this log group, read declared secrets", tags: args.tags },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            args.executionRoleName,
            {
                role: execution.id,
                policy: pulumi
                    .all([pulumi.all(args.repositoryArns), args.logGroupArn])
                    .apply(([repositoryArns, logGroupArn]) => JSON.stringify(executionRolePolicy({ repositoryArns, logGroupArn, secrets: args.secrets }))),
            },
            { parent: this },
        );

        const task = new aws.iam.Role(
            args.taskRoleName,
            { assumeRolePolicy: trust, description: "The app: only the declared grants", tags: args.tags },
            { parent: this },
        );
        if (args.s3Grants.length > 0 || args.enableExec) {
            // Exec sessions are audited into the stack's log group (the cluster's execute-command logging).
            const policy = pulumi
                .all([ctx.partition, args.logGroupArn])
                .apply(([partition, logGroupArn]) => JSON.stringify(taskRolePolicy(args.s3Grants, partition, args.enableExec, logGroupArn)));
            new aws.iam.RolePolicy(args.taskRoleName, { role: task.id, policy }, { parent: this });
        }

        this.executionRoleArn = execution.arn;
        this.taskRoleArn = task.arn;
        this.registerOutputs({ executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn });
    }
}
