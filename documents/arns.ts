// ARNs and image references formatted from the account, partition and region (invokes, known
// at preview) and the names the program chooses, instead of read back from resource outputs
// (unknown at preview), so the policy pack can judge them in CI before anything is deployed.
import { ecrRegistryHost } from "../policy/knowledge/ecr";

export interface Place {
    accountId: string;
    partition: string;
    region: string;
}

/** A log group's ARN; IAM grants on its streams append ":*". */
export const logGroupArn = (p: Place, logGroupName: string): string => `arn:${p.partition}:logs:${p.region}:${p.accountId}:log-group:${logGroupName}`;

/** `<account>.dkr.ecr.<region>.<dnsSuffix>/<repository>:<tag>`: the image a build pushes under that tag. */
export const ecrImageReference = (p: Place & { dnsSuffix: string }, repositoryName: string, tag: string): string =>
    `${ecrRegistryHost(p.accountId, p.region, p.dnsSuffix)}/${repositoryName}:${tag}`;

export const roleArn = (w: Place, name: string) => `arn:${w.partition}:iam::${w.accountId}:role/${name}`;
export const bucketArn = (w: Place, name: string) => `arn:${w.partition}:s3:::${name}`;
export const projectArn = (w: Place, name: string) => `arn:${w.partition}:codebuild:${w.region}:${w.accountId}:project/${name}`;
export const pipelineArn = (w: Place, name: string) => `arn:${w.partition}:codepipeline:${w.region}:${w.accountId}:${name}`;
export const repositoryArn = (w: Place, name: string) => `arn:${w.partition}:ecr:${w.region}:${w.accountId}:repository/${name}`;
/** Every service of one cluster. */
export const clusterServicesArn = (w: Place, cluster: string) => `arn:${w.partition}:ecs:${w.region}:${w.accountId}:service/${cluster}/*`;
/** Every revision of one task definition family. */
export const taskFamilyArn = (w: Place, family: string) => `arn:${w.partition}:ecs:${w.region}:${w.accountId}:task-definition/${family}:*`;
