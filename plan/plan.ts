// The offline plan: the program under mocks, the policy pack over its resources, the cost and
// rollout estimates. One function for the CLI, the tests and the benchmark.
import { readFileSync } from "node:fs";
import type { PolicyPackConfig } from "@pulumi/policy";
import type { CostEstimate } from "../policy/knowledge/cost";
import type { CostComparison } from "../policy/knowledge/costDefaults";
import { planCost } from "./costComparison";
import { Evaluation, ResourceRecord, evaluatePolicies } from "./runner";
import { PACK_NAME, policies } from "../policy/policies";
import { DeploymentEstimate, deploymentInputsFrom, estimateDeployment, withEcsDefaults } from "./rollout";
import { PlanConstraintError, checkPlanConstraints } from "./planConstraints";
import { resolvePolicyConfigPath } from "./policyConfigPath";
import { runProgram } from "./runProgram";
import { loadStackConfig } from "./stackConfig";

export interface PlanOptions {
    root: string;
    stack: string;
    /** Policy config file; defaults to the stack's own or its profile's (see policyConfigPath.ts). */
    policyConfigPath?: string;
    /** Extra stack config (e.g. a bad variant in tests). */
    configOverrides?: Record<string, unknown>;
    /** Another program (a variant) instead of index.ts. */
    programPath?: string;
}

export interface Plan {
    stack: string;
    region: string;
    resources: ResourceRecord[];
    outputs: Record<string, unknown>;
    policyConfigPath?: string;
    evaluation: Evaluation;
    cost: CostEstimate;
    /** The same app with a NAT gateway per AZ and on-demand tasks, and the ratio. */
    commonDefaults: CostComparison;
    budgetUsd?: number;
    rollout?: { planned: DeploymentEstimate; ecsDefaults: DeploymentEstimate };
    mandatoryViolations: number;
}

export function readPolicyConfig(path: string | undefined): PolicyPackConfig {
    return path ? (JSON.parse(readFileSync(path, "utf8")) as PolicyPackConfig) : {};
}

export async function buildPlan(o: PlanOptions): Promise<Plan> {
    const stack = loadStackConfig(o.root, o.stack, o.configOverrides);
    const policyConfigPath = o.policyConfigPath ?? resolvePolicyConfigPath(o.root, stack).path;
    const policyConfig = readPolicyConfig(policyConfigPath);

    const run = await runProgram(o.root, stack, o.programPath);
    const problems = checkPlanConstraints(run.resources, run.mocks.zones());
    if (problems.length > 0) throw new PlanConstraintError(problems);
    const evaluation = await evaluatePolicies(policies, run.resources, policyConfig, { packName: PACK_NAME });
    const { cost, commonDefaults } = planCost(stack, run.resources);

    const service = run.resources.find((r) => r.type === "aws:ecs/service:Service");
    const targetGroup = run.resources.find((r) => r.type === "aws:lb/targetGroup:TargetGroup" || r.type === "aws:alb/targetGroup:TargetGroup");
    let rollout: Plan["rollout"];
    if (service && targetGroup) {
        const alarms = run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.inputs);
        const planned = deploymentInputsFrom(service.inputs, targetGroup.inputs, alarms);
        rollout = { planned: estimateDeployment(planned), ecsDefaults: estimateDeployment(withEcsDefaults(planned)) };
    }
    const budgetEntry = policyConfig["monthly-cost-budget"];
    const budgetUsd = typeof budgetEntry === "object" && typeof budgetEntry.monthlyBudgetUsd === "number" ? budgetEntry.monthlyBudgetUsd : undefined;
    return {
        stack: o.stack,
        region: stack.region,
        resources: run.resources,
        outputs: run.outputs,
        policyConfigPath,
        evaluation,
        cost,
        commonDefaults,
        budgetUsd,
        rollout,
        mandatoryViolations: evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").length,
    };
}
