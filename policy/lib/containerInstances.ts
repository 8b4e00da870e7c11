// Which EC2 resources are ECS container instances: launch templates, launch configurations and
// instances behind an ECS capacity provider's Auto Scaling group, or whose user data joins a
// cluster. The NAT instance of a network is not one, and the ec2 rules leave it alone.
import { type PolicyResource, UnknownValueError } from "@pulumi/policy";
import { StackGraph, safeProp } from "./graph";
import type { Kind } from "../knowledge/types";
import { text } from "../knowledge/values";

export type Probe<T> = { known: true; value: T } | { known: false; path: string };

/** Reads through the SDK's unknown-checking proxy; an unknown value at preview becomes a named path. */
export function probe<T>(read: () => T): Probe<T> {
    try {
        return { known: true, value: read() };
    } catch (e) {
        if (e instanceof UnknownValueError) return { known: false, path: (e as UnknownValueError & { props: PropertyKey[] }).props.map(String).join(".") };
        throw e;
    }
}

/** A nested property (through objects and lists), or undefined when it or a level above it is unknown at preview. */
export function knownAt(r: PolicyResource, ...path: string[]): unknown {
    const read = probe(() =>
        path.reduce<unknown>((cur, key) => (typeof cur === "object" && cur !== null ? (cur as Record<string, unknown>)[key] : undefined), r.props),
    );
    return read.known ? read.value : undefined;
}

/** The ECS agent's configuration: ECS_CLUSTER in ecs.config, or Bottlerocket's [settings.ecs]. */
const JOINS_A_CLUSTER = /ECS_CLUSTER=|\[settings\.ecs\]/;

/** User data as text: launch templates carry it base64-encoded, others may carry either form. */
export function userDataText(r: PolicyResource): string {
    const raw = [safeProp(r, "userData"), safeProp(r, "userDataBase64")].map(text).filter((s) => s !== "");
    return raw
        .map((s) => {
            if (!/^[A-Za-z0-9+/\r\n]+={0,2}$/.test(s)) return s;
            const decoded = Buffer.from(s, "base64").toString("utf8");
            // Text that decodes to binary was not base64 after all (a short word like "echo" can look like it).
            return [...decoded].some((c) => c.charCodeAt(0) < 9 || (c.charCodeAt(0) > 13 && c.charCodeAt(0) < 32)) ? s : decoded;
        })
        .join("\n");
}

export interface ContainerInstanceConfig {
    /** A launch template, launch configuration or instance. */
    config: PolicyResource;
    /** Auto Scaling groups launching it (none for a plain instance). */
    groups: PolicyResource[];
}

const CONFIG_KINDS: Kind[] = ["launchTemplate", "launchConfiguration", "instance"];
/** The group properties through which a template or configuration feeds an Auto Scaling group. */
const GROUP_PROPS: Record<string, string[]> = {
    launchTemplate: ["launchTemplate", "mixedInstancesPolicy"],
    launchConfiguration: ["launchConfiguration"],
    instance: [],
};

export function containerInstanceConfigs(graph: StackGraph): ContainerInstanceConfig[] {
    const providerGroups = new Set(
        graph.ofKind("capacityProvider").flatMap((cp) => {
            const byGraph = graph.inputsOf(cp, "autoScalingGroupProvider", "autoScalingGroup");
            const byValue = graph.withId("autoScalingGroup", knownAt(cp, "autoScalingGroupProvider", "autoScalingGroupArn"));
            return [...byGraph, ...(byValue ? [byValue] : [])].map((g) => g.urn);
        }),
    );
    const result: ContainerInstanceConfig[] = [];
    for (const kind of CONFIG_KINDS) {
        for (const config of graph.ofKind(kind)) {
            const groups = [...new Set(GROUP_PROPS[kind]!.flatMap((prop) => graph.consumersOf(config, "autoScalingGroup", prop)))];
            if (groups.some((g) => providerGroups.has(g.urn)) || JOINS_A_CLUSTER.test(userDataText(config))) result.push({ config, groups });
        }
    }
    return result;
}

/** The instance profile a configuration names, when it is in this stack. */
export function instanceProfileOf(graph: StackGraph, config: PolicyResource): PolicyResource | undefined {
    const byGraph = graph.inputsOf(config, "iamInstanceProfile", "instanceProfile")[0];
    if (byGraph) return byGraph;
    // Launch templates name it in a block ({ name } or { arn }); configurations and instances by name.
    const named = knownAt(config, "iamInstanceProfile");
    const name = typeof named === "string" ? named : text(knownAt(config, "iamInstanceProfile", "name") ?? knownAt(config, "iamInstanceProfile", "arn"));
    if (!name) return undefined;
    return graph
        .ofKind("instanceProfile")
        .find((p) => [safeProp(p, "name"), safeProp(p, "arn")].includes(name) || name.endsWith(`/${text(safeProp(p, "name"))}`));
}

/** The role an instance profile carries, when it is in this stack. */
export function roleOfProfile(graph: StackGraph, profile: PolicyResource): PolicyResource | undefined {
    return graph.inputsOf(profile, "role", "role")[0] ?? graph.ofKind("role").find((r) => safeProp(r, "name") === safeProp(profile, "role"));
}
