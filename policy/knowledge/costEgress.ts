// Egress in the cost model: NAT gateways (hours, addresses and data processing), EC2 instances
// (a NAT instance is one with source/dest check off), VPC endpoints, and where each monthly
// data flow goes: image layers, logs and the app's own traffic take the cheapest path the
// stack offers (a gateway endpoint is free, an interface endpoint cheap, a NAT gateway not).
import { CostAssumptions, CostInput, HOURS_PER_MONTH, MODEL_ASSUMPTIONS, PricedItem, RegionPrices, instanceHourUsd } from "./costModel";
import { endpointServiceOf } from "./endpoints";
import { Kind, isKind } from "./types";
import { isUnknown } from "./unknowns";
import { asList, at, knownProp, num, text } from "./values";

// Unknown at preview (a throwing proxy in the pack, a sentinel in raw records): undefined.
const read = (r: CostInput, key: string): unknown => {
    const value = knownProp(r.props, key);
    return isUnknown(value) ? undefined : value;
};
const h = HOURS_PER_MONTH;

/** A NAT instance forwards other hosts' packets, so AWS's source/dest check must be off. */
export const isNatInstance = (r: CostInput): boolean => isKind(r.type, "instance") && read(r, "sourceDestCheck") === false;

export const endpointType = (r: CostInput): string => text(read(r, "vpcEndpointType")) || "Gateway";

/** What the stack offers for egress, read from its resources. */
export interface EgressShape {
    natGateways: number;
    natInstances: CostInput[];
    gatewayServices: string[];
    interfaceServices: string[];
    /** Interface endpoints × the subnets (AZs) each sits in. */
    interfaceEndpointAzs: number;
}

export function egressShape(resources: CostInput[]): EgressShape {
    const of = (kind: Kind) => resources.filter((r) => isKind(r.type, kind));
    const endpoints = of("vpcEndpoint");
    const interfaces = endpoints.filter((e) => endpointType(e) === "Interface");
    return {
        natGateways: of("natGateway").length,
        natInstances: resources.filter(isNatInstance),
        gatewayServices: endpoints.filter((e) => endpointType(e) === "Gateway").map((e) => endpointServiceOf(text(read(e, "serviceName")))),
        interfaceServices: interfaces.map((e) => endpointServiceOf(text(read(e, "serviceName")))),
        // Subnet ids may be unknown at preview; an interface endpoint spans at least two AZs in practice.
        interfaceEndpointAzs: interfaces.reduce((n, e) => n + (asList(read(e, "subnetIds")).length || 2), 0),
    };
}

/** Every EC2 instance: its hours, root volume and public address. */
export function instanceItems(resources: CostInput[], p: RegionPrices): PricedItem[] {
    const items: PricedItem[] = [];
    for (const r of resources.filter((x) => isKind(x.type, "instance"))) {
        const type = text(read(r, "instanceType")) || "unknown type";
        const role = isNatInstance(r) ? " (NAT instance)" : "";
        const hourUsd = instanceHourUsd(type);
        items.push({
            item: `EC2 ${type}${role}${hourUsd === undefined ? " — no price in prices.json" : ""}`,
            quantity: h,
            unit: "hours",
            unitUsd: hourUsd ?? 0,
        });
        const rootGb = num(at(read(r, "rootBlockDevice"), "volumeSize"), MODEL_ASSUMPTIONS.natInstanceRootGb);
        items.push({ item: `EBS gp3 root volume${role}`, quantity: rootGb, unit: "GB-months", unitUsd: p.ebsGp3GbMonth });
        if (read(r, "associatePublicIpAddress") === true) items.push({ item: `Public IPv4${role}`, quantity: h, unit: "IP-hours", unitUsd: p.publicIpv4Hour });
    }
    return items;
}

/** NAT gateways, endpoints, and the monthly data flows routed through the cheapest path. */
export function egressItems(resources: CostInput[], tasks: number, a: CostAssumptions, p: RegionPrices): PricedItem[] {
    const shape = egressShape(resources);
    const items: PricedItem[] = [
        { item: "NAT gateway", quantity: shape.natGateways * h, unit: "hours", unitUsd: p.natGatewayHour },
        { item: "Public IPv4 (NAT EIPs)", quantity: shape.natGateways * h, unit: "IP-hours", unitUsd: p.publicIpv4Hour },
    ];
    if (shape.gatewayServices.length > 0)
        items.push({
            item: `Gateway endpoints (${shape.gatewayServices.join(", ")}), free`,
            quantity: shape.gatewayServices.length,
            unit: "endpoints",
            unitUsd: p.gatewayEndpointMonth,
        });
    if (shape.interfaceServices.length > 0)
        items.push({
            item: `Interface endpoints (${shape.interfaceServices.join(", ")})`,
            quantity: shape.interfaceEndpointAzs * h,
            unit: "AZ-hours",
            unitUsd: p.interfaceEndpointAzHour,
        });
    if (tasks === 0) return items;

    // Where each flow goes: [GB, through a gateway endpoint, through an interface endpoint].
    const flows: [number, boolean, boolean][] = [
        // ECR serves image layers from S3: an S3 gateway endpoint takes them off the NAT.
        [a.imagePullsPerMonth * a.imageGb, shape.gatewayServices.includes("s3"), false],
        [tasks * a.logGbPerTaskMonth, false, shape.interfaceServices.includes("logs")],
        [a.natDataGbPerMonth, false, false],
    ];
    let free = 0;
    let viaInterface = 0;
    let viaNatGateway = 0;
    let viaNatInstance = 0;
    for (const [gb, gateway, endpoint] of flows) {
        if (gateway) free += gb;
        else if (endpoint) viaInterface += gb;
        else if (shape.natGateways > 0) viaNatGateway += gb;
        else if (shape.natInstances.length > 0) viaNatInstance += gb;
    }
    items.push(
        { item: "Data via gateway endpoints (image layers), free", quantity: free, unit: "GB", unitUsd: 0 },
        { item: "Interface endpoint data processing", quantity: viaInterface, unit: "GB", unitUsd: p.interfaceEndpointGb },
        { item: "NAT gateway data processing", quantity: viaNatGateway, unit: "GB", unitUsd: p.natGatewayGb },
        { item: "Data via the NAT instance, no processing fee", quantity: viaNatInstance, unit: "GB", unitUsd: 0 },
    );
    return items;
}
