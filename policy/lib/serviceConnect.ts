// A service's Service Connect: the ports its tasks accept Service Connect traffic on, and the
// security groups of the services registered in the same Cloud Map namespace (its peers, itself
// included). The namespace is the recorded edge to a namespace resource at preview (its ARN is
// unknown), the known ARN or name otherwise; a service without one uses its cluster's default.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "./graph";
import { cannotDecide } from "./undecided";
import { parseContainers } from "../knowledge/containers";
import { read } from "../knowledge/unknowns";
import { asList, asRecords, isRecord, num, text } from "../knowledge/values";

export interface ServiceConnect {
    ports: Set<number>;
    /** URNs of the security groups of every service in the same namespace. */
    peerGroups: Set<string>;
}

/** The service's Service Connect, or undefined when it has none (or it is disabled). */
export function serviceConnectOf(graph: StackGraph, service: PolicyResource): ServiceConnect | undefined {
    const config = enabledConfig(service);
    if (!config) return undefined;
    const ns = namespaceKey(graph, service, config);
    const peerGroups = new Set<string>();
    for (const other of graph.ofKind("service")) {
        const otherConfig = other === service ? config : enabledConfig(other);
        if (!otherConfig || namespaceKey(graph, other, otherConfig) !== ns) continue;
        for (const sg of graph.inputsOf(other, "networkConfiguration", "securityGroup")) peerGroups.add(sg.urn);
    }
    return { ports: portsOf(graph, service, config), peerGroups };
}

function enabledConfig(service: PolicyResource): Record<string, unknown> | undefined {
    const block = read(service.props, "serviceConnectConfiguration");
    if (!block.known) cannotDecide(service.name, "serviceConnectConfiguration");
    const config = block.known ? block.value : undefined;
    if (!isRecord(config)) return undefined;
    const enabled = read(config, "enabled");
    if (!enabled.known) cannotDecide(service.name, "serviceConnectConfiguration", "enabled");
    return enabled.known && enabled.value === true ? config : undefined;
}

/** The namespace resource's URN, or the namespace as written; the cluster's default when unset. */
function namespaceKey(graph: StackGraph, service: PolicyResource, config: Record<string, unknown>): string {
    const own = keyOf(graph, service, "serviceConnectConfiguration", read(config, "namespace"));
    if (own !== undefined) return own;
    for (const cluster of graph.inputsOf(service, "cluster", "cluster")) {
        const defaults = read(cluster.props, "serviceConnectDefaults");
        const key = keyOf(graph, cluster, "serviceConnectDefaults", defaults.known ? read(defaults.value, "namespace") : { known: false });
        if (key !== undefined) return key;
    }
    return `${service.name}: no namespace`;
}

function keyOf(graph: StackGraph, r: PolicyResource, prop: string, value: ReturnType<typeof read>): string | undefined {
    const fed = graph.inputsOf(r, prop, "namespace");
    if (fed.length > 0) return fed[0]!.urn;
    if (!value.known) cannotDecide(r.name, prop, "namespace");
    if (value.value === undefined || value.value === "") return undefined;
    return graph.withId("namespace", value.value)?.urn ?? text(value.value);
}

/** Each entry's ingressPortOverride, or the container port its portName names in the task definition. */
function portsOf(graph: StackGraph, service: PolicyResource, config: Record<string, unknown>): Set<number> {
    const ports = new Set<number>();
    const mappings = portMappings(graph, service);
    for (const entry of asRecords(config.services)) {
        const override = read(entry, "ingressPortOverride");
        if (!override.known) cannotDecide(service.name, "serviceConnectConfiguration", "services", "ingressPortOverride");
        if (override.known && override.value !== undefined && override.value !== null) {
            ports.add(num(override.value, -1));
            continue;
        }
        const name = text(entry.portName);
        const port = mappings?.get(name);
        if (port === undefined) cannotDecide(service.name, "serviceConnectConfiguration", "services", `portName ${name}`);
        ports.add(port!);
    }
    return ports;
}

/** Port mapping name → container port, across the service's task definition's containers. */
function portMappings(graph: StackGraph, service: PolicyResource): Map<string, number> | undefined {
    const given = read(service.props, "taskDefinition");
    const taskDefinition =
        graph.inputsOf(service, "taskDefinition", "taskDefinition")[0] ?? graph.withId("taskDefinition", given.known ? given.value : undefined);
    if (!taskDefinition) return undefined;
    const value = graph.valueOf(taskDefinition, "containerDefinitions");
    if (value.state !== "known") return undefined;
    const parsed = parseContainers(value.value);
    if (!parsed.ok) return undefined;
    const byName = new Map<string, number>();
    for (const container of parsed.containers)
        for (const m of asList(container.portMappings).filter(isRecord)) if (typeof m.name === "string") byName.set(m.name, num(m.containerPort, -1));
    return byName;
}
