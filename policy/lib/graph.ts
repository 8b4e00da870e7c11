// Walks a stack's resources along the edges the engine records: property dependencies
// (which resource fed which input), plain dependencies, and, as a fallback, id values.
import type { PolicyResource } from "@pulumi/policy";
import { Kind, isKind } from "./types";

export class StackGraph {
    private readonly byUrnMap: Map<string, PolicyResource>;

    constructor(readonly resources: PolicyResource[]) {
        this.byUrnMap = new Map(resources.map((r) => [r.urn, r]));
    }

    ofKind(kind: Kind): PolicyResource[] {
        return this.resources.filter((r) => isKind(r.type, kind));
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
        return this.ofKind(kind).filter((r) => (r.propertyDependencies[prop] ?? []).some((d) => d.urn === target.urn));
    }

    /** A resource of `kind` whose id (or arn) is `value`: edges that arrive as plain values. */
    withId(kind: Kind, value: unknown): PolicyResource | undefined {
        if (typeof value !== "string") return undefined;
        return this.ofKind(kind).find((r) => readId(r) === value || safeProp(r, "arn") === value);
    }
}

export function safeProp(r: PolicyResource, key: string): unknown {
    try {
        return r.props[key];
    } catch {
        return undefined;
    }
}

const readId = (r: PolicyResource) => safeProp(r, "id");
