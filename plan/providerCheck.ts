// What the AWS provider's Check adds to a new resource's inputs before the engine plans it (and
// before the analyzer sees it, in both phases): the autonamed physical name and schema defaults.
import { createHash } from "node:crypto";

type State = Record<string, unknown>;

/** Types whose schema has no `name` property, so nothing is autonamed. */
const UNNAMED = new Set([
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/eip:Eip",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/route:Route",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:ecr/repositoryPolicy:RepositoryPolicy",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
    "aws:kms/key:Key",
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws:lb/listenerRule:ListenerRule",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:appautoscaling/target:Target",
]);

/** Schema defaults the provider fills in: those the pack or the plan reads, and their neighbours. */
const DEFAULTS: Record<string, State> = {
    "aws:ecr/repository:Repository": { imageTagMutability: "MUTABLE", forceDelete: false },
    "aws:ec2/securityGroup:SecurityGroup": { description: "Managed by Pulumi", revokeRulesOnDelete: false },
    "aws:ec2/subnet:Subnet": { mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false },
    "aws:ec2/vpc:Vpc": { enableDnsSupport: true, instanceTenancy: "default" },
    "aws:lb/loadBalancer:LoadBalancer": { loadBalancerType: "application", enableDeletionProtection: false, dropInvalidHeaderFields: false, idleTimeout: 60 },
    "aws:alb/loadBalancer:LoadBalancer": { loadBalancerType: "application", enableDeletionProtection: false, dropInvalidHeaderFields: false, idleTimeout: 60 },
    "aws:lb/targetGroup:TargetGroup": { deregistrationDelay: 300, targetType: "instance" },
    "aws:alb/targetGroup:TargetGroup": { deregistrationDelay: 300, targetType: "instance" },
    "aws:cloudwatch/logGroup:LogGroup": { retentionInDays: 0, skipDestroy: false },
    "aws:iam/role:Role": { path: "/", maxSessionDuration: 3600, forceDetachPolicies: false },
    "aws:kms/key:Key": { enableKeyRotation: false, isEnabled: true, keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT" },
    "aws:ecs/taskDefinition:TaskDefinition": { skipDestroy: false, trackLatest: false },
};

/** The provider's autoname: the logical name, "-" and 7 characters (deterministic here). */
export const autoname = (type: string, logicalName: string): string =>
    `${logicalName}-${createHash("sha256").update(`${type}::${logicalName}`).digest("hex").slice(0, 7)}`;

/** A new custom resource's inputs as Check returns them: given values win, even unknown ones. */
export function checkedInputs(type: string, logicalName: string, inputs: State): State {
    const named = UNNAMED.has(type) || inputs.name !== undefined || inputs.namePrefix !== undefined ? {} : { name: autoname(type, logicalName) };
    return { ...DEFAULTS[type], ...named, ...inputs };
}
