// Mocks that answer like AWS where the program looks: deterministic ids and ARNs carrying the
// account and region, autonamed names with a suffix, and the computed outputs the program reads.
// In the preview phase they answer like the engine at `pulumi preview`: a new resource's state is
// its inputs after the provider's Check (autonames, schema defaults) and every computed output unknown.
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { checkedInputs } from "./providerCheck";

export const MOCK_ACCOUNT = "123456789012";

/** preview: `pulumi preview` (computed outputs unknown); up: after `pulumi up` (everything resolved). */
export type Phase = "preview" | "up";

/** Availability zones per region (us-east-1 has six; most regions three). */
const ZONES: Record<string, string[]> = { "us-east-1": ["a", "b", "c", "d", "e", "f"] };

const hex = (seed: string, length: number) => createHash("sha256").update(seed).digest("hex").slice(0, length);

type State = Record<string, unknown>;

export class AwsMocks implements pulumi.runtime.Mocks {
    constructor(
        readonly region = "us-east-1",
        readonly account = MOCK_ACCOUNT,
        readonly phase: Phase = "up",
    ) {}

    zones(): string[] {
        return (ZONES[this.region] ?? ["a", "b", "c"]).map((z) => `${this.region}${z}`);
    }

    /** Invokes read existing state, so they answer in both phases (known at preview). */
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: this.account, arn: `arn:aws:iam::${this.account}:user/planner`, userId: "AIDAPLANNER", id: this.account };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
            case "aws:index/getRegion:getRegion":
                return { region: this.region, name: this.region, endpoint: `ec2.${this.region}.amazonaws.com`, id: this.region };
            case "aws:ec2/getVpc:getVpc":
                // An adopted VPC: the default VPC's range stands in for its CIDR.
                return { id: args.inputs.id, cidrBlock: "172.31.0.0/16", cidrBlockAssociations: [] };
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return { names: this.zones(), zoneIds: this.zones().map((_, i) => `use1-az${i + 1}`), id: this.region };
            case "aws:ssm/getParameter:getParameter": {
                // AWS's public parameters (e.g. the latest Amazon Linux AMI) answer with an id.
                const name = String(args.inputs.name);
                const value = /ami|image_id/.test(name) ? `ami-${hex(name, 17)}` : `value-of-${name}`;
                const arn = `arn:aws:ssm:${this.region}::parameter${name}`;
                return { name, value, insecureValue: value, type: "String", version: 1, arn, id: name };
            }
            case "aws:route53/getZone:getZone": {
                // A public zone of that name exists in the account (as the stack files assume).
                const name = String(args.inputs.name ?? "example.com").replace(/\.$/, "");
                return { name, zoneId: `Z${hex(name, 20).toUpperCase()}`, id: `Z${hex(name, 20).toUpperCase()}`, privateZone: false };
            }
            default:
                throw new Error(`the offline plan has no mock for the call ${args.token}`);
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const seed = `${args.type}::${args.name}`;
        // Our own components have no state; remote components (awsx) compute outputs like resources.
        if (!args.custom && !args.type.startsWith("awsx:")) return { id: undefined, state: args.inputs };
        const inputs = args.custom ? checkedInputs(args.type, args.name, args.inputs as State) : (args.inputs as State);
        // A read (`.get`) or import names an existing resource: its state is known in both phases.
        const existing = Boolean(args.id);
        const id = args.id || this.idFor(args.type, args.name, seed);
        const name = typeof inputs.name === "string" ? inputs.name : `${args.name}-${hex(seed, 7)}`;
        const computed: State = { id, ...this.computed(args.type, name, id, inputs, seed) };
        if (this.phase === "up" || existing) return { id, state: { ...inputs, ...computed } };
        // At preview the provider knows only what Check returned; everything it computes is unknown.
        const unknowns = Object.fromEntries(Object.keys(computed).map((key) => [key, pulumi.unknown]));
        return { id: undefined, state: { ...unknowns, ...inputs, id: pulumi.unknown } };
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
            "aws:ec2/instance:Instance": "i-",
            "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
            "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": "eigw-",
            "aws:servicediscovery/httpNamespace:HttpNamespace": "ns-",
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
            case "aws:alb/listener:Listener": {
                // Listener and rule ARNs extend their parent's: ".../listener/app/<lb name>/<lb id>/<listener id>[/<rule id>]".
                const lb = /:loadbalancer\/(.+)$/.exec(String(inputs.loadBalancerArn))?.[1] ?? `app/${name}/${hex(seed, 16)}`;
                return { arn: this.arn("elasticloadbalancing", `listener/${lb}/${hex(seed, 16)}`) };
            }
            case "aws:lb/listenerRule:ListenerRule":
            case "aws:alb/listenerRule:ListenerRule": {
                const listener = /:listener\/(.+)$/.exec(String(inputs.listenerArn))?.[1] ?? `app/${name}/${hex(seed, 16)}/${hex(seed, 16)}`;
                return { arn: this.arn("elasticloadbalancing", `listener-rule/${listener}/${hex(seed, 16)}`) };
            }
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
            case "aws:ec2/instance:Instance":
                return { arn: this.arn("ec2", `instance/${id}`), primaryNetworkInterfaceId: `eni-${hex(seed, 17)}`, privateIp: "10.0.0.10" };
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                return { arn: this.arn("ec2", `vpc-endpoint/${id}`) };
            case "aws:iam/instanceProfile:InstanceProfile":
                return { arn: `arn:aws:iam::${this.account}:instance-profile/${name}` };
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                return { arn: this.arn("cloudwatch", `alarm:${name}`) };
            case "aws:appautoscaling/policy:Policy":
                return { arn: this.arn("autoscaling", `scalingPolicy:${hex(seed, 8)}:policyName/${name}`) };
            case "aws:ec2/launchTemplate:LaunchTemplate":
                return { arn: this.arn("ec2", `launch-template/${id}`), latestVersion: 1, defaultVersion: 1 };
            case "aws:autoscaling/group:Group":
                return { arn: this.arn("autoscaling", `autoScalingGroup:${hex(seed, 8)}-${hex(seed, 4)}:autoScalingGroupName/${name}`) };
            case "aws:wafv2/webAcl:WebAcl":
                return { arn: this.arn("wafv2", `regional/webacl/${name}/${hex(seed, 8)}-${hex(seed, 4)}-4${hex(seed, 3)}-8${hex(seed, 3)}-${hex(seed, 12)}`) };
            case "aws:ec2/vpc:Vpc":
                // Amazon hands out a /56 when asked for one.
                return inputs.assignGeneratedIpv6CidrBlock ? { ipv6CidrBlock: `2600:1f18:${hex(seed, 3)}:${hex(seed, 2)}00::/56` } : {};
            case "aws:acm/certificate:Certificate": {
                const label = `_${hex(seed, 32)}`;
                const domainValidationOptions = [
                    {
                        domainName: inputs.domainName,
                        resourceRecordName: `${label}.${String(inputs.domainName)}.`,
                        resourceRecordType: "CNAME",
                        resourceRecordValue: `${label.replace("_", "_x")}.acm-validations.aws.`,
                    },
                ];
                return {
                    arn: this.arn("acm", `certificate/${hex(seed, 8)}-${hex(seed, 4)}-4${hex(seed, 3)}-8${hex(seed, 3)}-${hex(seed, 12)}`),
                    domainValidationOptions,
                };
            }
            case "aws:acm/certificateValidation:CertificateValidation":
                return { certificateArn: inputs.certificateArn };
            case "aws:servicediscovery/httpNamespace:HttpNamespace":
                return { arn: this.arn("servicediscovery", `namespace/${id}`), httpName: inputs.name };
            case "aws:route53/record:Record":
                return { fqdn: String(inputs.name).replace(/\.$/, "") };
            case "awsx:ecr:Image":
                return { imageUri: `${inputs.repositoryUrl}@sha256:${createHash("sha256").update(String(inputs.imageTag)).digest("hex")}` };
            default:
                return {};
        }
    }
}
