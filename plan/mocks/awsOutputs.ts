// Outputs AWS computes for the resource types the plan meets most (ids with their real prefixes,
// ARNs in each service's format, DNS names); other types fall back to their declarations.
import { AwsPlace, hex, uuid } from "./aws";

type State = Record<string, unknown>;

/** A bucket's id is its name: the `bucket` input (autonamed by the provider when the program gives none). */
export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

export function idFor(type: string, name: string, seed: string): string {
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
        "aws:ec2/launchTemplate:LaunchTemplate": "lt-",
        "aws:ec2/networkInterface:NetworkInterface": "eni-",
        "aws:ec2/networkAcl:NetworkAcl": "acl-",
        "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": "pcx-",
        "aws:ec2/transitGateway:TransitGateway": "tgw-",
        "aws:ebs/volume:Volume": "vol-",
    };
    const prefix = prefixes[type];
    if (prefix) return `${prefix}${hex(seed, 17)}`;
    // Named by a UUID (KMS keys), or by their name (buckets, queues' names are in their URL).
    if (type === "aws:kms/key:Key") return uuid(seed);
    if (BUCKET_TYPES.includes(type)) return name;
    return `${name}-${hex(seed, 8)}`;
}

/** Outputs AWS computes for the types the plan knows best, in their real formats. */
export function awsOutputs(p: AwsPlace, type: string, name: string, id: string, inputs: State, seed: string): State {
    const r = p.region;
    switch (type) {
        case "aws:ecr/repository:Repository":
            return {
                arn: p.arn("ecr", `repository/${name}`),
                repositoryUrl: `${p.account}.dkr.ecr.${r}.${p.dnsSuffix}/${name}`,
                registryId: p.account,
            };
        case "aws:lb/loadBalancer:LoadBalancer":
        case "aws:alb/loadBalancer:LoadBalancer": {
            const suffix = `app/${name}/${hex(seed, 16)}`;
            return {
                arn: p.arn("elasticloadbalancing", `loadbalancer/${suffix}`),
                arnSuffix: suffix,
                dnsName: `${name}-${parseInt(hex(seed, 8), 16)}.${r}.elb.${p.dnsSuffix}`,
                zoneId: "Z35SXDOTRQ7X7K",
            };
        }
        case "aws:lb/targetGroup:TargetGroup":
        case "aws:alb/targetGroup:TargetGroup": {
            const suffix = `targetgroup/${name}/${hex(seed, 16)}`;
            return { arn: p.arn("elasticloadbalancing", suffix), arnSuffix: suffix };
        }
        case "aws:lb/listener:Listener":
        case "aws:alb/listener:Listener": {
            // Listener and rule ARNs extend their parent's: ".../listener/app/<lb name>/<lb id>/<listener id>[/<rule id>]".
            const lb = /:loadbalancer\/(.+)$/.exec(String(inputs.loadBalancerArn))?.[1] ?? `app/${name}/${hex(seed, 16)}`;
            return { arn: p.arn("elasticloadbalancing", `listener/${lb}/${hex(seed, 16)}`) };
        }
        case "aws:lb/listenerRule:ListenerRule":
        case "aws:alb/listenerRule:ListenerRule": {
            const listener = /:listener\/(.+)$/.exec(String(inputs.listenerArn))?.[1] ?? `app/${name}/${hex(seed, 16)}/${hex(seed, 16)}`;
            return { arn: p.arn("elasticloadbalancing", `listener-rule/${listener}/${hex(seed, 16)}`) };
        }
        case "aws:ecs/cluster:Cluster":
            return { arn: p.arn("ecs", `cluster/${name}`) };
        case "aws:ecs/service:Service":
            return { arn: p.arn("ecs", `service/${name}`) };
        case "aws:ecs/taskDefinition:TaskDefinition":
            return {
                arn: p.arn("ecs", `task-definition/${inputs.family}:1`),
                revision: 1,
                arnWithoutRevision: p.arn("ecs", `task-definition/${inputs.family}`),
            };
        case "aws:iam/role:Role":
            return { arn: `arn:${p.partition}:iam::${p.account}:role/${name}`, uniqueId: `AROA${hex(seed, 17).toUpperCase()}` };
        case "aws:iam/policy:Policy":
            return { arn: `arn:${p.partition}:iam::${p.account}:policy/${name}` };
        case "aws:cloudwatch/logGroup:LogGroup":
            return { arn: p.arn("logs", `log-group:${name}`) };
        case "aws:kms/key:Key":
            return { arn: p.arn("kms", `key/${uuid(seed)}`), keyId: id };
        case "aws:ec2/subnet:Subnet":
            return { arn: p.arn("ec2", `subnet/${id}`) };
        case "aws:ec2/eip:Eip":
            return { publicIp: `203.0.113.${(parseInt(hex(seed, 2), 16) % 254) + 1}`, allocationId: id };
        case "aws:ec2/instance:Instance":
            return { arn: p.arn("ec2", `instance/${id}`), primaryNetworkInterfaceId: `eni-${hex(seed, 17)}`, privateIp: "10.0.0.10" };
        case "aws:ec2/vpcEndpoint:VpcEndpoint":
            return { arn: p.arn("ec2", `vpc-endpoint/${id}`) };
        case "aws:iam/instanceProfile:InstanceProfile":
            return { arn: `arn:${p.partition}:iam::${p.account}:instance-profile/${name}` };
        case "aws:cloudwatch/metricAlarm:MetricAlarm":
            return { arn: p.arn("cloudwatch", `alarm:${name}`) };
        case "aws:appautoscaling/policy:Policy":
            return { arn: p.arn("autoscaling", `scalingPolicy:${hex(seed, 8)}:policyName/${name}`) };
        case "aws:ec2/launchTemplate:LaunchTemplate":
            return { arn: p.arn("ec2", `launch-template/${id}`), latestVersion: 1, defaultVersion: 1 };
        case "aws:autoscaling/group:Group":
            return { arn: p.arn("autoscaling", `autoScalingGroup:${hex(seed, 8)}-${hex(seed, 4)}:autoScalingGroupName/${name}`) };
        case "aws:wafv2/webAcl:WebAcl":
            return { arn: p.arn("wafv2", `regional/webacl/${name}/${uuid(seed)}`) };
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
                arn: p.arn("acm", `certificate/${uuid(seed)}`),
                domainValidationOptions,
            };
        }
        case "aws:acm/certificateValidation:CertificateValidation":
            return { certificateArn: inputs.certificateArn };
        case "aws:servicediscovery/httpNamespace:HttpNamespace":
            return { arn: p.arn("servicediscovery", `namespace/${id}`), httpName: inputs.name };
        case "aws:route53/record:Record":
            return { fqdn: String(inputs.name).replace(/\.$/, "") };
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const bucket = typeof inputs.bucket === "string" ? inputs.bucket : `${name.toLowerCase()}`;
            return {
                bucket,
                arn: `arn:${p.partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.${p.dnsSuffix}`,
                bucketRegionalDomainName: `${bucket}.s3.${r}.${p.dnsSuffix}`,
                region: r,
            };
        }
        case "aws:sqs/queue:Queue":
            return { arn: p.arn("sqs", name), url: `https://sqs.${r}.${p.dnsSuffix}/${p.account}/${name}` };
        case "aws:sns/topic:Topic":
            return { arn: p.arn("sns", name) };
        case "aws:lambda/function:Function": {
            const arn = p.arn("lambda", `function:${name}`);
            return {
                arn,
                qualifiedArn: `${arn}:1`,
                version: "1",
                invokeArn: `arn:${p.partition}:apigateway:${r}:lambda:path/2015-03-31/functions/${arn}/invocations`,
            };
        }
        case "aws:dynamodb/table:Table":
            return { arn: p.arn("dynamodb", `table/${name}`), streamArn: p.arn("dynamodb", `table/${name}/stream/2025-01-15T00:00:00.000`) };
        case "aws:rds/instance:Instance": {
            const address = `${name}.c${hex(seed, 11)}.${r}.rds.${p.dnsSuffix}`;
            const port = typeof inputs.port === "number" ? inputs.port : /postgres/.test(String(inputs.engine)) ? 5432 : 3306;
            return { arn: p.arn("rds", `db:${name}`), address, endpoint: `${address}:${port}`, port, hostedZoneId: "Z2R2ITUGPM61AM" };
        }
        case "aws:secretsmanager/secret:Secret": {
            const arn = p.arn("secretsmanager", `secret:${name}-${hex(seed, 6)}`);
            return { arn, id: arn };
        }
        case "aws:cloudfront/distribution:Distribution":
            return {
                arn: `arn:${p.partition}:cloudfront::${p.account}:distribution/${id}`,
                domainName: `d${hex(seed, 13)}.cloudfront.net`,
                hostedZoneId: "Z2FDTNDATAQYW2",
            };
        default:
            return {};
    }
}
