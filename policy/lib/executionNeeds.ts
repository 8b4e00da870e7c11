// The requests the ECS agent makes for a set of task definitions, as IAM sees them: pull their
// ECR images, write their awslogs streams, read their secrets and registry credentials. ARNs are
// built from AWS's own ARN formats; what the stack does not reveal (a log group's account) stays
// an open segment that any policy segment matches.
import type { PolicyResource } from "@pulumi/policy";
import { arnFormat } from "./iamData";
import { Request, SOME_SEGMENT } from "./iamSimulate";
import { containerName, parseContainers } from "../knowledge/containers";
import { parseEcrImage } from "../knowledge/ecr";
import { ECR_AUTH_ACTION, ECR_PULL_ACTIONS, LOG_WRITE_ACTIONS } from "../knowledge/iamActions";
import { isSecretsManagerArn, secretArnOf } from "../knowledge/secrets";
import { asRecords, at, text } from "../knowledge/values";

export interface Needs {
    /** What the agent asks for, each with who needs it (`why` reads after "which"). */
    requests: (Request & { why: string })[];
    /** Where the stack lives, as far as its task definitions tell (open segments otherwise). */
    partition: string;
    region: string;
    account: string;
    /** Names of what the tasks use, for the probe set: repositories, log groups, secret and parameter ARNs. */
    repositories: string[];
    logGroups: string[];
    secretArns: string[];
    parameterArns: string[];
}

/** Secrets and parameters may be encrypted with a customer key the stack does not name: Decrypt on any key stays within needs. */
export const DECRYPT_FOR_SECRETS = "kms:Decrypt";
/** The agent reads parameters in batches; the singular form is accepted too. */
const PARAMETER_READS = ["ssm:GetParameters", "ssm:GetParameter"];

export const partitionOf = (region: string): string =>
    region === SOME_SEGMENT ? SOME_SEGMENT : region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";

/** An ARN in AWS's format for the resource type, `${…}` filled from `vars` (`missing` for the rest). */
export function formatArn(service: string, resourceType: string, vars: Record<string, string>, missing = SOME_SEGMENT): string {
    const format = arnFormat(service, resourceType) ?? `arn:\${Partition}:${service}:\${Region}:\${Account}:${resourceType}/\${Name}`;
    return format.replace(/\$\{(\w+)\}/g, (_, name: string) => vars[name] ?? missing);
}

const arnPart = (arn: string, i: number) => arn.split(":")[i] ?? "";

export function needsOf(taskDefinitions: PolicyResource[]): Needs {
    const needs: Needs = {
        requests: [],
        partition: SOME_SEGMENT,
        region: SOME_SEGMENT,
        account: SOME_SEGMENT,
        repositories: [],
        logGroups: [],
        secretArns: [],
        parameterArns: [],
    };
    const streams: { group: string; region: string; stream: string; why: string }[] = [];
    const parameterNames: { name: string; why: string }[] = [];
    for (const td of taskDefinitions) {
        const parsed = parseContainers(td.props.containerDefinitions);
        if (!parsed.ok) continue;
        parsed.containers.forEach((c, i) => {
            const why = `container ${containerName(c, i)} of ${td.name}`;
            const image = parseEcrImage(text(c.image));
            if (image) {
                const arn = formatArn("ecr", "repository", {
                    Partition: partitionOf(image.region),
                    Region: image.region,
                    Account: image.account,
                    RepositoryName: image.repository,
                });
                needs.repositories.push(image.repository);
                needs.requests.push(...ECR_PULL_ACTIONS.map((action) => ({ action, resource: arn, why: `${why} needs to pull ${image.repository}` })));
                [needs.region, needs.account] = [image.region, image.account];
            }
            const group = at(c, "logConfiguration", "options", "awslogs-group");
            if (at(c, "logConfiguration", "logDriver") === "awslogs" && typeof group === "string") {
                const region = text(at(c, "logConfiguration", "options", "awslogs-region")) || SOME_SEGMENT;
                const prefix = text(at(c, "logConfiguration", "options", "awslogs-stream-prefix"));
                needs.logGroups.push(group);
                streams.push({
                    group,
                    region,
                    stream: `${prefix ? `${prefix}/` : ""}${text(c.name) || "container"}/task-id`,
                    why: `${why} needs to write to ${group}`,
                });
            }
            const credentials = text(at(c, "repositoryCredentials", "credentialsParameter"));
            const references = [...asRecords(c.secrets).map((s) => text(s.valueFrom)), ...(credentials ? [credentials] : [])].filter((v) => v !== "");
            for (const from of references) {
                if (isSecretsManagerArn(from)) {
                    const arn = secretArnOf(from);
                    needs.secretArns.push(arn);
                    needs.requests.push({ action: "secretsmanager:GetSecretValue", resource: arn, why: `${why} needs to read ${arn}` });
                    [needs.region, needs.account] = [arnPart(arn, 3), arnPart(arn, 4)];
                } else parameterNames.push({ name: from, why: `${why} needs to read ${from}` });
            }
        });
    }
    needs.partition = partitionOf(needs.region);
    if (needs.repositories.length > 0) needs.requests.unshift({ action: ECR_AUTH_ACTION, resource: "*", why: "the agent needs to log in to ECR" });
    for (const s of streams) {
        const region = s.region === SOME_SEGMENT ? needs.region : s.region;
        const resource = formatArn("logs", "log-stream", {
            Partition: partitionOf(region),
            Region: region,
            Account: needs.account,
            LogGroupName: s.group,
            LogStreamName: s.stream,
        });
        needs.requests.push(...LOG_WRITE_ACTIONS.map((action) => ({ action, resource, why: s.why })));
    }
    for (const p of parameterNames) {
        const resource = p.name.startsWith("arn:")
            ? p.name
            : formatArn("ssm", "parameter", {
                  Partition: needs.partition,
                  Region: needs.region,
                  Account: needs.account,
                  ParameterNameWithoutLeadingSlash: p.name.replace(/^\//, ""),
              });
        needs.parameterArns.push(resource);
        needs.requests.push({ action: PARAMETER_READS[0]!, resource, why: p.why });
    }
    return needs;
}

/** Actions the agent may hold for these task definitions, lowercase; Decrypt and the singular parameter read ride along with secrets. */
export function neededActions(needs: Needs): Set<string> {
    const actions = new Set(needs.requests.map((r) => r.action.toLowerCase()));
    if (actions.has(PARAMETER_READS[0]!.toLowerCase())) actions.add(PARAMETER_READS[1]!.toLowerCase());
    if (needs.secretArns.length + needs.parameterArns.length > 0) actions.add(DECRYPT_FOR_SECRETS.toLowerCase());
    return actions;
}
