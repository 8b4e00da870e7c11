import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface ClusterArgs {
    name: string;
    /** Default strategy: Spot for disposable stacks, on-demand otherwise. */
    spot: boolean;
    /** EC2 launch type: this capacity provider joins Fargate's and becomes the default. */
    ec2CapacityProvider?: pulumi.Input<string>;
    /** ECS Exec is on: sessions are logged to this group (encryption enforced when it has a KMS key). */
    execAuditLog?: { logGroupName: string; encrypted: boolean };
    /** Service Connect: the stack creates this Cloud Map HTTP namespace and makes it the cluster's default. */
    serviceConnectNamespace?: string;
    tags: Record<string, string>;
}

/** ECS cluster with Container Insights and both Fargate capacity providers. */
export class Cluster extends pulumi.ComponentResource {
    readonly arn: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    /** The Service Connect namespace's ARN, when the cluster has one. */
    readonly namespaceArn?: pulumi.Output<string>;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:cluster:Cluster", name, {}, opts);

        const namespace = args.serviceConnectNamespace
            ? new aws.servicediscovery.HttpNamespace(
                  name,
                  { name: args.serviceConnectNamespace, description: `Service Connect namespace of ${args.name}`, tags: args.tags },
                  { parent: this },
              )
            : undefined;
        const cluster = new aws.ecs.Cluster(
            name,
            {
                name: args.name,
                settings: [{ name: "containerInsights", value: "enabled" }],
                // Every command run through ECS Exec, and its output, lands in the stack's log group.
                configuration: args.execAuditLog
                    ? {
                          executeCommandConfiguration: {
                              logging: "OVERRIDE",
                              logConfiguration: {
                                  cloudWatchLogGroupName: args.execAuditLog.logGroupName,
                                  cloudWatchEncryptionEnabled: args.execAuditLog.encrypted,
                              },
                          },
                      }
                    : undefined,
                serviceConnectDefaults: namespace ? { namespace: namespace.arn } : undefined,
                tags: args.tags,
            },
            { parent: this },
        );
        const capacityProviders = new aws.ecs.ClusterCapacityProviders(
            name,
            {
                clusterName: cluster.name,
                capacityProviders: ["FARGATE", "FARGATE_SPOT", ...(args.ec2CapacityProvider ? [args.ec2CapacityProvider] : [])],
                defaultCapacityProviderStrategies: [{ capacityProvider: args.ec2CapacityProvider ?? (args.spot ? "FARGATE_SPOT" : "FARGATE"), weight: 1 }],
            },
            { parent: this },
        );

        // Services may use the Spot/on-demand providers only once they are associated: whoever
        // reads the cluster's name or ARN waits for the association too.
        this.arn = pulumi.all([cluster.arn, capacityProviders.id]).apply(([arn]) => arn);
        this.name = capacityProviders.clusterName;
        this.namespaceArn = namespace?.arn;
        this.registerOutputs({ arn: this.arn, name: this.name, namespaceArn: this.namespaceArn });
    }
}
