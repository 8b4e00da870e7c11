// IAM documents of the role VPC flow logs assume to write to their CloudWatch Logs group.
import { LOG_WRITE_ACTIONS } from "../policy/knowledge/iamActions";
import type { PolicyDocument } from "./iamDocuments";
import type { Place } from "./arns";
import { serviceTrustPolicy } from "./pipelineIam";

export const FLOW_LOGS_SERVICE = "vpc-flow-logs.amazonaws.com";

/** Flow logs of this account only (the flow log's own id is chosen by AWS, hence the wildcard). */
export function flowLogTrustPolicy(p: Place): PolicyDocument {
    return serviceTrustPolicy(FLOW_LOGS_SERVICE, p.accountId, `arn:${p.partition}:ec2:${p.region}:${p.accountId}:vpc-flow-log/*`);
}

/** Write the streams of one log group; the group itself is made by the program, so no logs:CreateLogGroup. */
export function flowLogRolePolicy(logGroupArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteFlowLogStreams",
                Effect: "Allow",
                Action: [...LOG_WRITE_ACTIONS, "logs:DescribeLogStreams"],
                Resource: [`${logGroupArn}:*`],
            },
        ],
    };
}
