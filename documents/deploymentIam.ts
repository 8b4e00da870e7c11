// IAM documents for the roles ECS assumes during blue/green, canary and linear deployments: one
// to move targets and shift listener-rule weights on this load balancer only, one to invoke the
// lifecycle hook only. A scoped inline policy instead of AWS's managed
// AmazonECSInfrastructureRolePolicyForLoadBalancers, which reaches every load balancer in the account.
import { ELB_DESCRIBE_ACTIONS } from "../policy/knowledge/iamActions";
import type { PolicyDocument } from "./iamDocuments";

/**
 * Trust for the ECS service principal, as AWS documents it for these roles. No source conditions:
 * ECS assumes the role only when a principal of this account passes it to a service
 * (iam:PassRole), and a condition ECS does not send would fail every deployment.
 */
export function ecsServiceTrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "EcsAssumesForDeployments", Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

export interface TrafficScope {
    partition: string;
    region: string;
    accountId: string;
    loadBalancerName: string;
    targetGroupNames: string[];
}

/** Move tasks between this service's two target groups and reweight this load balancer's rules. */
export function trafficRolePolicy(s: TrafficScope): PolicyDocument {
    const elb = `arn:${s.partition}:elasticloadbalancing:${s.region}:${s.accountId}`;
    return {
        Version: "2012-10-17",
        Statement: [
            // Describe calls have no resource-level permissions in Elastic Load Balancing.
            { Sid: "ReadLoadBalancing", Effect: "Allow", Action: [...ELB_DESCRIBE_ACTIONS], Resource: "*" },
            {
                Sid: "MoveTargetsOfThisService",
                Effect: "Allow",
                Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                Resource: s.targetGroupNames.map((name) => `${elb}:targetgroup/${name}/*`),
            },
            {
                Sid: "ShiftTrafficOnThisLoadBalancer",
                Effect: "Allow",
                Action: ["elasticloadbalancing:ModifyRule", "elasticloadbalancing:ModifyListener"],
                Resource: [`${elb}:listener-rule/app/${s.loadBalancerName}/*`, `${elb}:listener/app/${s.loadBalancerName}/*`],
            },
        ],
    };
}

/** Invoke the configured hook function and nothing else. */
export function hookRolePolicy(functionArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "InvokeDeploymentHook", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [functionArn] }],
    };
}
