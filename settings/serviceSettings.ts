// The service's health check and scaling settings. Each number's range is enforced by the reader
// (bounds.ts); what is checked here is what relates one setting to another.
import * as c from "./constraints";
import type { ConfigReader } from "./configReader";
import type { Profile, ProfileDefaults } from "./profiles";
import type { AutoscalingSettings, HealthCheckSettings } from "./types";

export function readHealthCheck(r: ConfigReader): HealthCheckSettings {
    const healthCheck: HealthCheckSettings = {
        path: r.string("healthCheckPath", "/health"),
        intervalSeconds: r.int("healthCheckIntervalSeconds", 10),
        timeoutSeconds: r.int("healthCheckTimeoutSeconds", 5),
        healthyThreshold: r.int("healthyThreshold", 2),
        unhealthyThreshold: r.int("unhealthyThreshold", 3),
        matcher: r.string("healthCheckMatcher", "200"),
    };
    r.expect("healthCheckPath", healthCheck.path, c.checkHealthCheckPath(healthCheck.path));
    r.expect("healthCheckTimeoutSeconds", healthCheck.timeoutSeconds, c.checkHealthCheckTimeout(healthCheck.timeoutSeconds, healthCheck.intervalSeconds));
    r.expect("healthCheckMatcher", healthCheck.matcher, c.checkHealthCheckMatcher(healthCheck.matcher));
    return healthCheck;
}

export function readScaling(r: ConfigReader, profile: Profile, d: ProfileDefaults): { desiredCount: number; autoscaling: AutoscalingSettings } {
    const desiredCount = r.int("desiredCount", d.desiredCount);
    const autoscaling: AutoscalingSettings = {
        minCount: r.int("minCount", d.minCount),
        maxCount: r.int("maxCount", d.maxCount),
        cpuTargetPercent: r.int("cpuTargetPercent", 60),
        memoryTargetPercent: r.int("memoryTargetPercent", 75),
        requestsPerTarget: r.int("requestsPerTarget", 500),
        scaleInCooldownSeconds: r.int("scaleInCooldownSeconds", 300),
        scaleOutCooldownSeconds: r.int("scaleOutCooldownSeconds", 60),
    };
    if (!(autoscaling.minCount <= desiredCount && desiredCount <= autoscaling.maxCount)) {
        r.fail(`desiredCount=${desiredCount} must lie within minCount=${autoscaling.minCount} and maxCount=${autoscaling.maxCount} (min ≤ desired ≤ max)`);
    }
    if (profile === "prod" && desiredCount < 2) r.fail(`desiredCount=${desiredCount} is not valid for profile prod; allowed: 2 or more (one task is one AZ)`);
    return { desiredCount, autoscaling };
}
