// The pipeline setting the tests share: a connection, a repository, the token secret and the
// deploy role (the preview role defaults to it).
export const PIPELINE = {
    connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    repository: "acme/fargate-web",
    branch: "main",
    pulumiTokenSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:pulumi-token-AbCdEf",
    deployRoleArn: "arn:aws:iam::123456789012:role/pulumi-deploy-web",
};

/** The same with its own read-only preview role. */
export const PIPELINE_WITH_PREVIEW_ROLE = { ...PIPELINE, previewRoleArn: "arn:aws:iam::123456789012:role/pulumi-preview-web" };
