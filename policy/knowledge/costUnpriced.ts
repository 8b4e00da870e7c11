// Resources that cost money but have no price in the model: the estimate lists them instead of
// letting the total look complete. Each says what AWS bills it for, so a reader can price it.
import type { CostInput } from "./costModel";
import { isKind } from "./types";
import { knownProp } from "./values";

export interface UnpricedResource {
    type: string;
    count: number;
    /** What AWS bills for it. */
    billedFor: string;
}

/** Billable types the model does not price, and what they are billed for. */
const BILLED_FOR: Readonly<Record<string, string>> = {
    "aws:rds/instance:Instance": "instance hours, storage and I/O",
    "aws:rds/cluster:Cluster": "storage and I/O (Aurora), plus its instances",
    "aws:rds/clusterInstance:ClusterInstance": "instance hours",
    "aws:eks/cluster:Cluster": "cluster hours",
    "aws:eks/nodeGroup:NodeGroup": "its EC2 instances",
    "aws:eks/fargateProfile:FargateProfile": "its pods' vCPU and memory hours",
    "aws:lambda/function:Function": "requests and GB-seconds",
    "aws:dynamodb/table:Table": "requests or provisioned capacity, and storage",
    "aws:elasticache/cluster:Cluster": "node hours",
    "aws:elasticache/replicationGroup:ReplicationGroup": "node hours",
    "aws:elasticache/serverlessCache:ServerlessCache": "storage and ECPUs",
    "aws:s3/bucket:Bucket": "storage, requests and data transfer",
    "aws:s3/bucketV2:BucketV2": "storage, requests and data transfer",
    "aws:cloudfront/distribution:Distribution": "requests and data transfer",
    "aws:sqs/queue:Queue": "requests",
    "aws:sns/topic:Topic": "publishes and deliveries",
    "aws:apigateway/restApi:RestApi": "requests",
    "aws:apigatewayv2/api:Api": "requests",
    "aws:opensearch/domain:Domain": "instance hours and storage",
    "aws:msk/cluster:Cluster": "broker hours and storage",
    "aws:redshift/cluster:Cluster": "node hours",
    "aws:efs/fileSystem:FileSystem": "storage",
    "aws:ebs/volume:Volume": "storage",
    "aws:kinesis/stream:Stream": "shard hours or on-demand throughput",
    "aws:sfn/stateMachine:StateMachine": "state transitions",
    "aws:docdb/cluster:Cluster": "instance hours, storage and I/O",
    "aws:neptune/cluster:Cluster": "instance hours, storage and I/O",
    "aws:ec2/transitGateway:TransitGateway": "attachment hours and data processed",
    "aws:ec2/vpnConnection:VpnConnection": "connection hours",
};

/** Load balancers other than application ones (network, gateway): the model prices ALBs only. */
const isUnpricedLoadBalancer = (r: CostInput) =>
    isKind(r.type, "loadBalancer") && ![undefined, "application"].includes(knownProp(r.props, "loadBalancerType") as string);

/** The billable resources the estimate leaves out, one line per type, in first-seen order. */
export function unpricedResources(resources: CostInput[]): UnpricedResource[] {
    const found = new Map<string, UnpricedResource>();
    for (const r of resources) {
        const billedFor = BILLED_FOR[r.type] ?? (isUnpricedLoadBalancer(r) ? "load balancer hours and capacity units (not an ALB)" : undefined);
        if (billedFor === undefined) continue;
        const entry = found.get(r.type) ?? { type: r.type, count: 0, billedFor };
        entry.count++;
        found.set(r.type, entry);
    }
    return [...found.values()];
}
