// The service's health check, scaling and rolling-update settings. Each value's own rules are in
// its declaration; what is checked here is what relates one setting to another.
import * as c from "./constraints";
import type { ConfigReader } from "./configReader";
import { AUTOSCALING, HEALTH_CHECK, SCALING, SERVICE } from "./declarations";
import type { Profile } from "./profiles";
import { readGroup } from "./readGroup";
import { readSchedules } from "./scheduleSettings";
import type { HealthCheckSettings, SettingsOf } from "./types";

export function readHealthCheck(r: ConfigReader, profile: Profile): HealthCheckSettings {
    const healthCheck = readGroup(r, HEALTH_CHECK, profile);
    r.expect("healthCheckTimeoutSeconds", healthCheck.timeoutSeconds, c.checkHealthCheckTimeout(healthCheck.timeoutSeconds, healthCheck.intervalSeconds));
    return healthCheck;
}

export function readScaling(r: ConfigReader, profile: Profile): SettingsOf<"scaling" | "autoscaling"> {
    const autoscaling = readGroup(r, AUTOSCALING, profile);
    const scaling = readGroup(r, SCALING, profile, { values: { schedules: readSchedules(r, profile, autoscaling) } });
    const { desiredCount } = scaling;
    if (!(autoscaling.minCount <= desiredCount && desiredCount <= autoscaling.maxCount)) {
        r.fail(`desiredCount=${desiredCount} must lie within minCount=${autoscaling.minCount} and maxCount=${autoscaling.maxCount} (min ≤ desired ≤ max)`);
    }
    if (profile === "prod" && desiredCount < 2) r.fail(`desiredCount=${desiredCount} is not valid for profile prod; allowed: 2 or more (one task is one AZ)`);
    return { ...scaling, autoscaling };
}

export function readService(r: ConfigReader, profile: Profile, desiredCount: number): SettingsOf<"service"> {
    const service = readGroup(r, SERVICE, profile);
    const { minHealthyPercent, maxPercent } = service;
    const percentProblem = c.checkHealthyPercents(minHealthyPercent, maxPercent, desiredCount);
    if (percentProblem)
        r.fail(`minHealthyPercent=${minHealthyPercent}, maxPercent=${maxPercent} are not valid with desiredCount=${desiredCount}; allowed: ${percentProblem}`);
    return service;
}
