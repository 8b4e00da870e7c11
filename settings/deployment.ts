// The deployment settings: ECS's strategy, its bake times and traffic steps, the test listener and
// an optional lifecycle hook. Each value is checked against ECS's ranges; a key that has no effect
// with the chosen strategy is refused rather than silently ignored.
import * as c from "./constraints";
import type { ConfigReader } from "./configReader";
import type { ProfileDefaults } from "./profiles";
import { DEPLOYMENT_STRATEGIES, DeploymentSettings, DeploymentStrategy, LIFECYCLE_STAGES, LifecycleStage } from "./types";

/** Ports the public listeners use; the test listener must be another one. */
const PUBLIC_LISTENER_PORTS = [80, 443];

/** Keys that only mean something for some strategies. */
const ONLY_WITH: Record<string, DeploymentStrategy[]> = {
    bakeTimeMinutes: ["blue-green", "canary", "linear"],
    testListenerPort: ["blue-green", "canary", "linear"],
    deploymentHookArn: ["blue-green", "canary", "linear"],
    deploymentHookStages: ["blue-green", "canary", "linear"],
    canaryPercent: ["canary"],
    canaryBakeTimeMinutes: ["canary"],
    linearStepPercent: ["linear"],
    linearStepBakeTimeMinutes: ["linear"],
};

export function readDeployment(r: ConfigReader, d: ProfileDefaults): DeploymentSettings {
    const strategy = r.oneOf<DeploymentStrategy>("deployment", DEPLOYMENT_STRATEGIES, d.deployment);
    for (const [key, strategies] of Object.entries(ONLY_WITH)) {
        if (r.given(key) && !strategies.includes(strategy))
            r.fail(`${key} has no effect with deployment=${strategy}; allowed: set it only with deployment=${strategies.join(" | ")}`);
    }

    const bakeTimeMinutes = r.int("bakeTimeMinutes", d.bakeTimeMinutes);
    r.expect("bakeTimeMinutes", bakeTimeMinutes, c.checkBakeTime(bakeTimeMinutes));
    const canaryPercent = r.number("canaryPercent", 10);
    r.expect("canaryPercent", canaryPercent, c.checkCanaryPercent(canaryPercent));
    const canaryBakeTimeMinutes = r.int("canaryBakeTimeMinutes", d.canaryBakeTimeMinutes);
    r.expect("canaryBakeTimeMinutes", canaryBakeTimeMinutes, c.checkBakeTime(canaryBakeTimeMinutes));
    const linearStepPercent = r.number("linearStepPercent", 10);
    r.expect("linearStepPercent", linearStepPercent, c.checkLinearStepPercent(linearStepPercent));
    const linearStepBakeTimeMinutes = r.int("linearStepBakeTimeMinutes", 5);
    r.expect("linearStepBakeTimeMinutes", linearStepBakeTimeMinutes, c.checkBakeTime(linearStepBakeTimeMinutes));

    const testListenerPort = r.int("testListenerPort", 8443);
    r.expect(
        "testListenerPort",
        testListenerPort,
        c.checkListenerPort(testListenerPort) ??
            (PUBLIC_LISTENER_PORTS.includes(testListenerPort) ? "a port other than 80 and 443 (the public listeners)" : undefined),
    );

    const hookFunctionArn = r.string("deploymentHookArn");
    if (hookFunctionArn !== undefined) r.expect("deploymentHookArn", hookFunctionArn, c.checkLambdaArn(hookFunctionArn));
    const hookStages = readHookStages(r);

    return {
        strategy,
        bakeTimeMinutes,
        canaryPercent,
        canaryBakeTimeMinutes,
        linearStepPercent,
        linearStepBakeTimeMinutes,
        testListenerPort,
        hookFunctionArn,
        hookStages,
    };
}

/** Default: after test traffic reaches the new revision, before production traffic moves. */
function readHookStages(r: ConfigReader): LifecycleStage[] {
    const value = r.json("deploymentHookStages") ?? ["POST_TEST_TRAFFIC_SHIFT"];
    const allowed = `a non-empty list of ${LIFECYCLE_STAGES.join(", ")}`;
    if (!Array.isArray(value) || value.length === 0) return (r.expect("deploymentHookStages", value, allowed), []);
    const stages = value.filter((v): v is LifecycleStage => (LIFECYCLE_STAGES as readonly unknown[]).includes(v));
    value.forEach((v, i) => r.expect(`deploymentHookStages[${i}]`, v, stages.includes(v as LifecycleStage) ? undefined : LIFECYCLE_STAGES.join(", ")));
    return [...new Set(stages)];
}
