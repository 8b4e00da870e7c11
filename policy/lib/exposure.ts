// Whether the internet reaches a listener: listener → its load balancer (internal or
// internet-facing) → the load balancer's security groups → ingress from 0.0.0.0/0 or ::/0 covering
// the listener's port. Edges are property dependencies, or id/ARN values when those are known.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "./graph";
import { worldIngress } from "./ingress";
import { asList, num, show, truthy } from "../knowledge/values";

export type Exposure = { kind: "private"; why: string } | { kind: "public"; why: string } | { kind: "unverifiable"; why: string };

/** A resource of `kind` that fed `prop`, or the one whose id/ARN is the prop's known value. */
function linked(graph: StackGraph, r: PolicyResource, prop: string, kind: "listener" | "loadBalancer" | "securityGroup"): PolicyResource[] {
    const fromGraph = graph.inputsOf(r, prop, kind);
    if (fromGraph.length > 0) return fromGraph;
    return asList(safeProp(r, prop))
        .map((v) => graph.withId(kind, v))
        .filter((x): x is PolicyResource => x !== undefined);
}

/** World-open ingress rules of a security group, in all three shapes, with where each is. */
function worldRules(graph: StackGraph, sg: PolicyResource) {
    const inline = worldIngress(sg.type, sg.props).map((rule) => ({ rule, where: `${sg.name} inline rule` }));
    const separate = [...graph.consumersOf(sg, "ingressRule", "securityGroupId"), ...graph.consumersOf(sg, "securityGroupRule", "securityGroupId")].flatMap(
        (r) => worldIngress(r.type, r.props).map((rule) => ({ rule, where: r.name })),
    );
    return [...inline, ...separate];
}

export function listenerExposure(graph: StackGraph, listener: PolicyResource): Exposure {
    const port = num(safeProp(listener, "port"), -1);
    const [lb] = linked(graph, listener, "loadBalancerArn", "loadBalancer");
    if (!lb) return { kind: "unverifiable", why: `listener ${listener.name}'s load balancer is not in this stack` };
    if (truthy(safeProp(lb, "internal"))) return { kind: "private", why: `load balancer ${lb.name} is internal` };
    const groups = linked(graph, lb, "securityGroups", "securityGroup");
    if (groups.length === 0) {
        return safeProp(lb, "loadBalancerType") === "network"
            ? { kind: "public", why: `internet-facing network load balancer ${lb.name} has no security group, so port ${port} is open to the world` }
            : {
                  kind: "unverifiable",
                  why: `internet-facing load balancer ${lb.name}'s security groups (${show(safeProp(lb, "securityGroups") ?? "none")}) are not in this stack`,
              };
    }
    for (const sg of groups) {
        for (const { rule, where } of worldRules(graph, sg)) {
            const all = rule.protocol === "-1" || rule.protocol === "all";
            if (all || (rule.from <= port && port <= rule.to))
                return {
                    kind: "public",
                    why: `internet-facing load balancer ${lb.name}'s security group ${sg.name} admits port ${port} from the world (${where})`,
                };
        }
    }
    return { kind: "private", why: `no security group of ${lb.name} admits port ${port} from the world` };
}

/** Exposure of a listener rule: that of its listener. */
export function ruleExposure(graph: StackGraph, rule: PolicyResource): Exposure {
    const [listener] = linked(graph, rule, "listenerArn", "listener");
    if (!listener) return { kind: "unverifiable", why: `listener rule ${rule.name}'s listener ${show(safeProp(rule, "listenerArn"))} is not in this stack` };
    return listenerExposure(graph, listener);
}
