// IAM documents as pure functions of resolved ARNs, so tests read them without mocks.
import type * as aws from "@pulumi/aws";
import { ECR_AUTH_ACTION, ECR_PULL_ACTIONS, EXEC_CHANNEL_ACTIONS, LOG_WRITE_ACTIONS } from "../policy/knowledge/iamActions";
import { isSecretsManagerArn, secretArnOf } from "../policy/knowledge/secrets";
import type { S3Grant, SecretRef } from "../settings/settings";

export type PolicyDocument = aws.iam.PolicyDocument;
type Statement = aws.iam.PolicyStatement;

/** Trust for ECS tasks only, with confused-deputy conditions. */
export function ecsTasksTrustPolicy(accountId: string, partition: string, region: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "EcsTasksOfThisAccount",
                Effect: "Allow",
                Principal: { Service: "ecs-tasks.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${accountId}:*` },
                },
            },
        ],
    };
}

export interface ExecutionGrants {
    /** Repositories the task pulls from; empty for images outside ECR. */
    repositoryArns: string[];
    logGroupArn: string;
    secrets: SecretRef[];
}

/** Exactly what the ECS agent needs to start this task: pull, write logs, read declared secrets. */
export function executionRolePolicy(g: ExecutionGrants): PolicyDocument {
    const statements: Statement[] = [];
    if (g.repositoryArns.length > 0) {
        statements.push({ Sid: "EcrAuthTokenIsAccountWide", Effect: "Allow", Action: [ECR_AUTH_ACTION], Resource: "*" });
        statements.push({ Sid: "PullThisRepository", Effect: "Allow", Action: [...ECR_PULL_ACTIONS], Resource: g.repositoryArns });
    }
    // "<group arn>:*" is the form CloudWatch Logs authorizes stream creation and writes against.
    statements.push({ Sid: "WriteThisLogGroup", Effect: "Allow", Action: [...LOG_WRITE_ACTIONS], Resource: [`${g.logGroupArn}:*`] });
    const secretArns = g.secrets.map((s) => s.valueFrom).filter(isSecretsManagerArn);
    const parameterArns = g.secrets.map((s) => s.valueFrom).filter((arn) => arn.includes(":ssm:"));
    if (secretArns.length > 0) {
        // A valueFrom may name a JSON key (…:secret:name:key::); the policy needs the secret ARN itself.
        const arns = [...new Set(secretArns.map(secretArnOf))];
        statements.push({ Sid: "ReadDeclaredSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: arns });
    }
    if (parameterArns.length > 0) {
        statements.push({ Sid: "ReadDeclaredParameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: parameterArns });
    }
    return { Version: "2012-10-17", Statement: statements };
}

const S3_READ_OBJECT = ["s3:GetObject"];
const S3_WRITE_OBJECT = ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"];

/**
 * The app's own permissions, from declared grants only; undefined when nothing is granted. With
 * ECS Exec, `execLogGroupArn` is where the agent in the task writes the session audit log.
 */
export function taskRolePolicy(grants: S3Grant[], partition: string, enableExec: boolean, execLogGroupArn?: string): PolicyDocument | undefined {
    const statements: Statement[] = grants.flatMap((g, i): Statement[] => {
        const bucketArn = `arn:${partition}:s3:::${g.bucket}`;
        const objectActions = g.access === "read-write" ? [...S3_READ_OBJECT, ...S3_WRITE_OBJECT] : S3_READ_OBJECT;
        return [
            { Sid: `ListBucket${i}`, Effect: "Allow", Action: ["s3:ListBucket"], Resource: [bucketArn] },
            { Sid: `Objects${i}`, Effect: "Allow", Action: objectActions, Resource: [`${bucketArn}/*`] },
        ];
    });
    if (enableExec) {
        // ECS Exec's session channels have no resource-level permissions.
        statements.push({ Sid: "EcsExecChannels", Effect: "Allow", Action: [...EXEC_CHANNEL_ACTIONS], Resource: "*" });
        if (execLogGroupArn !== undefined) {
            // The agent checks the group exists before logging (DescribeLogGroups has no resource type).
            statements.push({ Sid: "EcsExecAuditLogLookup", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: "*" });
            statements.push({
                Sid: "EcsExecAuditLog",
                Effect: "Allow",
                Action: [...LOG_WRITE_ACTIONS, "logs:DescribeLogStreams"],
                Resource: [`${execLogGroupArn}:*`],
            });
        }
    }
    return statements.length > 0 ? { Version: "2012-10-17", Statement: statements } : undefined;
}

/** Key policy for a log group's CMK: account administers it, CloudWatch Logs uses it for this group only. */
export function logsKeyPolicy(accountId: string, partition: string, region: string, logGroupName: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAdministersKey",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "LogsUseKeyForThisGroup",
                Effect: "Allow",
                Principal: { Service: `logs.${region}.amazonaws.com` },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: {
                    ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:${logGroupName}` },
                },
            },
        ],
    };
}
