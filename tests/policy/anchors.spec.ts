// One rule owns each Security Hub control and each Checkov check it anchors: a second rule claiming
// one is either the same check twice or a partial copy, and the compliance summary would count the
// control twice. cdk-nag's rules are broad (AwsSolutions-IAM5 is any wildcard, in actions or in
// resources), so several rules may each cover a part of one. An awsx-<rule> mirror (components.ts)
// applies the same rule to awsx inputs: it is that rule, not a second claim.
import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
import { controlOf } from "../../plan/compliance";
import { resourceRule } from "../../policy/lib/rule";
import { policies } from "../../policy/policies";
import { COMPONENT_RULE_PREFIX, componentRule } from "../../policy/rules/components";
import { ecsTaskAwsvpcNetworkMode } from "../../policy/rules/taskDefinition";

const SINGLE_OWNER = ["Security Hub", "Checkov"];

/** The rule a policy is: an awsx mirror is the rule it applies. */
function ruleOf(policy: Policy, names: Set<string>): string {
    const mirrored = policy.name.slice(COMPONENT_RULE_PREFIX.length);
    return policy.name.startsWith(COMPONENT_RULE_PREFIX) && names.has(mirrored) ? mirrored : policy.name;
}

/** One message per control claimed by a second rule, in catalog order (the first claimant owns it). */
function doubleClaims(pack: Policy[]): string[] {
    const names = new Set(pack.map((p) => p.name));
    const owners = new Map<string, string>();
    const problems: string[] = [];
    for (const policy of pack) {
        const rule = ruleOf(policy, names);
        for (const anchor of policy.tags ?? []) {
            const control = controlOf(anchor);
            if (!control || !SINGLE_OWNER.includes(control.family)) continue;
            const owner = owners.get(control.id);
            if (owner === undefined) owners.set(control.id, rule);
            else if (owner !== rule)
                problems.push(
                    `${rule} claims ${control.family} ${control.id}, which ${owner} already covers: extend ${owner} to check what ${rule} adds, or narrow ${rule}'s anchor to what is new (a prose anchor).`,
                );
        }
    }
    return problems;
}

describe("policy anchors", () => {
    it("no two rules of the pack claim the same Security Hub control or Checkov check", () => {
        assert.deepEqual(doubleClaims(policies), []);
    });

    it("a host-network rule claiming ECS.17 fails, naming the rule that covers it and what to do", () => {
        const hostNetwork = resourceRule({
            name: "ecs-task-definition-no-host-network",
            description: "Task definitions do not use the host network mode.",
            severity: "high",
            enforcementLevel: "mandatory",
            remediationSteps: 'Set networkMode: "awsvpc".',
            anchors: ["ECS.17"],
            kinds: ["taskDefinition"],
            check: () => undefined,
        });
        assert.deepEqual(doubleClaims([ecsTaskAwsvpcNetworkMode, hostNetwork]), [
            "ecs-task-definition-no-host-network claims Security Hub ECS.17, which ecs-task-awsvpc-network-mode already covers: extend ecs-task-awsvpc-network-mode to check what ecs-task-definition-no-host-network adds, or narrow ecs-task-definition-no-host-network's anchor to what is new (a prose anchor).",
        ]);
    });

    it("an awsx mirror is the rule it applies, not a second claim; cdk-nag rules may be shared", () => {
        assert.deepEqual(doubleClaims([ecsTaskAwsvpcNetworkMode, componentRule(ecsTaskAwsvpcNetworkMode)]), []);
        const nagOnly = (name: string) => ({ ...ecsTaskAwsvpcNetworkMode, name, tags: ["AwsSolutions-IAM5", "AS-IAM5"] });
        assert.deepEqual(doubleClaims([nagOnly("one-wildcard-rule"), nagOnly("another-wildcard-rule")]), []);
    });
});
