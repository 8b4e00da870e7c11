// ECS's deployment strategy, its bake times and traffic steps, the test listener and a lifecycle hook.
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { DEPLOYMENT_STRATEGIES } from "../profiles";
import { decimal, group, limit, oneOf, setting } from "./declare";
import { HOOK_STAGES } from "./shapes";

export const DEPLOYMENT = group("deployment", {
    strategy: setting(oneOf(DEPLOYMENT_STRATEGIES), {
        key: "deployment",
        // Canary in staging and prod: the 5xx alarm needs 3 of 5 one-minute datapoints to fire, so a
        // canary bake of at least 5 minutes lets it roll back while only the canary share sees the new revision.
        default: { dev: "rolling", staging: "canary", prod: "canary" },
        description:
            "ECS deployment strategy. All roll back on the 5xx-rate and unhealthy-host alarms; rolling also keeps the circuit breaker. See [deployments.md](deployments.md).",
    }),
    bakeTimeMinutes: setting(limit(c.checkBakeTime), {
        default: { dev: 0, staging: 5, prod: 10 },
        description: "Minutes both revisions keep running after all production traffic moved (not rolling).",
    }),
    canaryPercent: setting(decimal(0.1, 100), {
        default: 10,
        unit: " percent",
        description: "Share of production traffic the canary gets first (canary only).",
        allowed: "in steps of 0.1",
        check: c.checkCanaryPercent,
    }),
    canaryBakeTimeMinutes: setting(limit(c.checkBakeTime), {
        default: { dev: 5, staging: 5, prod: 10 },
        description: "Minutes at the canary share before the rest moves (canary only). At least 5 lets the 5xx alarm fire during the canary.",
    }),
    linearStepPercent: setting(decimal(3, 100), {
        default: 10,
        unit: " percent",
        description: "Share of production traffic moved per step (linear only).",
        allowed: "in steps of 0.1",
        check: c.checkLinearStepPercent,
    }),
    linearStepBakeTimeMinutes: setting(limit(c.checkBakeTime), { default: 5, description: "Minutes between linear steps (linear only)." }),
    testListenerPort: setting(limit(c.checkListenerPort), {
        default: 8443,
        description: "ALB port of the test listener ECS routes to the new revision before production moves; open only to the VPC CIDR (not rolling).",
        allowed: "not 80 or 443",
        check: (port) => (port === 80 || port === 443 ? "a port other than 80 and 443 (the public listeners)" : undefined),
    }),
    hookFunctionArn: setting(Type.String(), {
        key: "deploymentHookArn",
        description: "Lifecycle hook ECS invokes (with a role that may invoke only this function); not rolling.",
        allowed: "a Lambda function ARN",
        check: c.checkLambdaArn,
    }),
    hookStages: setting(HOOK_STAGES, {
        key: "deploymentHookStages",
        ownReader: true,
        default: ["POST_TEST_TRAFFIC_SHIFT"],
        description: "When ECS invokes the hook: after test traffic reaches the new revision, before production traffic moves, by default.",
        allowed: "a non-empty list of lifecycle stages",
    }),
});
