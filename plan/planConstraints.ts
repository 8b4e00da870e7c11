// AWS create-time limits checked on the planned resources themselves (final names included),
// so a deploy cannot fail twenty minutes in on a name or a number AWS refuses. Only what the
// program set (or the provider filled in) is checked: an absent optional block is AWS's default.
import * as c from "../settings/constraints";
import { isRecord } from "../policy/knowledge/values";
import { autoname } from "./providerCheck";
import { ENGINE_UNKNOWN } from "./unknowns";
import { displayType, type ResourceRecord } from "./types";

/** A value AWS would refuse, in the resource's own property names. */
export interface LimitProblem {
    urn?: string;
    /** `<type> <name>` as the Pulumi CLI shows it. */
    resource: string;
    property: string;
    value: string;
    allowed: string;
    /** This project's setting behind the value; only when the plan runs this project's own program. */
    setting?: string;
    /** "<type> <name>: <property>=<value> is not valid; allowed: <limit>[ (setting: <key>)]" */
    message: string;
}

export interface LimitOptions {
    /** The zones the mocks offered the program. */
    availableZones: string[];
    /** This project's own program: its settings are named, and its own stricter ranges apply. */
    ownProgram: boolean;
}

const METRIC_SETTING: Record<string, string> = {
    ECSServiceAverageCPUUtilization: "cpuTargetPercent",
    ECSServiceAverageMemoryUtilization: "memoryTargetPercent",
    ALBRequestCountPerTarget: "requestsPerTarget",
};

/** At preview a value computed from another resource's output is unknown: checked after up instead. */
const isKnown = (value: unknown) => !(JSON.stringify(value) ?? "").includes(ENGINE_UNKNOWN);
const isSet = (value: unknown) => value !== undefined && value !== null;
const shown = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
/** The ELB default health-check interval for HTTP(S) target groups. */
const DEFAULT_HEALTH_CHECK_INTERVAL = 30;

export function checkPlanConstraints(resources: ResourceRecord[], options: LimitOptions): LimitProblem[] {
    const { availableZones, ownProgram } = options;
    const problems: LimitProblem[] = [];
    for (const r of resources) {
        const resource = `${displayType(r.type)} ${r.name}`;
        const add = (property: string, value: unknown, allowed: string | undefined, setting?: string) => {
            if (allowed === undefined || !isSet(value) || !isKnown(value)) return;
            const named = ownProgram && setting ? setting : undefined;
            const message = `${resource}: ${property}=${shown(value)} is not valid; allowed: ${allowed}${named ? ` (setting: ${named})` : ""}`;
            problems.push({ urn: r.urn, resource, property, value: shown(value), allowed, ...(named ? { setting: named } : {}), message });
        };
        const i = r.inputs;
        // The provider's own autoname fits its limits (it truncates); a name the program set may not.
        const name = typeof i.name === "string" && i.name !== autoname(r.type, r.name) ? i.name : undefined;
        const checkName = (check: (n: string, autonamed: boolean) => string | undefined) => {
            if (name !== undefined) add("name", name, check(name, false), "appName / stack name");
        };
        switch (r.type) {
            case "aws:lb/loadBalancer:LoadBalancer":
            case "aws:alb/loadBalancer:LoadBalancer":
                checkName(c.checkAlbName);
                break;
            case "aws:lb/targetGroup:TargetGroup":
            case "aws:alb/targetGroup:TargetGroup": {
                checkName(c.checkTargetGroupName);
                const hc = isRecord(i.healthCheck) ? i.healthCheck : {};
                const interval = isSet(hc.interval) ? Number(hc.interval) : DEFAULT_HEALTH_CHECK_INTERVAL;
                add("healthCheck.interval", hc.interval, c.checkHealthCheckInterval(Number(hc.interval)), "healthCheckIntervalSeconds");
                if (isKnown(hc.interval))
                    add("healthCheck.timeout", hc.timeout, c.checkHealthCheckTimeout(Number(hc.timeout), interval), "healthCheckTimeoutSeconds");
                add("healthCheck.healthyThreshold", hc.healthyThreshold, c.checkHealthCheckThreshold(Number(hc.healthyThreshold)), "healthyThreshold");
                add("healthCheck.unhealthyThreshold", hc.unhealthyThreshold, c.checkHealthCheckThreshold(Number(hc.unhealthyThreshold)), "unhealthyThreshold");
                add("healthCheck.matcher", hc.matcher, c.checkHealthCheckMatcher(String(hc.matcher)), "healthCheckMatcher");
                add("healthCheck.path", hc.path, c.checkHealthCheckPath(String(hc.path)), "healthCheckPath");
                add("deregistrationDelay", i.deregistrationDelay, c.checkDeregistrationDelay(Number(i.deregistrationDelay)), "deregistrationDelaySeconds");
                break;
            }
            case "aws:iam/role:Role":
                checkName(c.checkIamRoleName);
                add("path", i.path, c.checkIamPath(String(i.path)));
                break;
            case "aws:iam/rolePolicy:RolePolicy":
                checkName(c.checkIamPolicyName);
                break;
            case "aws:ecr/repository:Repository":
                checkName((n) => c.checkEcrRepositoryName(n));
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                checkName((n) => c.checkLogGroupName(n));
                add("retentionInDays", i.retentionInDays, c.checkRetentionInDays(Number(i.retentionInDays)), "logRetentionDays");
                break;
            case "aws:ec2/securityGroup:SecurityGroup":
                add("description", i.description, c.checkSecurityGroupDescription(String(i.description)));
                break;
            case "aws:ecs/taskDefinition:TaskDefinition":
                checkTaskDefinition(i, add);
                break;
            case "aws:ecs/service:Service": {
                if (!isSet(i.deploymentMinimumHealthyPercent) && !isSet(i.deploymentMaximumPercent)) break;
                if (i.schedulingStrategy === "DAEMON") break;
                const min = Number(i.deploymentMinimumHealthyPercent ?? 100);
                const max = Number(i.deploymentMaximumPercent ?? 200);
                const desired = isKnown(i.desiredCount) ? Number(i.desiredCount ?? 1) : 1;
                if (isKnown([min, max]))
                    add("deployment percents", `${min}/${max}`, c.checkHealthyPercents(min, max, desired), "minHealthyPercent, maxPercent");
                break;
            }
            case "aws:appautoscaling/policy:Policy": {
                const config = isRecord(i.targetTrackingScalingPolicyConfiguration) ? i.targetTrackingScalingPolicyConfiguration : {};
                const metric = String((config.predefinedMetricSpecification as Record<string, unknown> | undefined)?.predefinedMetricType ?? "");
                // The 10–90 percent range is this project's choice; AWS takes any positive target.
                if (ownProgram) {
                    const check = metric === "ALBRequestCountPerTarget" ? c.checkRequestsPerTarget : c.checkPercentTarget;
                    add("targetValue", config.targetValue, check(Number(config.targetValue)), METRIC_SETTING[metric] ?? "autoscaling");
                }
                add("scaleInCooldown", config.scaleInCooldown, c.checkCooldown(Number(config.scaleInCooldown)), "scaleInCooldownSeconds");
                add("scaleOutCooldown", config.scaleOutCooldown, c.checkCooldown(Number(config.scaleOutCooldown)), "scaleOutCooldownSeconds");
                break;
            }
            case "aws:lb/listener:Listener":
            case "aws:alb/listener:Listener":
                add("certificateArn", i.certificateArn, c.checkCertificateArn(String(i.certificateArn)), "certificateArn");
                // AWS accepts every published policy; TLS 1.2+ is this project's own floor (and a policy's).
                if (i.protocol === "HTTPS")
                    add(
                        "sslPolicy",
                        i.sslPolicy,
                        ownProgram ? c.checkTlsPolicy(String(i.sslPolicy)) : c.checkPublishedTlsPolicy(String(i.sslPolicy)),
                        "tlsPolicy",
                    );
                break;
            case "aws:ec2/subnet:Subnet":
                if (availableZones.length > 0 && !availableZones.includes(String(i.availabilityZone)))
                    add("availabilityZone", i.availabilityZone, `one of ${availableZones.join(", ")}`, "azCount");
                break;
        }
        if (isRecord(i.tags)) {
            for (const [k, v] of Object.entries(i.tags)) add(`tags.${k}`, v, c.checkTag(k, String(v)), "tags");
        }
    }
    return [...problems, ...subnetProblems(resources, ownProgram)];
}

