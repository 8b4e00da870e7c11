// IAM documents of the pipeline's roles, each scoped to the ARNs it touches: this repository,
// this bucket, this log group, this connection, the Pulumi token secret and the stack's role.
import { ECR_AUTH_ACTION, ECR_PULL_ACTIONS, ECR_PUSH_ACTIONS, LOG_WRITE_ACTIONS } from "../policy/knowledge/iamActions";
import { secretArnOf } from "../policy/knowledge/secrets";
import type * as aws from "@pulumi/aws";
import type { PolicyDocument } from "./iamDocuments";

type Statement = aws.iam.PolicyStatement;

const ARTIFACT_OBJECT_READ = ["s3:GetObject", "s3:GetObjectVersion"];
const ARTIFACT_BUCKET_READ = ["s3:GetBucketAcl", "s3:GetBucketLocation"];

/** Trust for one AWS service acting for this account, on one resource (confused-deputy conditions). */
export function serviceTrustPolicy(service: string, accountId: string, sourceArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ThisServiceForThisResource",
                Effect: "Allow",
                Principal: { Service: service },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": sourceArn } },
            },
        ],
    };
}

export interface ProjectGrants {
    /** The build log group (writes go to `<arn>:*`). */
    logGroupArn: string;
    bucketArn: string;
    /** The build writes its output artifact (imagedefinitions.json) for the ECS deploy action. */
    writesArtifacts: boolean;
}

function projectBase(g: ProjectGrants): Statement[] {
    return [
        { Sid: "WriteBuildLogs", Effect: "Allow", Action: [...LOG_WRITE_ACTIONS], Resource: [`${g.logGroupArn}:*`] },
        {
            Sid: "ReadPipelineArtifacts",
            Effect: "Allow",
            Action: [...ARTIFACT_OBJECT_READ, ...(g.writesArtifacts ? ["s3:PutObject"] : [])],
            Resource: [`${g.bucketArn}/*`],
        },
        { Sid: "LocateArtifactBucket", Effect: "Allow", Action: ARTIFACT_BUCKET_READ, Resource: [g.bucketArn] },
    ];
}

/** The image build: push to this one repository, nothing else. */
export function imageBuildRolePolicy(g: ProjectGrants & { repositoryArn: string }): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            ...projectBase(g),
            { Sid: "EcrAuthTokenIsAccountWide", Effect: "Allow", Action: [ECR_AUTH_ACTION], Resource: "*" },
            {
                Sid: "PushThisRepository",
                Effect: "Allow",
                Action: [...ECR_PULL_ACTIONS, ...ECR_PUSH_ACTIONS, "ecr:DescribeImages"],
                Resource: [g.repositoryArn],
            },
        ],
    };
}

/** The gate and the deploy: read the Pulumi token, then act only as the stack's own role. */
export function stackRolePolicy(g: ProjectGrants & { tokenSecretArn: string; stackRoleArn: string }): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            ...projectBase(g),
            { Sid: "ReadPulumiToken", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secretArnOf(g.tokenSecretArn)] },
            { Sid: "ActAsTheStackRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [g.stackRoleArn] },
        ],
    };
}

export interface EcsDeployGrants {
    /** Services of this stack's cluster: `service/<cluster>/*`. */
    serviceArnPattern: string;
    /** Revisions of this stack's task definition family: `task-definition/<family>:*`. */
    taskDefinitionArnPattern: string;
    /** The execution and task roles the new revision passes to ECS. */
    passRoleArns: string[];
}

export interface PipelineGrants {
    bucketArn: string;
    connectionArn: string;
    projectArns: string[];
    ecsDeploy?: EcsDeployGrants;
}

/** CodePipeline: move artifacts, use the connection, start this stack's builds (and, on request, deploy to ECS). */
export function pipelineRolePolicy(g: PipelineGrants): PolicyDocument {
    // The connection's ARN names its service: codeconnections, or the older codestar-connections.
    const connectionService = g.connectionArn.split(":")[2];
    const statements: Statement[] = [
        { Sid: "MoveArtifacts", Effect: "Allow", Action: [...ARTIFACT_OBJECT_READ, "s3:PutObject"], Resource: [`${g.bucketArn}/*`] },
        { Sid: "LocateArtifactBucket", Effect: "Allow", Action: [...ARTIFACT_BUCKET_READ, "s3:GetBucketVersioning"], Resource: [g.bucketArn] },
        { Sid: "UseTheSourceConnection", Effect: "Allow", Action: [`${connectionService}:UseConnection`], Resource: [g.connectionArn] },
        { Sid: "RunThisStacksBuilds", Effect: "Allow", Action: ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], Resource: g.projectArns },
    ];
    const ecs = g.ecsDeploy;
    if (ecs) {
        statements.push(
            { Sid: "DeployThisCluster", Effect: "Allow", Action: ["ecs:DescribeServices", "ecs:UpdateService"], Resource: [ecs.serviceArnPattern] },
            { Sid: "RegisterThisFamily", Effect: "Allow", Action: ["ecs:RegisterTaskDefinition", "ecs:TagResource"], Resource: [ecs.taskDefinitionArnPattern] },
            { Sid: "ReadTaskDefinitions", Effect: "Allow", Action: ["ecs:DescribeTaskDefinition"], Resource: "*" },
            {
                Sid: "PassTaskRolesToEcsOnly",
                Effect: "Allow",
                Action: ["iam:PassRole"],
                Resource: ecs.passRoleArns,
                Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
            },
        );
    }
    return { Version: "2012-10-17", Statement: statements };
}
