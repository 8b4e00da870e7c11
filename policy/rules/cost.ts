import { estimateMonthlyCost } from "../knowledge/cost";
import { stackRule } from "../lib/rule";

export const monthlyCostBudget = stackRule<{ monthlyBudgetUsd: number; region: string }>({
    name: "monthly-cost-budget",
    description: "The stack's estimated monthly cost stays under its budget.",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Lower desired/max counts or task size, use Spot and a NAT instance (egress nat-instance) or a single NAT gateway on non-prod stacks, or raise monthlyBudgetUsd in the stack's policy config.",
    anchors: ["cost guardrail"],
    configSchema: { properties: { monthlyBudgetUsd: { type: "number", default: 1000 }, region: { type: "string", default: "us-east-1" } } },
    check(graph, config, report) {
        const estimate = estimateMonthlyCost(graph.resources, config.region);
        if (estimate.totalUsd > config.monthlyBudgetUsd) {
            const top = [...estimate.lines]
                .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
                .slice(0, 3)
                .map((l) => `${l.item} $${l.monthlyUsd.toFixed(2)}`);
            report(
                `estimated monthly cost $${estimate.totalUsd.toFixed(2)} exceeds the budget of $${config.monthlyBudgetUsd.toFixed(2)} (largest: ${top.join(", ")}).`,
            );
        }
    },
});

export const costRules = [monthlyCostBudget];
