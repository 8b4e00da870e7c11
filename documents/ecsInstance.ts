// What an ECS container instance is given: its user data (the agent's config) and its role's
// policy, scoped to one cluster instead of the AWS-managed policy's `*`.
import type { PolicyDocument } from "./iamDocuments";
import { ECS_RESERVED_MEMORY_MIB } from "../policy/knowledge/ec2Instances";

export interface UserDataArgs {
    clusterName: string;
    /** Spot instances: drain tasks when the two-minute interruption notice arrives. */
    spot: boolean;
}

/** /etc/ecs/ecs.config for the ECS-optimized AMI. */
export function ecsUserData(a: UserDataArgs): string {
    const config = [
        `ECS_CLUSTER=${a.clusterName}`,
        // awsvpc tasks cannot reach the instance metadata service, so never the instance role.
        "ECS_AWSVPC_BLOCK_IMDS=true",
        "ECS_ENABLE_TASK_IAM_ROLE=true",
        `ECS_RESERVED_MEMORY=${ECS_RESERVED_MEMORY_MIB}`,
        ...(a.spot ? ["ECS_ENABLE_SPOT_INSTANCE_DRAINING=true"] : []),
    ];
    return ["#!/bin/bash", "cat <<'EOF' >> /etc/ecs/ecs.config", ...config, "EOF", ""].join("\n");
}

/** Trust for EC2 instances (the instance profile). */
export function ec2TrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "Ec2Instances", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

/**
 * The ECS agent's calls, on this cluster and its container instances only. Image pulls and log
 * writes are the tasks' execution role's, so the instance needs neither ECR nor CloudWatch Logs.
 */
export function ecsInstanceRolePolicy(partition: string, region: string, accountId: string, clusterName: string): PolicyDocument {
    const ecs = `arn:${partition}:ecs:${region}:${accountId}`;
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "FindThePollEndpoint", Effect: "Allow", Action: ["ecs:DiscoverPollEndpoint"], Resource: "*" },
            {
                Sid: "JoinThisCluster",
                Effect: "Allow",
                Action: [
                    "ecs:RegisterContainerInstance",
                    "ecs:DeregisterContainerInstance",
                    "ecs:SubmitContainerStateChange",
                    "ecs:SubmitTaskStateChange",
                    "ecs:SubmitAttachmentStateChanges",
                ],
                Resource: [`${ecs}:cluster/${clusterName}`],
            },
            {
                Sid: "RunAsAnInstanceOfThisCluster",
                Effect: "Allow",
                Action: ["ecs:Poll", "ecs:StartTelemetrySession", "ecs:UpdateContainerInstancesState", "ecs:PutSystemLogEvents"],
                Resource: [`${ecs}:container-instance/${clusterName}/*`],
            },
        ],
    };
}
