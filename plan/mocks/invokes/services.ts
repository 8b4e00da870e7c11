// Lookups of service resources programs build on: ARNs taken apart, CloudFront's managed policies
// (their real ids), buckets, load balancers and target groups, ECS clusters, Lambda functions.
// Fields not set here are completed from the result's declaration (see AwsMocks.call).
import { AwsPlace, hex, uuid } from "../aws";
import { Answer, InvokeArgs } from "./types";

/** CloudFront's managed policies, by name: the ids AWS gives them in every account. */
const MANAGED_POLICIES: Record<string, string> = {
    "Managed-CachingOptimized": "658327ea-f89d-4fab-a63d-7e88639e58f6",
    "Managed-CachingDisabled": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    "Managed-CachingOptimizedForUncompressedObjects": "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
    "Managed-AllViewer": "216adef6-5c7f-47e4-b989-5492eafa07d3",
    "Managed-AllViewerExceptHostHeader": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    "Managed-CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    "Managed-CORS-CustomOrigin": "59781a5b-3903-41f3-afcb-af62929ccde1",
    "Managed-UserAgentRefererHeaders": "acba4595-bd28-49b8-b9fe-13317c0390fa",
    "Managed-SecurityHeadersPolicy": "67f7725c-6f97-4210-82d7-5512b31e9d03",
    "Managed-SimpleCORS": "60669652-455b-4ae9-85a4-c4c02393f86c",
    "Managed-CORS-With-Preflight": "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
    "Managed-CORS-and-SecurityHeadersPolicy": "e61eb60c-9c35-4d20-a928-2b84e02af89c",
};

function cloudFrontPolicy(kind: string) {
    return (args: InvokeArgs, p: AwsPlace) => {
        const name = typeof args.name === "string" ? args.name : undefined;
        const id = (args.id as string | undefined) ?? (name ? (MANAGED_POLICIES[name] ?? uuid(`${kind}:${name}`)) : undefined);
        if (!id) return undefined;
        return {
            ...args,
            id,
            name: name ?? id,
            arn: `arn:${p.partition}:cloudfront::${p.account}:${kind}/${id}`,
            etag: hex(id, 14).toUpperCase(),
            comment: "",
        };
    };
}

const loadBalancerName = (args: InvokeArgs) => String(args.name ?? (typeof args.arn === "string" ? args.arn.split("/")[2] : "lb"));

export const serviceInvokes: Record<string, Answer> = {
    "aws:index/getArn:getArn": (args) => {
        const arn = String(args.arn);
        const [prefix, partition, service, region, account, ...rest] = arn.split(":");
        if (prefix !== "arn" || rest.length === 0) return undefined;
        return { arn, partition, service, region, account, resource: rest.join(":"), id: arn };
    },
    "aws:cloudfront/getCachePolicy:getCachePolicy": cloudFrontPolicy("cache-policy"),
    "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": cloudFrontPolicy("origin-request-policy"),
    "aws:cloudfront/getResponseHeadersPolicy:getResponseHeadersPolicy": cloudFrontPolicy("response-headers-policy"),
    "aws:s3/getBucket:getBucket": (args, p) => {
        const bucket = String(args.bucket);
        return {
            ...args,
            bucket,
            id: bucket,
            arn: `arn:${p.partition}:s3:::${bucket}`,
            bucketDomainName: `${bucket}.s3.${p.dnsSuffix}`,
            bucketRegionalDomainName: `${bucket}.s3.${p.region}.${p.dnsSuffix}`,
            bucketRegion: p.region,
            region: p.region,
            websiteDomain: "",
            websiteEndpoint: "",
        };
    },
    "aws:lb/getLoadBalancer:getLoadBalancer": (args, p) => {
        const name = loadBalancerName(args);
        const suffix = `app/${name}/${hex(`lb:${name}`, 16)}`;
        const arn = (args.arn as string | undefined) ?? p.arn("elasticloadbalancing", `loadbalancer/${suffix}`);
        const dnsName = `${name}-${parseInt(hex(`lb:${name}`, 8), 16)}.${p.region}.elb.${p.dnsSuffix}`;
        return {
            ...args,
            name,
            arn,
            id: arn,
            arnSuffix: arn.replace(/^.*:loadbalancer\//, ""),
            dnsName,
            zoneId: "Z35SXDOTRQ7X7K",
            loadBalancerType: "application",
            internal: false,
            idleTimeout: 60,
        };
    },
    "aws:lb/getTargetGroup:getTargetGroup": (args, p) => {
        const name = String(args.name ?? (typeof args.arn === "string" ? args.arn.split("/")[1] : "tg"));
        const arn = (args.arn as string | undefined) ?? p.arn("elasticloadbalancing", `targetgroup/${name}/${hex(`tg:${name}`, 16)}`);
        return {
            ...args,
            name,
            arn,
            id: arn,
            arnSuffix: arn.replace(/^.*:(targetgroup\/)/, "$1"),
            port: 80,
            protocol: "HTTP",
            targetType: "ip",
            deregistrationDelay: "300",
        };
    },
    "aws:ecs/getCluster:getCluster": (args, p) => {
        const clusterName = String(args.clusterName);
        return {
            ...args,
            clusterName,
            arn: p.arn("ecs", `cluster/${clusterName}`),
            id: p.arn("ecs", `cluster/${clusterName}`),
            status: "ACTIVE",
            region: p.region,
        };
    },
    "aws:lambda/getFunction:getFunction": (args, p) => {
        const functionName = String(args.functionName).replace(/^.*:function:/, "");
        const arn = p.arn("lambda", `function:${functionName}`);
        return {
            ...args,
            functionName,
            arn,
            id: functionName,
            qualifiedArn: `${arn}:$LATEST`,
            invokeArn: `arn:${p.partition}:apigateway:${p.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
            role: `arn:${p.partition}:iam::${p.account}:role/${functionName}-role`,
            version: "$LATEST",
            region: p.region,
        };
    },
};
