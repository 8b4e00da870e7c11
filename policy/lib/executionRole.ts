// Least privilege for an execution role, proven by simulation over its policy documents:
// every request the ECS agent makes for its task definitions is allowed, a fixed probe set of
// other requests is denied, and every granted action (wildcards expanded with AWS's action data)
// is one the agent needs, on the resources it needs.
import { ActionInfo } from "./iamData";
import { byLevel, describeGroups, expandAction } from "./actionSets";
import { Needs, neededActions } from "./executionNeeds";
import { probesFor } from "./executionProbes";
import { Statement, parsePolicy } from "./iam";
import { Request, SOME_SEGMENT, mayBeAllowed, resourceMatches, simulate } from "./iamSimulate";
import { show } from "../knowledge/values";

export interface RoleUnderTest {
    name: string;
    documents: { where: string; document: unknown }[];
    /** Managed policies whose documents are not in the stack: the needs cannot be proven allowed or denied through them. */
    opaqueManagedPolicies: boolean;
}

const ALL_LEVELS = ["Permissions management", "Write", "Tagging", "Read", "List"] as const;
/** Requests under the batch parameter read also justify the singular read. */
const SAME_REQUEST: Record<string, string> = { "ssm:getparameter": "ssm:getparameters" };

/** An ARN for messages: segments the stack does not reveal print as `*`. */
export const displayArn = (arn: string): string => arn.split(SOME_SEGMENT).join("*");

export function checkExecutionRole(role: RoleUnderTest, needs: Needs, report: (message: string) => void): void {
    const labelled = role.documents.flatMap(({ where, document }) => {
        const parsed = parsePolicy(document);
        return parsed.ok ? parsed.statements.map((s) => ({ s, label: `${where} statement ${s.label}` })) : [];
    });
    const statements = labelled.map((l) => l.s);
    const labelOf = new Map(labelled.map((l) => [l.s, l.label]));
    const reported = new Set<Statement>();
    const actions = neededActions(needs);
    const extra = (s: Statement, message: string) => {
        reported.add(s);
        report(message);
    };
    const notNeeded = `no task definition using execution role ${role.name} needs`;

    for (const { s, label } of labelled) {
        if (s.effect !== "Allow") continue;
        if (s.notActions.length > 0 || s.notResources.length > 0) {
            extra(s, `${label} uses NotAction/NotResource on execution role ${role.name}; list what the task needs instead.`);
            continue;
        }
        for (const pattern of s.actions) {
            const expansion = expandAction(pattern);
            if (expansion.kind !== "actions" || expansion.actions.length === 0) {
                extra(s, `${label} allows ${pattern} on ${show(s.resources)}, which ${notNeeded}.`);
                continue;
            }
            const unneeded = expansion.actions.filter((a) => !actions.has(a.action.toLowerCase()));
            if (unneeded.length > 0)
                extra(
                    s,
                    unneeded.length === 1 && expansion.actions.length === 1
                        ? `${label} allows ${unneeded[0]!.action} on ${show(s.resources)}, which ${notNeeded}.`
                        : `${label} allows ${pattern} on ${show(s.resources)}, reaching actions ${notNeeded} (${describeGroups(byLevel(unneeded, ALL_LEVELS))}).`,
                );
            for (const action of expansion.actions.filter((a) => actions.has(a.action.toLowerCase()))) {
                const beyond = s.resources.filter((p) => !justified(action, p, needs));
                if (beyond.length > 0) extra(s, `${label} allows ${action.action} on ${show(beyond)}, which ${notNeeded}.`);
            }
        }
    }

    if (!role.opaqueManagedPolicies) {
        for (const [resource, group] of groupByResource(needs.requests.filter((r) => !mayBeAllowed(simulate(statements, r).decision))))
            report(
                `execution role ${role.name} does not allow ${group.map((r) => r.action).join(", ")} on ${displayArn(resource)}, which ${group[0]!.why}; tasks would fail to start.`,
            );
    }

    for (const probe of probesFor(needs)) {
        const { decision, allowedBy } = simulate(statements, probe);
        const fresh = allowedBy.filter((s) => !reported.has(s));
        if (mayBeAllowed(decision) && fresh.length > 0)
            report(
                `execution role ${role.name} ${decision === "allowed" ? "allows" : "may allow (conditions)"} ${probe.action} on ${displayArn(probe.resource)} (${probe.why}) through ${fresh.map((s) => labelOf.get(s)).join(", ")}; its task definitions need no such request.`,
            );
    }
}

/** A granted resource pattern is justified when some request the agent makes for this action falls under it. */
function justified(action: ActionInfo, pattern: string, needs: Needs): boolean {
    const key = action.action.toLowerCase();
    if (key === "kms:decrypt") return true;
    const asked = SAME_REQUEST[key] ?? key;
    return needs.requests.some((r) => r.action.toLowerCase() === asked && resourceMatches(pattern, r.resource));
}

function groupByResource<T extends Request>(requests: T[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const r of requests) groups.set(r.resource, [...(groups.get(r.resource) ?? []), r]);
    return groups;
}
