// The route-graph proof that a subnet is private: subnet → route table associations → routes,
// never to an internet gateway, and no public IP on launch. At preview gateway ids are unknown;
// the property dependencies still say which resources fed them, so the proof follows those.
// (natGatewayId never makes a subnet public: AWS accepts only a NAT gateway's id there; nor does
// egressOnlyGatewayId: an egress-only gateway lets IPv6 out, never in.)
import type { PolicyResource } from "@pulumi/policy";
import { Fed, StackGraph } from "./graph";
import { isKind } from "../knowledge/types";
import { read } from "../knowledge/unknowns";
import { asList, show, text, truthy } from "../knowledge/values";

export type RouteVerdict = { kind: "private" } | { kind: "public"; why: string } | { kind: "unverifiable"; why: string };

const isIgwId = (id: unknown) => text(id).startsWith("igw-");

/** Follows subnet → route table associations → routes (inline and separate), and reads mapPublicIpOnLaunch. */
export function subnetVerdict(graph: StackGraph, subnet: PolicyResource): RouteVerdict {
    const mapPublicIp = graph.valueOf(subnet, "mapPublicIpOnLaunch");
    if (mapPublicIp.state === "fed")
        return { kind: "unverifiable", why: `mapPublicIpOnLaunch is unknown at preview (from ${names(mapPublicIp.by)}); set it to false literally` };
    if (mapPublicIp.state === "known" && truthy(mapPublicIp.value)) return { kind: "public", why: "mapPublicIpOnLaunch is true" };
    const associations = graph.consumersOf(subnet, "routeTableAssociation", "subnetId");
    if (associations.length === 0) return { kind: "unverifiable", why: "no route table association in this stack (it uses the VPC's main route table)" };
    for (const association of associations) {
        const tables = graph.inputsOf(association, "routeTableId", "routeTable");
        if (tables.length === 0) return { kind: "unverifiable", why: "its route table is not in this stack" };
        for (const table of tables) {
            const verdict = tableVerdict(graph, table);
            if (verdict.kind !== "private") return verdict;
        }
    }
    return { kind: "private" };
}

const names = (rs: PolicyResource[]) => rs.map((r) => r.name).join(", ");

/** An internet gateway (or its attachment, whose internetGatewayId is one) among what fed `prop`. */
const gatewayFeeding = (r: PolicyResource, prop: string) =>
    (r.propertyDependencies[prop] ?? []).find((d) => isKind(d.type, "internetGateway") || isKind(d.type, "internetGatewayAttachment"));

/**
 * A gateway id unknown at preview and fed by no internet gateway: other AWS resources (NAT, VPN,
 * endpoints…) never yield an igw- id, but a component or a non-AWS resource may pass one through.
 */
function unknownGateway(where: string, fed: Fed): RouteVerdict {
    const opaque = fed.state === "fed" ? fed.by.find((d) => !d.type.startsWith("aws:")) : undefined;
    return opaque
        ? {
              kind: "unverifiable",
              why: `${where} is unknown at preview and comes from ${opaque.name} (${opaque.type}), which may pass an internet gateway through; use the gateway resource's own id`,
          }
        : { kind: "private" };
}

function tableVerdict(graph: StackGraph, table: PolicyResource): RouteVerdict {
    const inline = inlineRoutesVerdict(graph, table);
    if (inline.kind !== "private") return inline;
    for (const route of graph.consumersOf(table, "route", "routeTableId")) {
        const gateway = graph.valueOf(route, "gatewayId");
        const igw = gatewayFeeding(route, "gatewayId");
        if (igw || (gateway.state === "known" && isIgwId(gateway.value))) {
            // IPv4 or IPv6 (::/0 to an internet gateway makes a subnet public as surely as 0.0.0.0/0).
            const v4 = read(route.props, "destinationCidrBlock");
            const destination = v4.known && v4.value === undefined ? read(route.props, "destinationIpv6CidrBlock") : v4;
            const to = destination.known && destination.value !== undefined ? show(destination.value) : "traffic";
            return { kind: "public", why: `route ${route.name} in ${table.name} sends ${to} to an internet gateway${igw ? ` (${igw.name})` : ""}` };
        }
        const verdict = unknownGateway(`route ${route.name}'s gatewayId`, gateway);
        if (verdict.kind !== "private") return verdict;
    }
    return { kind: "private" };
}

/** Inline `routes` on the table: by value where known, by the resources that fed `routes` where not. */
function inlineRoutesVerdict(graph: StackGraph, table: PolicyResource): RouteVerdict {
    const routes = graph.valueOf(table, "routes");
    const igw = gatewayFeeding(table, "routes");
    if (igw) return { kind: "public", why: `route table ${table.name} routes to an internet gateway (${igw.name})` };
    if (routes.state !== "known") return unknownGateway(`route table ${table.name}'s routes`, routes);
    const list = asList(routes.value);
    for (let i = 0; i < list.length; i++) {
        const entry = read(list, i);
        const gateway = entry.known ? read(entry.value, "gatewayId") : entry;
        if (gateway.known && isIgwId(gateway.value)) return { kind: "public", why: `route table ${table.name} routes to an internet gateway` };
        // An unknown entry or gatewayId was fed by the resources recorded for `routes` as a whole.
        const fed: Fed = { state: "fed", by: table.propertyDependencies.routes ?? [] };
        const verdict = gateway.known ? { kind: "private" as const } : unknownGateway(`route table ${table.name}'s routes[${i}]`, fed);
        if (verdict.kind !== "private") return verdict;
    }
    return { kind: "private" };
}
