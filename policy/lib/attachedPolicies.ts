// Managed policies attached to a role, by its managedPolicyArns or by RolePolicyAttachments.
// A policy the stack creates is judged by its document (its ARN is unknown at preview, and its
// name says nothing); any other ARN is judged as an ARN.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "./graph";
import { cannotDecide } from "./undecided";
import { readList } from "../knowledge/unknowns";

/** The managed policies one attaching property names (a role's managedPolicyArns, an attachment's policyArn). */
export interface AttachedArns {
    /** Managed policies of this stack that fed the property: judged by their documents. */
    fromStack: PolicyResource[];
    /** Known ARNs that are not this stack's policies (AWS managed, or made elsewhere). */
    outside: string[];
    /** Part of the value is unknown at preview and no policy of this stack explains it. */
    undecided: boolean;
}

export function attachedArns(graph: StackGraph, holder: PolicyResource, prop: string): AttachedArns {
    const fromStack = graph.inputsOf(holder, prop, "managedPolicy");
    const value = graph.valueOf(holder, prop);
    const list = value.state === "known" ? readList(value.value) : { known: [], unknown: value.state === "fed" ? [-1] : [] };
    const outside = list.known.filter((arn): arn is string => typeof arn === "string" && !graph.withId("managedPolicy", arn));
    return { fromStack, outside, undecided: list.unknown.length > 0 && fromStack.length === 0 };
}

export interface Attached {
    /** ARNs of managed policies from outside the stack (AWS managed or pre-existing). */
    arns: string[];
    /** Documents of managed policies this stack creates, with where they come from. */
    documents: { where: string; document: unknown }[];
}

export function attachedPolicies(graph: StackGraph, role: PolicyResource): Attached {
    const result: Attached = { arns: [], documents: [] };
    const collect = (holder: PolicyResource, prop: string) => {
        const found = attachedArns(graph, holder, prop);
        for (const p of found.fromStack) result.documents.push({ where: `managed policy ${p.name}`, document: p.props.policy });
        // An unknown ARN not fed by a policy of this stack cannot be judged.
        if (found.undecided) cannotDecide(holder.name, prop);
        result.arns.push(...found.outside);
    };
    collect(role, "managedPolicyArns");
    for (const attachment of graph.consumersOf(role, "rolePolicyAttachment", "role")) collect(attachment, "policyArn");
    return result;
}
