// Limits AWS enforces at create time, checked here so a bad value fails before `pulumi up`.
// Each check returns undefined when the value is fine, or the allowed range as text.
import { LEGACY_TLS_POLICIES, TLS12_PLUS_POLICIES } from "../policy/knowledge/tlsPolicies";
import { FARGATE_CPU_VALUES, describeAllowedMemory, isValidFargateSize } from "./fargateSizes";

import { range, type Check } from "./check";

export * from "./cidr";
export * from "./nameLimits";
export type { Check, RangeCheck } from "./check";
export { LEGACY_TLS_POLICIES, TLS12_PLUS_POLICIES } from "../policy/knowledge/tlsPolicies";

export interface ConstraintInfo {
    limit: string;
    /** Where AWS documents the limit. */
    source: string;
}

/** The catalog, for the README and for tests that walk every limit. */
export const CONSTRAINTS: Readonly<Record<string, ConstraintInfo>> = {
    fargateSize: { limit: "cpu 256–16384 with the memory the Fargate table allows", source: "ECS Developer Guide: Task CPU and memory" },
    ephemeralStorage: { limit: "21–200 GiB", source: "ECS API: EphemeralStorage.sizeInGiB" },
    containerReservations: { limit: "sum of container cpu/memory ≤ task cpu/memory", source: "ECS API: ContainerDefinition.cpu/memory" },
    albName: { limit: "≤ 32 chars after autonaming, [A-Za-z0-9-], no leading/trailing hyphen, not 'internal-'", source: "ELBv2 API: CreateLoadBalancer Name" },
    targetGroupName: { limit: "≤ 32 chars after autonaming, [A-Za-z0-9-], no leading/trailing hyphen", source: "ELBv2 API: CreateTargetGroup Name" },
    iamRoleName: { limit: "≤ 64 chars, [\\w+=,.@-]", source: "IAM quotas: role name" },
    iamPolicyName: { limit: "≤ 128 chars, [\\w+=,.@-]", source: "IAM quotas: policy name" },
    iamPath: { limit: "'/' or /…/ of printable ASCII, ≤ 512", source: "IAM API: CreateRole Path" },
    ecrRepositoryName: { limit: "lowercase, (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*…, 2–256 chars", source: "ECR API: CreateRepository repositoryName" },
    logGroupName: { limit: "[.\\-_/#A-Za-z0-9], 1–512 chars", source: "CloudWatch Logs API: CreateLogGroup" },
    securityGroupDescription: { limit: "ASCII a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*, ≤ 255", source: "EC2 API: CreateSecurityGroup GroupDescription" },
    healthCheckInterval: { limit: "5–300 s", source: "ELBv2 API: HealthCheckIntervalSeconds" },
    healthCheckTimeout: { limit: "2–120 s and < interval", source: "ELBv2 API: HealthCheckTimeoutSeconds" },
    healthCheckThreshold: { limit: "2–10", source: "ELBv2 API: HealthyThresholdCount/UnhealthyThresholdCount" },
    healthCheckMatcher: { limit: "HTTP codes 200–499 as '200', '200,204' or '200-299'", source: "ELBv2 API: Matcher.HttpCode" },
    healthCheckPath: { limit: "starts with '/', ≤ 1024 chars, no spaces", source: "ELBv2 API: HealthCheckPath" },
    deregistrationDelay: { limit: "0–3600 s", source: "ELBv2 target group attributes" },
    healthyPercents: { limit: "min 0–100, max 100–200, and a rolling update can make progress for the desired count", source: "ECS DeploymentConfiguration" },
    autoscalingTarget: {
        limit: "percent targets 10–90; requests per target 1–100000",
        source: "Application Auto Scaling TargetTrackingScalingPolicyConfiguration",
    },
    cooldown: { limit: "0–3600 s", source: "Application Auto Scaling ScaleInCooldown/ScaleOutCooldown" },
    certificateArn: { limit: "arn:<partition>:acm:<region>:<12-digit account>:certificate/<uuid>", source: "ACM ARN format" },
    tlsPolicy: { limit: "one of the published ELBSecurityPolicy names", source: "ELB: Security policies for your Application Load Balancer" },
    vpcCidr: { limit: "IPv4 CIDR, prefix /16–/24, aligned", source: "VPC User Guide: VPC CIDR blocks" },
    subnetCidrs: { limit: "inside the VPC CIDR, no overlap, ≥ /28", source: "VPC User Guide: Subnet sizing" },
    azCount: { limit: "2–6 and ≤ the region's available AZs", source: "ALB needs subnets in ≥ 2 AZs" },
    tag: { limit: "key 1–128, value ≤ 256, [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@], key not 'aws:'", source: "Tagging AWS resources: tag restrictions" },
    logRetention: { limit: "one of CloudWatch Logs' retention values", source: "CloudWatch Logs API: PutRetentionPolicy" },
    bakeTime: { limit: "0–1440 minutes", source: "ECS API: DeploymentConfiguration.bakeTimeInMinutes, Canary/LinearConfiguration bake times" },
    canaryPercent: { limit: "0.1–100.0 in steps of 0.1", source: "ECS API: CanaryConfiguration.canaryPercent" },
    linearStepPercent: { limit: "3.0–100.0 in steps of 0.1", source: "ECS API: LinearConfiguration.stepPercent" },
    listenerPort: { limit: "1–65535", source: "ELBv2 API: CreateListener Port" },
    lambdaArn: { limit: "arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>]", source: "Lambda ARN format" },
};

export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export const checkFargateSize = (cpu: number, memory: number): string | undefined => {
    if (!FARGATE_CPU_VALUES.includes(cpu)) return `cpu one of ${FARGATE_CPU_VALUES.join(", ")}`;
    return isValidFargateSize(cpu, memory) ? undefined : describeAllowedMemory(cpu);
};

