import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { ecsServiceTrustPolicy, hookRolePolicy, trafficRolePolicy } from "../documents/deploymentIam";

export interface DeploymentRolesArgs {
    trafficRoleName: string;
    hookRoleName: string;
    loadBalancerName: pulumi.Input<string>;
    targetGroupNames: pulumi.Input<string>[];
    /** The lifecycle hook's Lambda; no hook role without one. */
    hookFunctionArn?: string;
    tags: Record<string, string>;
}

/**
 * The roles ECS assumes during blue/green, canary and linear deployments, each with a scoped
 * inline policy. The documents are built from names and the account's partition and region
 * (invokes), never from computed ARNs, so the policy pack reads them at preview.
 */
export class DeploymentRoles extends pulumi.ComponentResource {
    readonly trafficRoleArn: pulumi.Output<string>;
    readonly hookRoleArn?: pulumi.Output<string>;

    constructor(name: string, args: DeploymentRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:roles:DeploymentRoles", name, {}, opts);
        const ctx = awsContext({ parent: this });
        const trust = JSON.stringify(ecsServiceTrustPolicy());

        const traffic = new aws.iam.Role(
            args.trafficRoleName,
            { assumeRolePolicy: trust, description: "ECS: shift traffic between this service's target groups on its load balancer", tags: args.tags },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            args.trafficRoleName,
            {
                role: traffic.id,
                policy: pulumi
                    .all([ctx.partition, ctx.region, ctx.accountId, args.loadBalancerName, pulumi.all(args.targetGroupNames)])
                    .apply(([partition, region, accountId, loadBalancerName, targetGroupNames]) =>
                        JSON.stringify(trafficRolePolicy({ partition, region, accountId, loadBalancerName, targetGroupNames })),
                    ),
            },
            { parent: this },
        );
        this.trafficRoleArn = traffic.arn;

        if (args.hookFunctionArn) {
            const hook = new aws.iam.Role(
                args.hookRoleName,
                { assumeRolePolicy: trust, description: "ECS: invoke this service's deployment lifecycle hook", tags: args.tags },
                { parent: this },
            );
            new aws.iam.RolePolicy(args.hookRoleName, { role: hook.id, policy: JSON.stringify(hookRolePolicy(args.hookFunctionArn)) }, { parent: this });
            this.hookRoleArn = hook.arn;
        }
        this.registerOutputs({ trafficRoleArn: this.trafficRoleArn, hookRoleArn: this.hookRoleArn });
    }
}
