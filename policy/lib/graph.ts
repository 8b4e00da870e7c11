// Walks a stack's resources along the edges the engine records: property dependencies
// (which resource fed which input), plain dependencies, and, as a fallback, id values.
// Lookups are indexed on first use so graph rules stay linear in the stack's size.
import type { PolicyResource } from "@pulumi/policy";
import { Kind, isKind } from "../knowledge/types";
import { read } from "../knowledge/unknowns";
import { knownProp } from "../knowledge/values";

/**
 * A property as a graph rule sees it at preview: its value where known; where unknown, the
 * resources recorded as feeding it. An unknown nobody fed is a value the provider computes and
 * the program did not set (e.g. a route table's `routes` when routes are separate resources).
 */
export type Fed = { state: "known"; value: unknown } | { state: "fed"; by: PolicyResource[] } | { state: "unset" };

export class StackGraph {
    private readonly byUrnMap: Map<string, PolicyResource>;
    private readonly kinds = new Map<Kind, PolicyResource[]>();
    private readonly consumers = new Map<string, Map<string, PolicyResource[]>>();
    private readonly ids = new Map<Kind, Map<unknown, PolicyResource>>();

    constructor(readonly resources: PolicyResource[]) {
        this.byUrnMap = new Map(resources.map((r) => [r.urn, r]));
    }

    ofKind(kind: Kind): PolicyResource[] {
        let list = this.kinds.get(kind);
        if (!list) this.kinds.set(kind, (list = this.resources.filter((r) => isKind(r.type, kind))));
        return list;
    }

    byUrn(urn: string): PolicyResource | undefined {
        return this.byUrnMap.get(urn);
    }

    /** Resources of `kind` that fed input `prop` of `r`. */
    inputsOf(r: PolicyResource, prop: string, kind: Kind): PolicyResource[] {
        return (r.propertyDependencies[prop] ?? []).filter((d) => isKind(d.type, kind));
    }

    /** Resources of `kind` whose input `prop` was fed by `target`. */
    consumersOf(target: PolicyResource, kind: Kind, prop: string): PolicyResource[] {
        const key = `${kind}\0${prop}`;
        let index = this.consumers.get(key);
        if (!index) {
            index = new Map();
            for (const r of this.ofKind(kind)) {
                for (const d of r.propertyDependencies[prop] ?? []) {
                    const list = index.get(d.urn);
                    if (list) list.push(r);
                    else index.set(d.urn, [r]);
                }
            }
            this.consumers.set(key, index);
        }
        return index.get(target.urn) ?? [];
    }

    /** `r.props[prop]`, or what fed it when it is unknown at preview. */
    valueOf(r: PolicyResource, prop: string): Fed {
        const value = read(r.props, prop);
        if (value.known) return { state: "known", value: value.value };
        const by = r.propertyDependencies[prop] ?? [];
        return by.length > 0 ? { state: "fed", by } : { state: "unset" };
    }

    /** A resource of `kind` whose id (or arn) is `value`: edges that arrive as plain values. */
    withId(kind: Kind, value: unknown): PolicyResource | undefined {
        if (typeof value !== "string") return undefined;
        let index = this.ids.get(kind);
        if (!index) {
            index = new Map();
            for (const r of this.ofKind(kind)) {
                for (const v of [safeProp(r, "arn"), safeProp(r, "id")]) if (typeof v === "string") index.set(v, r);
            }
            this.ids.set(kind, index);
        }
        return index.get(value);
    }
}

/** A property that may be unknown at preview: undefined instead of a throw. */
export const safeProp = (r: PolicyResource, key: string): unknown => knownProp(r.props, key);
