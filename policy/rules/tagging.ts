import { resourceRule } from "../lib/rule";
import { isRecord, show } from "../knowledge/values";

/** Resources that take tags and cost money or hold data: the ones cost reports group. */
export const TAGGED_TYPES = [
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/eip:Eip",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
    "aws:ecs/cluster:Cluster",
    "aws:ecs/service:Service",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:ecr/repository:Repository",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:iam/role:Role",
    "aws:kms/key:Key",
];

export const requiredTags = resourceRule<{ requiredTags: string[] }>({
    name: "required-tags",
    description: "Cost-bearing resources carry the cost-allocation tags.",
    severity: "low",
    enforcementLevel: "mandatory",
    remediationSteps: "Add the missing tags (the program's standardTags adds app, environment, stack, managed-by to every resource).",
    anchors: ["AWS tagging best practices", "CKV_AWS tagging"],
    configSchema: { properties: { requiredTags: { type: "array", items: { type: "string" }, default: ["app", "environment"] } } },
    types: TAGGED_TYPES,
    check(props, ctx, report) {
        const tags = props.tags;
        const missing = ctx.config.requiredTags.filter((k) => !isRecord(tags) || typeof tags[k] !== "string" || tags[k] === "");
        if (missing.length > 0)
            report(`missing tags ${missing.join(", ")} (has ${show(isRecord(tags) ? Object.keys(tags) : [])}); add them for cost allocation.`);
    },
});

export const taggingRules = [requiredTags];
