// The bounds of every numeric setting, in one place: the reader enforces them before any finer
// check, docs/settings.md states them (a test compares), and tests derive their probes from here.
// Finer rules (the Fargate size table, min ≤ desired ≤ max, retention days AWS accepts) stay
// with the settings that need them; these bounds only keep every number finite and plausible.
import * as c from "./constraints";

export interface Bounds {
    min: number;
    max: number;
    /** Whole numbers only (counts, seconds, ports); otherwise plain decimals (percents like 2.5). */
    whole: boolean;
    /** Shown after the range, e.g. " seconds". */
    unit?: string;
}

const whole = (min: number, max: number, unit?: string): Bounds => ({ min, max, whole: true, unit });
/** The bounds of an AWS limit settings/constraints.ts already states: one source for both. */
const limit = (check: c.RangeCheck): Bounds => whole(check.min, check.max, check.unit);
const decimal = (min: number, max: number, unit?: string): Bounds => ({ min, max, whole: false, unit });

export const SETTING_BOUNDS: Readonly<Record<string, Bounds>> = {
    cpu: whole(256, 16384),
    memory: whole(512, 122880),
    ephemeralStorageGiB: limit(c.checkEphemeralStorage),
    containerPort: whole(1024, 65535, " (the container runs as a non-root user, which cannot bind ports below 1024)"),
    healthCheckIntervalSeconds: limit(c.checkHealthCheckInterval),
    healthCheckTimeoutSeconds: limit(c.HEALTH_CHECK_TIMEOUT),
    healthyThreshold: limit(c.checkHealthCheckThreshold),
    unhealthyThreshold: limit(c.checkHealthCheckThreshold),
    desiredCount: whole(0, 1000),
    minCount: whole(0, 1000),
    maxCount: whole(0, 1000),
    cpuTargetPercent: limit(c.checkPercentTarget),
    memoryTargetPercent: limit(c.checkPercentTarget),
    requestsPerTarget: limit(c.checkRequestsPerTarget),
    scaleInCooldownSeconds: limit(c.checkCooldown),
    scaleOutCooldownSeconds: limit(c.checkCooldown),
    azCount: limit(c.AZ_COUNT),
    logRetentionDays: whole(c.LOG_RETENTION_DAYS[0]!, c.LOG_RETENTION_DAYS[c.LOG_RETENTION_DAYS.length - 1]!, " days"),
    keepImages: whole(1, 1000),
    deregistrationDelaySeconds: limit(c.checkDeregistrationDelay),
    healthCheckGracePeriodSeconds: whole(0, 2147483647, " seconds"),
    minHealthyPercent: limit(c.MIN_HEALTHY_PERCENT),
    maxPercent: limit(c.MAX_PERCENT),
    bakeTimeMinutes: limit(c.checkBakeTime),
    canaryPercent: decimal(0.1, 100, " percent"),
    canaryBakeTimeMinutes: limit(c.checkBakeTime),
    linearStepPercent: decimal(3, 100, " percent"),
    linearStepBakeTimeMinutes: limit(c.checkBakeTime),
    testListenerPort: limit(c.checkListenerPort),
    costImageGb: decimal(0, 100, " GB"),
    costImagePullsPerMonth: decimal(0, 1000000),
    costLogGbPerTaskMonth: decimal(0, 100000, " GB"),
    costNatDataGbPerMonth: decimal(0, 1000000, " GB"),
    ec2MinInstances: whole(0, 1000),
    ec2MaxInstances: whole(0, 1000),
    ec2VolumeGiB: whole(30, 16384, " GiB (the ECS-optimized AMI's root volume is 30 GiB)"),
    wafRateLimit: whole(10, 2000000000, " requests per client IP in 5 minutes"),
};

/** Plain decimal text as people write it in a stack file: no hex, exponents, separators or padding. */
const WHOLE_TEXT = /^-?(0|[1-9]\d*)$/;
const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** What is wrong with `text` as a value of a setting with these bounds, or undefined when it is fine. */
export function boundsProblem(text: string, bounds: Bounds): string | undefined {
    const range = `${bounds.min}–${bounds.max}${bounds.unit ?? ""}`;
    if (!(bounds.whole ? WHOLE_TEXT : DECIMAL_TEXT).test(text)) return `${bounds.whole ? "a whole number" : "a decimal number"} in plain digits, ${range}`;
    const value = Number(text);
    return value >= bounds.min && value <= bounds.max ? undefined : range;
}
