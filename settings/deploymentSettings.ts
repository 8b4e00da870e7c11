// The deployment settings: ECS's strategy, its bake times and traffic steps, the test listener and
// an optional lifecycle hook. Each value's range is in its declaration (declarations/deployment.ts);
// a key that has no effect with the chosen strategy is refused here rather than silently ignored.
import type { ConfigReader } from "./configReader";
import { DEPLOYMENT } from "./declarations";
import { LIFECYCLE_STAGES, type DeploymentStrategy, type LifecycleStage, type Profile } from "./profiles";
import { readGroup } from "./readGroup";
import type { DeploymentSettings } from "./types";

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

export function readDeployment(r: ConfigReader, profile: Profile): DeploymentSettings {
    const deployment = readGroup(r, DEPLOYMENT, profile, { values: { hookStages: readHookStages(r) } });
    for (const [key, strategies] of Object.entries(ONLY_WITH)) {
        if (r.given(key) && !strategies.includes(deployment.strategy))
            r.fail(`${key} has no effect with deployment=${deployment.strategy}; allowed: set it only with deployment=${strategies.join(" | ")}`);
    }
    return deployment;
}

function readHookStages(r: ConfigReader): LifecycleStage[] {
    const value = r.json("deploymentHookStages") ?? DEPLOYMENT.settings.hookStages.default;
    const allowed = `a non-empty list of ${LIFECYCLE_STAGES.join(", ")}`;
    if (!Array.isArray(value) || value.length === 0) return (r.expect("deploymentHookStages", value, allowed), []);
    const stages = value.filter((v): v is LifecycleStage => (LIFECYCLE_STAGES as readonly unknown[]).includes(v));
    value.forEach((v, i) => r.expect(`deploymentHookStages[${i}]`, v, stages.includes(v as LifecycleStage) ? undefined : LIFECYCLE_STAGES.join(", ")));
    return [...new Set(stages)];
}