export const checkEphemeralStorage = range(21, 200, " GiB");

/** Containers' own reservations must fit inside the task size. */
export function checkContainerReservations(
    task: { cpu: number; memory: number },
    containers: { name: string; cpu?: number; memory?: number; memoryReservation?: number }[],
): string | undefined {
    const cpu = containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
    const memory = containers.reduce((sum, c) => sum + (c.memory ?? c.memoryReservation ?? 0), 0);
    if (cpu > task.cpu) return `container cpu adds up to ${cpu}, more than the task's ${task.cpu}`;
    if (memory > task.memory) return `container memory adds up to ${memory} MiB, more than the task's ${task.memory} MiB`;
    return undefined;
}

export const checkHealthCheckInterval = range(5, 300, " seconds");
export const HEALTH_CHECK_TIMEOUT = range(2, 120, " seconds");
export function checkHealthCheckTimeout(timeout: number, interval: number): string | undefined {
    return HEALTH_CHECK_TIMEOUT(timeout) ?? (timeout < interval ? undefined : `less than the interval (${interval} s)`);
}
export const checkHealthCheckThreshold = range(2, 10);

export const checkHealthCheckMatcher: Check<string> = (matcher) => {
    const code = (s: string) => /^\d{3}$/.test(s) && Number(s) >= 200 && Number(s) <= 499;
    const ok = matcher.split(",").every((part) => {
        const [lo = "", hi, ...rest] = part.split("-");
        if (rest.length > 0) return false;
        return hi === undefined ? code(lo) : code(lo) && code(hi) && Number(lo) < Number(hi);
    });
    return ok ? undefined : "HTTP codes from 200 to 499, like 200, 200,204 or 200-299";
};

export const checkHealthCheckPath: Check<string> = (path) =>
    path.startsWith("/") && path.length <= 1024 && /^[\x21-\x7e]+$/.test(path)
        ? undefined
        : "a path starting with '/', at most 1024 printable characters, no spaces";

export const checkDeregistrationDelay = range(0, 3600, " seconds");

export const MIN_HEALTHY_PERCENT = range(0, 100, " percent");
export const MAX_PERCENT = range(100, 200, " percent");

/** A rolling deployment must be able to start a new task or stop an old one. */
export function checkHealthyPercents(minPercent: number, maxPercent: number, desired: number): string | undefined {
    if (MIN_HEALTHY_PERCENT(minPercent)) return "minimum healthy percent from 0 to 100";
    if (MAX_PERCENT(maxPercent)) return "maximum percent from 100 to 200";
    if (desired === 0) return undefined;
    const canStartExtra = Math.floor((desired * maxPercent) / 100) > desired;
    const canStopOne = Math.ceil((desired * minPercent) / 100) < desired;
    return canStartExtra || canStopOne
        ? undefined
        : `percents that let a rolling update of ${desired} task(s) start an extra task or stop one (e.g. max 200 or min 50)`;
}

export const checkPercentTarget = range(10, 90, " percent");
export const checkRequestsPerTarget = range(1, 100000, " requests");
export const checkCooldown = range(0, 3600, " seconds");

export const checkBakeTime = range(0, 1440, " minutes");

/** ECS takes percents as multiples of 0.1 within a range. */
const tenths =
    (lo: number, hi: number): Check<number> =>
    (v) =>
        Number.isFinite(v) && v >= lo && v <= hi && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9
            ? undefined
            : `${lo.toFixed(1)} to ${hi.toFixed(1)} in steps of 0.1`;
export const checkCanaryPercent = tenths(0.1, 100);
export const checkLinearStepPercent = tenths(3, 100);

export const checkListenerPort = range(1, 65535);

export const checkLambdaArn: Check<string> = (arn) =>
    /^arn:aws(?:-cn|-us-gov)?:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(?::(?:\$LATEST|[A-Za-z0-9_-]{1,128}))?$/.test(arn)
        ? undefined
        : "arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>]";

export const checkCertificateArn: Check<string> = (arn) =>
    /^arn:aws(?:-cn|-us-gov)?:acm:[a-z]{2}(?:-gov)?-[a-z]+-\d:\d{12}:certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(arn)
        ? undefined
        : "arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>";

export const checkTlsPolicy: Check<string> = (name) =>
    TLS12_PLUS_POLICIES.includes(name) ? undefined : `a TLS 1.2+ policy: ${TLS12_PLUS_POLICIES.join(", ")}`;

/** Any policy AWS publishes, legacy ones included: what a listener can be created with. */
export const checkPublishedTlsPolicy: Check<string> = (name) =>
    TLS12_PLUS_POLICIES.includes(name) || LEGACY_TLS_POLICIES.includes(name) ? undefined : "a published ELBSecurityPolicy name";

export const checkLogRetention: Check<number> = (days) => (LOG_RETENTION_DAYS.includes(days) ? undefined : `one of ${LOG_RETENTION_DAYS.join(", ")}`);

/** A log group's retentionInDays: 0 (the provider's default) keeps logs forever, which AWS accepts. */
export const checkRetentionInDays: Check<number> = (days) =>
    days === 0 || LOG_RETENTION_DAYS.includes(days) ? undefined : `one of ${LOG_RETENTION_DAYS.join(", ")}, or 0 (never expire)`;

// --- IPv4 CIDR arithmetic for the VPC and its subnets.

export const AZ_COUNT = range(2, 6);
export const checkAzCount = (count: number, available?: number): string | undefined =>
    AZ_COUNT(count) ?? (available !== undefined && count > available ? `at most ${available} (the region's available AZs)` : undefined);
