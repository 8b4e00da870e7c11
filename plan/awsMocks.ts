// Mocks that answer like AWS where the program looks: deterministic ids and ARNs carrying the
// account and region, autonamed names with a suffix, and the computed outputs the program reads.
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";

export const MOCK_ACCOUNT = "123456789012";

/** Availability zones per region (us-east-1 has six; most regions three). */
const ZONES: Record<string, string[]> = { "us-east-1": ["a", "b", "c", "d", "e", "f"] };

const hex = (seed: string, length: number) => createHash("sha256").update(seed).digest("hex").slice(0, length);

type State = Record<string, unknown>;

export class AwsMocks implements pulumi.runtime.Mocks {
    constructor(
        readonly region = "us-east-1",
        readonly account = MOCK_ACCOUNT,
    ) {}

    zones(): string[] {
        return (ZONES[this.region] ?? ["a", "b", "c"]).map((z) => `${this.region}${z}`);
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: this.account, arn: `arn:aws:iam::${this.account}:user/planner`, userId: "AIDAPLANNER", id: this.account };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
            case "aws:index/getRegion:getRegion":
                return { region: this.region, name: this.region, endpoint: `ec2.${this.region}.amazonaws.com`, id: this.region };
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return { names: this.zones(), zoneIds: this.zones().map((_, i) => `use1-az${i + 1}`), id: this.region };
            case "aws:ssm/getParameter:getParameter": {
                // AWS's public parameters (e.g. /aws/service/ecs/optimized-ami/...): a fake image id.
                const name = String(args.inputs.name);
                if (!name.startsWith("/aws/service/")) throw new Error(`the offline plan has no mock for the SSM parameter ${name}`);
                return { name, value: `ami-${hex(name, 17)}`, type: "String", arn: this.arn("ssm", `parameter${name}`), id: name };
            }
            default:
                throw new Error(`the offline plan has no mock for the call ${args.token}`);
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const seed = `${args.type}::${args.name}`;
        const id = args.id || this.idFor(args.type, args.name, seed);
        // Our own components have no state; remote components (awsx) compute outputs like resources.
        if (!args.custom && !args.type.startsWith("awsx:")) return { id: undefined, state: args.inputs };
        const inputs = args.inputs as State;
        // Autonaming: the provider adds "-" and 7 characters to the logical name.
        const name = (inputs.name as string | undefined) ?? `${args.name}-${hex(seed, 7)}`;
        return { id, state: { ...inputs, id, name, ...this.computed(args.type, name, id, inputs, seed) } };
    }

    private idFor(type: string, name: string, seed: string): string {
        const prefixes: Record<string, string> = {
            "aws:ec2/vpc:Vpc": "vpc-",
            "aws:ec2/subnet:Subnet": "subnet-",
            "aws:ec2/internetGateway:InternetGateway": "igw-",
            "aws:ec2/natGateway:NatGateway": "nat-",
            "aws:ec2/eip:Eip": "eipalloc-",
            "aws:ec2/routeTable:RouteTable": "rtb-",
            "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc-",
            "aws:ec2/route:Route": "r-rtb-",
            "aws:ec2/securityGroup:SecurityGroup": "sg-",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
        };
        const prefix = prefixes[type];
        return prefix ? `${prefix}${hex(seed, 17)}` : `${name}-${hex(seed, 8)}`;
    }

    private arn(service: string, resource: string, regional = true): string {
        return `arn:aws:${service}:${regional ? this.region : ""}:${this.account}:${resource}`;
    }

    private computed(type: string, name: string, id: string, inputs: State, seed: string): State {
        const r = this.region;
        switch (type) {
            case "aws:ecr/repository:Repository":
                return {
                    arn: this.arn("ecr", `repository/${name}`),
                    repositoryUrl: `${this.account}.dkr.ecr.${r}.amazonaws.com/${name}`,
                    registryId: this.account,
                };
            case "aws:lb/loadBalancer:LoadBalancer":
            case "aws:alb/loadBalancer:LoadBalancer": {
                const suffix = `app/${name}/${hex(seed, 16)}`;
                return {
                    arn: this.arn("elasticloadbalancing", `loadbalancer/${suffix}`),
                    arnSuffix: suffix,
                    dnsName: `${name}-${parseInt(hex(seed, 8), 16)}.${r}.elb.amazonaws.com`,
                    zoneId: "Z35SXDOTRQ7X7K",
                };
            }
            case "aws:lb/targetGroup:TargetGroup":
            case "aws:alb/targetGroup:TargetGroup": {
                const suffix = `targetgroup/${name}/${hex(seed, 16)}`;
                return { arn: this.arn("elasticloadbalancing", suffix), arnSuffix: suffix };
            }
            case "aws:lb/listener:Listener":
            case "aws:alb/listener:Listener":
                return { arn: this.arn("elasticloadbalancing", `listener/app/${name}/${hex(seed, 16)}`) };
            case "aws:ecs/cluster:Cluster":
                return { arn: this.arn("ecs", `cluster/${name}`) };
            case "aws:ecs/service:Service":
                return { arn: this.arn("ecs", `service/${name}`) };
            case "aws:ecs/taskDefinition:TaskDefinition":
                return {
                    arn: this.arn("ecs", `task-definition/${inputs.family}:1`),
                    revision: 1,
                    arnWithoutRevision: this.arn("ecs", `task-definition/${inputs.family}`),
                };
            case "aws:iam/role:Role":
                return { arn: `arn:aws:iam::${this.account}:role/${name}`, uniqueId: `AROA${hex(seed, 17).toUpperCase()}` };
            case "aws:iam/policy:Policy":
                return { arn: `arn:aws:iam::${this.account}:policy/${name}` };
            case "aws:cloudwatch/logGroup:LogGroup":
                return { arn: this.arn("logs", `log-group:${name}`) };
            case "aws:kms/key:Key":
                return { arn: this.arn("kms", `key/${hex(seed, 8)}-${hex(seed, 4)}-4${hex(seed, 3)}-8${hex(seed, 3)}-${hex(seed, 12)}`), keyId: id };
            case "aws:ec2/subnet:Subnet":
                return { arn: this.arn("ec2", `subnet/${id}`) };
            case "aws:ec2/eip:Eip":
                return { publicIp: `203.0.113.${(parseInt(hex(seed, 2), 16) % 254) + 1}`, allocationId: id };
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                return { arn: this.arn("cloudwatch", `alarm:${name}`) };
            case "aws:appautoscaling/policy:Policy":
                return { arn: this.arn("autoscaling", `scalingPolicy:${hex(seed, 8)}:policyName/${name}`) };
            case "aws:ec2/launchTemplate:LaunchTemplate":
                return { arn: this.arn("ec2", `launch-template/${id}`), latestVersion: 1, defaultVersion: 1 };
            case "aws:autoscaling/group:Group":
                return { arn: this.arn("autoscaling", `autoScalingGroup:${hex(seed, 8)}-${hex(seed, 4)}:autoScalingGroupName/${name}`) };
            case "awsx:ecr:Image":
                return { imageUri: `${inputs.repositoryUrl}@sha256:${createHash("sha256").update(String(inputs.imageTag)).digest("hex")}` };
            default:
                return {};
        }
    }
}
