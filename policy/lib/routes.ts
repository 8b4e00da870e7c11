// The route-graph proof that a subnet is private: subnet → route table associations → default
// routes, never to an internet gateway, and no public IP on launch.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "./graph";
import { asRecords, show, text, truthy } from "../knowledge/values";

export type RouteVerdict = { kind: "private" } | { kind: "public"; why: string } | { kind: "unverifiable"; why: string };

/** Follows subnet → route table associations → default routes, and reads mapPublicIpOnLaunch. */
export function subnetVerdict(graph: StackGraph, subnet: PolicyResource): RouteVerdict {
    if (truthy(subnet.props.mapPublicIpOnLaunch)) return { kind: "public", why: "mapPublicIpOnLaunch is true" };
    const associations = graph.consumersOf(subnet, "routeTableAssociation", "subnetId");
    if (associations.length === 0) return { kind: "unverifiable", why: "no route table association in this stack (it uses the VPC's main route table)" };
    for (const association of associations) {
        const tables = graph.inputsOf(association, "routeTableId", "routeTable");
        if (tables.length === 0) return { kind: "unverifiable", why: "its route table is not in this stack" };
        for (const table of tables) {
            const inline = asRecords(safeProp(table, "routes")).filter((r) => text(r.gatewayId).startsWith("igw-"));
            if (inline.length > 0) return { kind: "public", why: `route table ${table.name} routes to an internet gateway` };
            for (const route of graph.consumersOf(table, "route", "routeTableId")) {
                if (graph.inputsOf(route, "gatewayId", "internetGateway").length > 0 || text(safeProp(route, "gatewayId")).startsWith("igw-")) {
                    return {
                        kind: "public",
                        why: `route ${route.name} in ${table.name} sends ${show(safeProp(route, "destinationCidrBlock"))} to an internet gateway`,
                    };
                }
            }
        }
    }
    return { kind: "private" };
}
