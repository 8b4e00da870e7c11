// ARNs formatted from partition, region, account and the explicit names the program gives, so
// every policy document that names them is known at `pulumi preview`.

export interface Where {
    partition: string;
    region: string;
    accountId: string;
}

export const roleArn = (w: Where, name: string) => `arn:${w.partition}:iam::${w.accountId}:role/${name}`;
export const bucketArn = (w: Where, name: string) => `arn:${w.partition}:s3:::${name}`;
export const logGroupArn = (w: Where, name: string) => `arn:${w.partition}:logs:${w.region}:${w.accountId}:log-group:${name}`;
export const projectArn = (w: Where, name: string) => `arn:${w.partition}:codebuild:${w.region}:${w.accountId}:project/${name}`;
export const pipelineArn = (w: Where, name: string) => `arn:${w.partition}:codepipeline:${w.region}:${w.accountId}:${name}`;
export const repositoryArn = (w: Where, name: string) => `arn:${w.partition}:ecr:${w.region}:${w.accountId}:repository/${name}`;
/** Every service of one cluster. */
export const clusterServicesArn = (w: Where, cluster: string) => `arn:${w.partition}:ecs:${w.region}:${w.accountId}:service/${cluster}/*`;
/** Every revision of one task definition family. */
export const taskFamilyArn = (w: Where, family: string) => `arn:${w.partition}:ecs:${w.region}:${w.accountId}:task-definition/${family}:*`;
