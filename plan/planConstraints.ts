// AWS create-time limits checked on the planned resources themselves (final names included),
// so a deploy cannot fail twenty minutes in on a name or a number AWS refuses.
import * as c from "../settings/constraints";
import { isRecord } from "../policy/knowledge/values";
import { UserError } from "./errors";
import { ENGINE_UNKNOWN } from "./unknowns";
import { displayType, type ResourceRecord } from "./types";

export class PlanConstraintError extends UserError {
    override name = "PlanConstraintError";
    constructor(readonly problems: string[]) {
        super(`The plan violates AWS limits:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
}

const METRIC_SETTING: Record<string, string> = {
    ECSServiceAverageCPUUtilization: "cpuTargetPercent",
    ECSServiceAverageMemoryUtilization: "memoryTargetPercent",
    ALBRequestCountPerTarget: "requestsPerTarget",
};

/** At preview a value computed from another resource's output is unknown: checked after up instead. */
const isKnown = (value: unknown) => !(JSON.stringify(value) ?? "").includes(ENGINE_UNKNOWN);

/** Every problem as "<type> <name>: <field>=<value> is not valid; allowed: <limit> (setting: <key>)". */
export function checkPlanConstraints(resources: ResourceRecord[], availableZones: string[]): string[] {
    const problems: string[] = [];
    for (const r of resources) {
        const where = `${displayType(r.type)} ${r.name}`;
        const expect = (field: string, value: unknown, allowed: string | undefined, setting: string) => {
            if (allowed !== undefined && isKnown(value))
                problems.push(
                    `${where}: ${field}=${typeof value === "string" ? value : JSON.stringify(value)} is not valid; allowed: ${allowed} (setting: ${setting})`,
                );
        };
        const i = r.inputs;
        const o = r.outputs;
        const name = String(o.name ?? "");
        switch (r.type) {
            case "aws:lb/loadBalancer:LoadBalancer":
                expect("name", name, c.checkAlbName(name, false), "appName / stack name");
                break;
            case "aws:lb/targetGroup:TargetGroup": {
                expect("name", name, c.checkTargetGroupName(name, false), "appName / stack name");
                const hc = isRecord(i.healthCheck) ? i.healthCheck : {};
                expect("healthCheck.interval", hc.interval, c.checkHealthCheckInterval(Number(hc.interval)), "healthCheckIntervalSeconds");
                expect("healthCheck.timeout", hc.timeout, c.checkHealthCheckTimeout(Number(hc.timeout), Number(hc.interval)), "healthCheckTimeoutSeconds");
                expect("healthCheck.healthyThreshold", hc.healthyThreshold, c.checkHealthCheckThreshold(Number(hc.healthyThreshold)), "healthyThreshold");
                expect(
                    "healthCheck.unhealthyThreshold",
                    hc.unhealthyThreshold,
                    c.checkHealthCheckThreshold(Number(hc.unhealthyThreshold)),
                    "unhealthyThreshold",
                );
                expect("healthCheck.matcher", hc.matcher, c.checkHealthCheckMatcher(String(hc.matcher)), "healthCheckMatcher");
                expect("healthCheck.path", hc.path, c.checkHealthCheckPath(String(hc.path)), "healthCheckPath");
                expect("deregistrationDelay", i.deregistrationDelay, c.checkDeregistrationDelay(Number(i.deregistrationDelay)), "deregistrationDelaySeconds");
                break;
            }
            case "aws:iam/role:Role":
                expect("name", name, c.checkIamRoleName(name, false), "appName / stack name");
                if (i.path !== undefined) expect("path", i.path, c.checkIamPath(String(i.path)), "—");
                break;
            case "aws:iam/rolePolicy:RolePolicy":
                expect("name", name, c.checkIamPolicyName(name, false), "appName / stack name");
                break;
            case "aws:ecr/repository:Repository":
                expect("name", name, c.checkEcrRepositoryName(name), "appName / stack name");
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                expect("name", name, c.checkLogGroupName(name), "appName / stack name");
                expect("retentionInDays", i.retentionInDays, c.checkLogRetention(Number(i.retentionInDays)), "logRetentionDays");
                break;
            case "aws:ec2/securityGroup:SecurityGroup":
                expect("description", i.description, c.checkSecurityGroupDescription(String(i.description ?? "")), "—");
                break;
            case "aws:ecs/taskDefinition:TaskDefinition": {
                const cpu = Number(i.cpu);
                const memory = Number(i.memory);
                expect("cpu/memory", `${i.cpu}/${i.memory}`, c.checkFargateSize(cpu, memory), "cpu, memory");
                const storage = isRecord(i.ephemeralStorage) ? Number(i.ephemeralStorage.sizeInGib) : undefined;
                if (storage !== undefined) expect("ephemeralStorage.sizeInGib", storage, c.checkEphemeralStorage(storage), "ephemeralStorageGiB");
                const containers =
                    typeof i.containerDefinitions === "string" && isKnown(i.containerDefinitions)
                        ? (JSON.parse(i.containerDefinitions) as { name: string; cpu?: number; memory?: number; memoryReservation?: number }[])
                        : [];
                expect("containerDefinitions", "cpu/memory reservations", c.checkContainerReservations({ cpu, memory }, containers), "cpu, memory");
                break;
            }
            case "aws:ecs/service:Service": {
                const min = Number(i.deploymentMinimumHealthyPercent ?? 100);
                const max = Number(i.deploymentMaximumPercent ?? 200);
                expect("deployment percents", `${min}/${max}`, c.checkHealthyPercents(min, max, Number(i.desiredCount ?? 1)), "minHealthyPercent, maxPercent");
                break;
            }
            case "aws:appautoscaling/policy:Policy": {
                const config = isRecord(i.targetTrackingScalingPolicyConfiguration) ? i.targetTrackingScalingPolicyConfiguration : {};
                const metric = String((config.predefinedMetricSpecification as Record<string, unknown> | undefined)?.predefinedMetricType ?? "");
                const target = Number(config.targetValue);
                const check = metric === "ALBRequestCountPerTarget" ? c.checkRequestsPerTarget : c.checkPercentTarget;
                expect("targetValue", target, check(target), METRIC_SETTING[metric] ?? "autoscaling");
                expect("scaleInCooldown", config.scaleInCooldown, c.checkCooldown(Number(config.scaleInCooldown)), "scaleInCooldownSeconds");
                expect("scaleOutCooldown", config.scaleOutCooldown, c.checkCooldown(Number(config.scaleOutCooldown)), "scaleOutCooldownSeconds");
                break;
            }
            case "aws:lb/listener:Listener":
                if (i.certificateArn !== undefined)
                    expect("certificateArn", i.certificateArn, c.checkCertificateArn(String(i.certificateArn)), "certificateArn");
                if (i.protocol === "HTTPS") expect("sslPolicy", i.sslPolicy, c.checkTlsPolicy(String(i.sslPolicy)), "tlsPolicy");
                break;
            case "aws:ec2/subnet:Subnet":
                if (i.availabilityZone !== undefined && !availableZones.includes(String(i.availabilityZone)))
                    expect("availabilityZone", i.availabilityZone, `one of ${availableZones.join(", ")}`, "azCount");
                break;
        }
        if (isRecord(i.tags)) {
            for (const [k, v] of Object.entries(i.tags)) expect(`tags.${k}`, v, c.checkTag(k, String(v)), "tags");
        }
    }
    for (const vpc of resources.filter((r) => r.type === "aws:ec2/vpc:Vpc")) {
        const subnets = resources
            .filter((r) => r.type === "aws:ec2/subnet:Subnet" && (r.propertyDependencies.vpcId ?? []).includes(vpc.urn))
            .map((r) => String(r.inputs.cidrBlock));
        if (![vpc.inputs.cidrBlock, ...subnets].every(isKnown)) continue;
        const problem = c.checkSubnetCidrs(String(vpc.inputs.cidrBlock), subnets);
        if (problem) problems.push(`aws:ec2:Subnet in ${vpc.name}: cidrBlock values are not valid; allowed: ${problem} (setting: vpcCidr, azCount)`);
    }
    return problems;
}
