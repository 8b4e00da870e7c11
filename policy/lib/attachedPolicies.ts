// Managed policies attached to a role, by its managedPolicyArns or by RolePolicyAttachments.
// A policy the stack creates is judged by its document (its ARN is unknown at preview, and its
// name says nothing); any other ARN is judged as an ARN.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph } from "./graph";
import { cannotDecide } from "./undecided";
import { readList } from "../knowledge/unknowns";

export interface Attached {
    /** ARNs of managed policies from outside the stack (AWS managed or pre-existing). */
    arns: string[];
    /** Documents of managed policies this stack creates, with where they come from. */
    documents: { where: string; document: unknown }[];
}

export function attachedPolicies(graph: StackGraph, role: PolicyResource): Attached {
    const result: Attached = { arns: [], documents: [] };
    const collect = (holder: PolicyResource, prop: string) => {
        const fromStack = graph.inputsOf(holder, prop, "managedPolicy");
        for (const p of fromStack) result.documents.push({ where: `managed policy ${p.name}`, document: p.props.policy });
        const value = graph.valueOf(holder, prop);
        const list = value.state === "known" ? readList(value.value) : { known: [], unknown: value.state === "fed" ? [-1] : [] };
        // An unknown ARN not fed by a policy of this stack cannot be judged.
        if (list.unknown.length > 0 && fromStack.length === 0) cannotDecide(holder.name, prop);
        for (const arn of list.known) if (typeof arn === "string" && !graph.withId("managedPolicy", arn)) result.arns.push(arn);
    };
    collect(role, "managedPolicyArns");
    for (const attachment of graph.consumersOf(role, "rolePolicyAttachment", "role")) collect(attachment, "policyArn");
    return result;
}
