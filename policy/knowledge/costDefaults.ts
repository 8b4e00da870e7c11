// The same app priced with the common defaults (AWS CDK's ApplicationLoadBalancedFargateService,
// most tutorials): a NAT gateway per AZ, no VPC endpoints, on-demand tasks. Everything else the
// stack has (load balancer, logs, registry, alarms) stays, so the ratio shows what egress and
// capacity choices save.
import { CostEstimate, estimateMonthlyCost } from "./cost";
import { CostAssumptions, CostInput, DEFAULT_COST_ASSUMPTIONS } from "./costModel";
import { isNatInstance } from "./costEgress";
import { isKind } from "./types";
import { asList, at, knownProp } from "./values";

export interface CostComparison {
    /** What the common defaults change, for the reader. */
    description: string;
    azCount: number;
    estimate: CostEstimate;
    /** This stack's total over the defaults' total. */
    ratio: number;
}

const read = (r: CostInput, key: string): unknown => knownProp(r.props, key);

/** This project's shape: an ECS service behind an Application Load Balancer. The comparison means nothing for other programs. */
export function isLoadBalancedService(resources: CostInput[]): boolean {
    const albs = resources.filter((r) => isKind(r.type, "loadBalancer") && (read(r, "loadBalancerType") ?? "application") === "application");
    const attached = resources.filter((r) => isKind(r.type, "service") && asList(r.props.loadBalancers).length > 0);
    return albs.length > 0 && attached.length > 0;
}

/** AZs the app spans: its services' subnets, else its load balancer's, else two (the usual minimum). */
export function appAzCount(resources: CostInput[]): number {
    const counts = (kind: "service" | "loadBalancer", path: string[]) =>
        resources.filter((r) => isKind(r.type, kind)).map((r) => asList(at(read(r, path[0]!), ...path.slice(1))).length);
    const services = Math.max(0, ...counts("service", ["networkConfiguration", "subnets"]));
    return services || Math.max(0, ...counts("loadBalancer", ["subnets"])) || 2;
}

/** The stack's resources as the common defaults would build them. */
export function withCommonDefaults(resources: CostInput[], azCount = appAzCount(resources)): CostInput[] {
    const natInstanceIds = new Set(resources.filter(isNatInstance).map((r) => read(r, "id")));
    const kept = resources.filter(
        (r) =>
            !isKind(r.type, "natGateway") &&
            !isKind(r.type, "vpcEndpoint") &&
            !isNatInstance(r) &&
            // The NAT instance's own alarms go with it.
            !(r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && natInstanceIds.has(at(read(r, "dimensions"), "InstanceId"))),
    );
    const onDemand = kept.map((r) =>
        isKind(r.type, "service") || isKind(r.type, "taskSet")
            ? { ...r, props: { ...r.props, capacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1 }] } }
            : r,
    );
    const natGateways = Array.from({ length: azCount }, () => ({ type: "aws:ec2/natGateway:NatGateway", props: {} }));
    return [...onDemand, ...natGateways];
}

export function commonDefaultsEstimate(resources: CostInput[], region = "us-east-1", assumptions: CostAssumptions = DEFAULT_COST_ASSUMPTIONS): CostComparison {
    const azCount = appAzCount(resources);
    const ours = estimateMonthlyCost(resources, region, assumptions);
    const estimate = estimateMonthlyCost(withCommonDefaults(resources, azCount), region, assumptions);
    return {
        description: `a NAT gateway in each of ${azCount} AZs, no VPC endpoints, on-demand tasks`,
        azCount,
        estimate,
        ratio: estimate.totalUsd > 0 ? Math.round((ours.totalUsd / estimate.totalUsd) * 100) / 100 : 1,
    };
}
