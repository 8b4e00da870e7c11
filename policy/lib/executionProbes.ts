// A fixed probe set for execution roles: requests no ECS agent makes for these task definitions,
// each of which the role must deny. They cover the ways an execution role grows too broad: writes
// to what it reads (push, delete, overwrite secrets), reads beyond its own repositories, log
// groups, secrets and parameters, and the classic escalation and data paths.
import { Needs, formatArn } from "./executionNeeds";
import { Request } from "./iamSimulate";

export type Probe = Request & { why: string };

/** The name of resources that belong to nobody in the stack. */
export const PROBE_NAME = "not-used-by-these-tasks";

export function probesFor(needs: Needs): Probe[] {
    const where = { Partition: needs.partition, Region: needs.region, Account: needs.account };
    const arn = (service: string, type: string, vars: Record<string, string> = {}) => formatArn(service, type, { ...where, ...vars }, PROBE_NAME);
    const probes: Probe[] = [
        { action: "ecr:BatchGetImage", resource: arn("ecr", "repository"), why: "a pull from another repository" },
        { action: "logs:PutLogEvents", resource: arn("logs", "log-stream"), why: "a write to another log group" },
        {
            action: "secretsmanager:GetSecretValue",
            resource: arn("secretsmanager", "secret", { SecretId: `${PROBE_NAME}-AbCdEf` }),
            why: "a read of another secret",
        },
        { action: "ssm:GetParameters", resource: arn("ssm", "parameter"), why: "a read of another parameter" },
        { action: "iam:PassRole", resource: arn("iam", "role"), why: "passing another role (privilege escalation)" },
        { action: "iam:AttachRolePolicy", resource: arn("iam", "role"), why: "attaching policies to a role (privilege escalation)" },
        { action: "iam:CreatePolicyVersion", resource: arn("iam", "policy"), why: "rewriting a managed policy (privilege escalation)" },
        { action: "sts:AssumeRole", resource: arn("iam", "role"), why: "assuming another role" },
        { action: "s3:GetObject", resource: arn("s3", "object"), why: "reading S3 objects" },
        { action: "s3:PutObject", resource: arn("s3", "object"), why: "writing S3 objects" },
        { action: "dynamodb:Scan", resource: arn("dynamodb", "table"), why: "reading a DynamoDB table" },
    ];
    for (const name of new Set(needs.repositories)) {
        const repository = arn("ecr", "repository", { RepositoryName: name });
        probes.push(
            { action: "ecr:PutImage", resource: repository, why: `a push to ${name}, which its tasks only pull` },
            { action: "ecr:BatchDeleteImage", resource: repository, why: `deleting images of ${name}` },
            { action: "ecr:SetRepositoryPolicy", resource: repository, why: `rewriting the policy of ${name}` },
        );
    }
    for (const name of new Set(needs.logGroups))
        probes.push({
            action: "logs:DeleteLogGroup",
            resource: arn("logs", "log-group", { LogGroupName: name }),
            why: `deleting ${name}, which its tasks only write`,
        });
    for (const secret of new Set(needs.secretArns))
        probes.push({ action: "secretsmanager:PutSecretValue", resource: secret, why: `overwriting ${secret}, which its tasks only read` });
    for (const parameter of new Set(needs.parameterArns))
        probes.push({ action: "ssm:PutParameter", resource: parameter, why: `overwriting ${parameter}, which its tasks only read` });
    // Secrets may sit behind a customer key the stack does not name; without secrets, no key is needed at all.
    if (needs.secretArns.length + needs.parameterArns.length === 0)
        probes.push({ action: "kms:Decrypt", resource: arn("kms", "key"), why: "decrypting with a KMS key although no task reads a secret" });
    return probes;
}
