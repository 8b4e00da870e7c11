// The NAT instance's role: trusted by EC2, allowed only what the SSM agent needs for Session
// Manager. Narrower than AmazonSSMManagedInstanceCore, which also grants ssm:GetParameter(s) on
// every parameter in the account: an instance that forwards the VPC's traffic reads no secrets.
import { EXEC_CHANNEL_ACTIONS } from "../policy/knowledge/iamActions";
import type { PolicyDocument } from "./iamDocuments";

export function ec2TrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "Ec2Instances", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

/** AWS's documented minimum for Session Manager: the agent's heartbeat and its session channels. */
export function sessionManagerPolicy(partition: string, region: string, accountId: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            // The heartbeat can be scoped to instances; the channels have no resource type.
            {
                Sid: "AgentHeartbeat",
                Effect: "Allow",
                Action: ["ssm:UpdateInstanceInformation"],
                Resource: [`arn:${partition}:ec2:${region}:${accountId}:instance/*`],
            },
            { Sid: "SessionChannels", Effect: "Allow", Action: [...EXEC_CHANNEL_ACTIONS], Resource: "*" },
        ],
    };
}