type Add = (property: string, value: unknown, allowed: string | undefined, setting?: string) => void;

/** Fargate sizes apply to a task definition that asks for Fargate and sets a size. */
function checkTaskDefinition(i: Record<string, unknown>, add: Add): void {
    const fargate = Array.isArray(i.requiresCompatibilities) && i.requiresCompatibilities.includes("FARGATE");
    if (fargate && (isSet(i.cpu) || isSet(i.memory)) && isKnown([i.cpu, i.memory]))
        add("cpu/memory", `${i.cpu}/${i.memory}`, c.checkFargateSize(Number(i.cpu), Number(i.memory)), "cpu, memory");
    const storage = isRecord(i.ephemeralStorage) ? i.ephemeralStorage.sizeInGib : undefined;
    add("ephemeralStorage.sizeInGib", storage, c.checkEphemeralStorage(Number(storage)), "ephemeralStorageGiB");
    if (typeof i.containerDefinitions !== "string" || !isKnown(i.containerDefinitions) || !isSet(i.cpu) || !isSet(i.memory)) return;
    let containers: { name: string; cpu?: number; memory?: number; memoryReservation?: number }[];
    try {
        containers = JSON.parse(i.containerDefinitions) as typeof containers;
    } catch {
        return; // not JSON: the provider's own Check reports it, and a policy does too
    }
    const task = { cpu: Number(i.cpu), memory: Number(i.memory) };
    add("containerDefinitions", "cpu/memory reservations", c.checkContainerReservations(task, containers), "cpu, memory");
}

/** Subnets with an IPv4 block lie inside their VPC's block and do not overlap. */
function subnetProblems(resources: ResourceRecord[], ownProgram: boolean): LimitProblem[] {
    const problems: LimitProblem[] = [];
    for (const vpc of resources.filter((r) => r.type === "aws:ec2/vpc:Vpc" && typeof r.inputs.cidrBlock === "string")) {
        const subnets = resources
            .filter((r) => r.type === "aws:ec2/subnet:Subnet" && (r.propertyDependencies.vpcId ?? []).includes(vpc.urn) && isSet(r.inputs.cidrBlock))
            .map((r) => String(r.inputs.cidrBlock));
        if (![vpc.inputs.cidrBlock, ...subnets].every(isKnown)) continue;
        const allowed = c.checkSubnetCidrs(String(vpc.inputs.cidrBlock), subnets);
        if (!allowed) continue;
        const setting = ownProgram ? "vpcCidr, azCount" : undefined;
        const resource = `aws:ec2:Subnet in ${vpc.name}`;
        const message = `${resource}: cidrBlock values are not valid; allowed: ${allowed}${setting ? ` (setting: ${setting})` : ""}`;
        problems.push({ urn: vpc.urn, resource, property: "cidrBlock", value: subnets.join(", "), allowed, ...(setting ? { setting } : {}), message });
    }
    return problems;
}
