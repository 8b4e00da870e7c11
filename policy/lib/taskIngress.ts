// A task security group's ingress in its three shapes (inline, SecurityGroupRule, vpc
// SecurityGroupIngressRule), with each rule's sources resolved through the graph: at preview
// security group ids are unknown, and the property dependencies name the groups that fed them.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "./graph";
import { cannotDecide } from "./undecided";
import { read, readList } from "../knowledge/unknowns";
import { asList, num, text } from "../knowledge/values";

/** Where ingress comes from: a group in this stack (urn), or one outside it (id only). */
export interface Source {
    name: string;
    urn?: string;
}

export interface TaskIngress {
    /** The rule resource's name, or "<sg> ingress[<i>]" for an inline rule (each inline rule names itself). */
    name: string;
    sources: Source[];
    from: number;
    to: number;
    cidr: boolean;
}

/** Every ingress rule of `sg`, inline or separate. */
export function taskIngressOf(graph: StackGraph, sg: PolicyResource): TaskIngress[] {
    return [...inlineIngress(graph, sg), ...separateIngress(graph, sg)];
}

/** A known value, or a decision that cannot be made: unknown with feeders throws, unset gives `fallback`. */
function known(graph: StackGraph, r: PolicyResource, prop: string, fallback: unknown = undefined): unknown {
    const v = graph.valueOf(r, prop);
    if (v.state === "fed") cannotDecide(r.name, prop);
    return v.state === "known" ? v.value : fallback;
}

/** Each source once: `self` and the group's own id, or an id and the group that fed it, name one group. */
const distinct = (sources: Source[]): Source[] => sources.filter((s, i) => sources.findIndex((o) => (o.urn ?? o.name) === (s.urn ?? s.name)) === i);

/** A group id as a source: the stack's group with that id, or an outside group. */
const byId = (graph: StackGraph, id: unknown): Source => {
    const found = graph.withId("securityGroup", id);
    return found ? { name: found.name, urn: found.urn } : { name: text(id) || JSON.stringify(id) };
};

function inlineIngress(graph: StackGraph, sg: PolicyResource): TaskIngress[] {
    const rules = known(graph, sg, "ingress", []);
    // Unknown ids inside inline rules were fed by the groups recorded for `ingress` as a whole.
    const fedGroups = graph.inputsOf(sg, "ingress", "securityGroup").map((g) => ({ name: g.name, urn: g.urn }));
    return asList(rules).map((_, i) => {
        const entry = read(rules, i);
        if (!entry.known) cannotDecide(sg.name, "ingress", String(i));
        const r = entry.value;
        const given = read(r, "securityGroups");
        const groups = given.known ? readList(given.value) : { known: [], unknown: [-1] };
        const self = read(r, "self");
        const sources: Source[] = groups.known.filter((id) => id !== null && id !== undefined).map((id) => byId(graph, id));
        if (!self.known || self.value === true) sources.push({ name: sg.name, urn: sg.urn });
        if (groups.unknown.length > 0) {
            if (fedGroups.length === 0) cannotDecide(sg.name, "ingress", String(i), "securityGroups");
            sources.push(...fedGroups);
        }
        const port = (key: string, fallback: number) => {
            const v = read(r, key);
            if (!v.known) cannotDecide(sg.name, "ingress", String(i), key);
            return num(v.value, fallback);
        };
        const cidrs = ["cidrBlocks", "ipv6CidrBlocks"].map((k) => read(r, k));
        const cidr = cidrs.some((c) => !c.known || asList(c.value).length > 0);
        return { name: `${sg.name} ingress[${i}]`, sources: distinct(sources), from: port("fromPort", 0), to: port("toPort", 65535), cidr };
    });
}

function separateIngress(graph: StackGraph, sg: PolicyResource): TaskIngress[] {
    const rules = [
        ...graph.consumersOf(sg, "ingressRule", "securityGroupId"),
        ...graph.consumersOf(sg, "securityGroupRule", "securityGroupId").filter((r) => known(graph, r, "type") === "ingress"),
    ];
    return rules.map((r) => {
        const sources: Source[] = [];
        for (const prop of ["referencedSecurityGroupId", "sourceSecurityGroupId"]) {
            const groups = graph.inputsOf(r, prop, "securityGroup");
            if (groups.length > 0) sources.push(...groups.map((g) => ({ name: g.name, urn: g.urn })));
            else if (known(graph, r, prop) !== undefined) sources.push(byId(graph, known(graph, r, prop)));
        }
        const cidr = ["cidrIpv4", "cidrIpv6", "cidrBlocks", "ipv6CidrBlocks"].some((k) => {
            const v = graph.valueOf(r, k);
            return v.state === "fed" || (v.state === "known" && asList(v.value).length > 0 && v.value !== "");
        });
        return { name: r.name, sources: distinct(sources), from: num(known(graph, r, "fromPort"), 0), to: num(known(graph, r, "toPort"), 65535), cidr };
    });
}
