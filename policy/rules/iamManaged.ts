// Managed policies judged by what they grant: an AWS managed policy's document (from the data
// package) gets the same analyses as an inline policy; a policy made in this stack is judged by
// the document rules on its own resource; any other ARN cannot be read, so it is not accepted.
import type { PolicyResource } from "@pulumi/policy";
import { attachedArns } from "../lib/attachedPolicies";
import { awsManagedDocument, isAwsManagedArn, managedPolicyDataAsOf } from "../lib/awsManagedPolicies";
import { broadGrants, describeBroadGrants } from "../lib/documentGrants";
import { StackGraph } from "../lib/graph";
import { stackRule } from "../lib/rule";
import { cannotDecide } from "../lib/undecided";
import { Kind } from "../knowledge/types";

/** Where each kind names managed policies. */
const ATTACHING: [Kind, string][] = [
    ["role", "managedPolicyArns"],
    ["rolePolicyAttachment", "policyArn"],
    ["policyAttachment", "policyArn"],
    ["userPolicyAttachment", "policyArn"],
    ["groupPolicyAttachment", "policyArn"],
    ["policyAttachmentsExclusive", "policyArns"],
];

const INSTEAD = "grant named actions on named resources instead, or list the ARN in allowedManagedPolicyArns";

/** What is wrong with attaching `arn`, or undefined when its document grants nothing the identity rules refuse. */
function verdict(arn: string): string | undefined {
    if (!isAwsManagedArn(arn))
        return `attaches ${arn}, a customer managed policy not made in this stack: what it grants cannot be verified, so it is not accepted; manage it in this stack, or ${INSTEAD}.`;
    const document = awsManagedDocument(arn);
    if (document === undefined)
        return `attaches ${arn}, which is not in the AWS managed policy data (policies as of ${managedPolicyDataAsOf()}): what it grants cannot be verified, so it is not accepted; ${INSTEAD}.`;
    const grants = broadGrants(document);
    if ("error" in grants)
        return `attaches ${arn}, whose document in the AWS managed policy data is malformed (${grants.error}): unverifiable, so not accepted.`;
    const what = describeBroadGrants(grants);
    return what === undefined ? undefined : `attaches ${arn}, which grants ${what}; ${INSTEAD}.`;
}

export const iamNoBroadManagedPolicies = stackRule<{ allowedManagedPolicyArns: string[] }>({
    name: "iam-no-broad-managed-policies",
    description:
        "Managed policies attached by any path (a role's managedPolicyArns, role/user/group/policy attachments) are judged by their documents: no administrator access, no wildcard reaching Write or Permissions management, no privilege escalation, no scopable change on `*`. AWS managed policies are read from the data package; ARNs it does not know are unverifiable and not accepted.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Detach the managed policy and grant the specific actions on specific resources (the task role's declared grants). A policy you accept as it is goes in allowedManagedPolicyArns.",
    anchors: ["AS-IAM4", "CKV_AWS_274", "AwsSolutions-IAM4"],
    configSchema: { properties: { allowedManagedPolicyArns: { type: "array", items: { type: "string" }, default: [] } } },
    check(graph, config, report) {
        const undecided: [PolicyResource, string][] = [];
        for (const [holder, prop] of holders(graph)) {
            const found = attachedArns(graph, holder, prop);
            // A policy this stack makes is judged on its own resource by the document rules.
            if (found.undecided) undecided.push([holder, prop]);
            for (const arn of new Set(found.outside)) {
                const problem = config.allowedManagedPolicyArns.includes(arn) ? undefined : verdict(arn);
                if (problem) report(problem, holder);
            }
        }
        // Every decidable finding is reported first; then an unknown ARN makes the rule undecided.
        const [first] = undecided;
        if (first) cannotDecide(first[0].name, first[1]);
    },
});

function holders(graph: StackGraph): [PolicyResource, string][] {
    return ATTACHING.flatMap(([kind, prop]) => graph.ofKind(kind).map((r): [PolicyResource, string] => [r, prop]));
}

export const iamManagedRules = [iamNoBroadManagedPolicies];
