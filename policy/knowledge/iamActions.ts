// IAM actions the ECS agent and a task need, shared by the documents the program writes and the
// rules that check them.

/** Account-wide: IAM cannot scope it to a repository. */
export const ECR_AUTH_ACTION = "ecr:GetAuthorizationToken";
export const ECR_PULL_ACTIONS: readonly string[] = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
/** What a build needs to push an image layer by layer. */
export const ECR_PUSH_ACTIONS: readonly string[] = ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"];
export const LOG_WRITE_ACTIONS: readonly string[] = ["logs:CreateLogStream", "logs:PutLogEvents"];
/** ECS Exec's Session Manager channels (AWS gives them no resource type, so they take `Resource: "*"`). */
export const EXEC_CHANNEL_ACTIONS: readonly string[] = [
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
];

/** Elastic Load Balancing reads ECS makes while shifting traffic; they have no resource type. */
export const ELB_DESCRIBE_ACTIONS: readonly string[] = [
    "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeRules",
    "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeTargetHealth",
];
