// Components whose children the offline plan cannot see. Under mocks a remote component (a
// multi-language component such as awsx's) is registered but never constructed: no children,
// so nothing inside it is judged. Only a real `pulumi preview` builds them.
import type { ResourceRecord } from "./types";

export interface OpaqueComponent {
    urn: string;
    /** The type token, e.g. awsx:ecs:FargateService. */
    type: string;
    name: string;
    /** What that means for the verdicts. */
    meaning: string;
}

export const OPAQUE_MEANING = "a remote component: the offline plan cannot see its children; they are judged only by a real `pulumi preview`";

/**
 * Remote components whose children are all of types this project's pack has no rule for, so a
 * real preview would judge nothing more. awsx.ecr.Image builds and pushes one image: a
 * docker-build Image in awsx 3.x, a docker Image in 2.x (its registry credentials come from an
 * invoke, not a resource); tests check that the pack judges none of these types.
 */
export const CHILDREN_UNJUDGED_BY_OWN_PACK: Readonly<Record<string, readonly string[]>> = {
    "awsx:ecr:Image": ["docker-build:index:Image", "docker:index/image:Image"],
};

/**
 * Remote components registered without children. `ownPack`: the plan judges with this project's
 * pack, so components whose children that pack never judges are not counted.
 */
export function opaqueComponents(resources: ResourceRecord[], ownPack: boolean): OpaqueComponent[] {
    const parents = new Set(resources.map((r) => r.parent).filter((p): p is string => p !== undefined));
    return resources
        .filter((r) => r.remote === true && !parents.has(r.urn))
        .filter((r) => !(ownPack && r.type in CHILDREN_UNJUDGED_BY_OWN_PACK))
        .map((r) => ({ urn: r.urn, type: r.type, name: r.name, meaning: OPAQUE_MEANING }));
}
