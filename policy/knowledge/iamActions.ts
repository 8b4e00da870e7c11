// IAM actions the ECS agent and a task need, shared by the documents the program writes and the
// rules that check them.

/** Account-wide: IAM cannot scope it to a repository. */
export const ECR_AUTH_ACTION = "ecr:GetAuthorizationToken";
export const ECR_PULL_ACTIONS: readonly string[] = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
export const LOG_WRITE_ACTIONS: readonly string[] = ["logs:CreateLogStream", "logs:PutLogEvents"];
/** ECS Exec's Session Manager channels; they have no resource type. */
export const EXEC_CHANNEL_ACTIONS: readonly string[] = [
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
];

/** Actions IAM cannot scope to a resource: the only reason for `Resource: "*"`. */
export const UNSCOPABLE_ACTIONS: readonly string[] = [
    ECR_AUTH_ACTION,
    ...EXEC_CHANNEL_ACTIONS,
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "cloudwatch:PutMetricData",
    // The ECS agent on a container instance finds its endpoint before it knows a cluster.
    "ecs:DiscoverPollEndpoint",
    // CodePipeline's ECS deploy action reads the service's current task definition by family.
    "ecs:DescribeTaskDefinition",
];
