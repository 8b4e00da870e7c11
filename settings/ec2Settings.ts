// The EC2 launch type's settings: which instances, how many, and whether one task fits at all.
// Counts default from the service's own bounds, so the capacity follows the tasks it must hold.
import { ECS_AMI_PARAMETERS, INSTANCE_TYPES, InstanceSpec, tasksPerInstance } from "../policy/knowledge/ec2Instances";
import featurePrices from "../policy/knowledge/featurePrices.json";
import type { ConfigReader } from "./configReader";
import { defaultFor, EC2 } from "./declarations";
import { declarationsOf } from "./declarations/declare";
import { shortenName } from "./naming";
import type { Profile } from "./profiles";
import type { CpuArchitecture, Ec2CapacitySettings, LaunchType } from "./types";

const EC2_KEYS = declarationsOf(EC2).map((d) => d.key);

/** The profile's instance type per architecture: burstable and small for dev, general purpose for prod. */
const PROFILE_INSTANCE: Record<Profile, Record<CpuArchitecture, string>> = {
    dev: { X86_64: "t3.small", ARM64: "t4g.small" },
    staging: { X86_64: "t3.medium", ARM64: "t4g.medium" },
    prod: { X86_64: "m6i.large", ARM64: "m7g.large" },
};

export interface Ec2Context {
    profile: Profile;
    prefix: string;
    cpu: number;
    memory: number;
    cpuArchitecture: CpuArchitecture;
    azCount: number;
    minCount: number;
    maxCount: number;
    maxPercent: number;
}

const hourly = featurePrices.ec2.instanceHour as Record<string, number>;
const fits = (spec: InstanceSpec, c: Ec2Context) => tasksPerInstance(spec, c.cpu, c.memory).tasks >= 1;

/** The cheapest listed type of the architecture that holds one task. */
function cheapestFitting(c: Ec2Context): string | undefined {
    return Object.entries(INSTANCE_TYPES)
        .filter(([type, spec]) => spec.arch === c.cpuArchitecture && fits(spec, c) && hourly[type] !== undefined)
        .sort(([a], [b]) => hourly[a]! - hourly[b]!)[0]?.[0];
}

export function readEc2(r: ConfigReader, launchType: LaunchType, c: Ec2Context): Ec2CapacitySettings | undefined {
    const given = EC2_KEYS.filter((key) => r.string(key) !== undefined);
    if (launchType !== "ec2") {
        for (const key of given) r.fail(`${key} is set but launchType=${launchType}; allowed: set launchType=ec2, or remove ${key}`);
        return undefined;
    }
    const preferred = PROFILE_INSTANCE[c.profile][c.cpuArchitecture];
    const fallback = fits(INSTANCE_TYPES[preferred]!, c) ? preferred : (cheapestFitting(c) ?? preferred);
    const instanceType = r.value("ec2InstanceType", fallback);
    const spec = INSTANCE_TYPES[instanceType];
    const sameArch = Object.keys(INSTANCE_TYPES).filter((t) => INSTANCE_TYPES[t]!.arch === c.cpuArchitecture);
    if (!spec) return (r.expect("ec2InstanceType", instanceType, `one of ${sameArch.join(", ")}`), undefined);
    if (spec.arch !== c.cpuArchitecture)
        return (
            r.expect("ec2InstanceType", instanceType, `a ${c.cpuArchitecture} type (cpuArchitecture=${c.cpuArchitecture}): ${sameArch.join(", ")}`),
            undefined
        );
    const fit = tasksPerInstance(spec, c.cpu, c.memory);
    if (fit.tasks < 1)
        return (
            r.expect(
                "ec2InstanceType",
                instanceType,
                `a type that holds one task of cpu=${c.cpu}, memory=${c.memory} (${instanceType} has ${spec.vcpus * 1024} cpu units and ${spec.memoryMiB} MiB before ECS reserves memory), e.g. ${cheapestFitting(c) ?? "none listed: lower cpu/memory"}`,
            ),
            undefined
        );

    const per = fit.tasks;
    const atLeastOnePerAz = c.profile === "dev" ? 1 : c.azCount;
    const minInstances = r.value("ec2MinInstances", Math.max(atLeastOnePerAz, Math.ceil(c.minCount / per)));
    const neededForMax = Math.ceil(c.maxCount / per);
    // A rolling deployment at full scale runs maxPercent of the tasks at once.
    const maxInstances = r.value("ec2MaxInstances", Math.max(minInstances, Math.ceil(Math.ceil((c.maxCount * c.maxPercent) / 100) / per)));
    r.expect(
        "ec2MaxInstances",
        maxInstances,
        maxInstances >= neededForMax && maxInstances >= minInstances && maxInstances <= 1000
            ? undefined
            : `${Math.max(neededForMax, minInstances)}–1000 (maxCount=${c.maxCount} tasks at ${per} per ${instanceType} need ${neededForMax}; and at least ec2MinInstances=${minInstances})`,
    );
    const volumeGiB = r.value("ec2VolumeGiB", defaultFor(EC2.settings.volumeGiB, c.profile));
    const instancePolicy = r.value("ec2InstancePolicy", defaultFor(EC2.settings.instancePolicy, c.profile));

    const provider = `${c.prefix}-ec2`;
    return {
        instanceType,
        minInstances,
        maxInstances,
        volumeGiB,
        tasksPerInstance: per,
        amiParameter: ECS_AMI_PARAMETERS[c.cpuArchitecture],
        instancePolicy,
        names: {
            // Capacity provider names may not start with aws, ecs or fargate.
            capacityProvider: shortenName(/^(aws|ecs|fargate)/i.test(provider) ? `cp-${provider}` : provider, 255),
            autoScalingGroup: shortenName(provider, 255),
            launchTemplate: shortenName(provider, 128),
            instanceRole: shortenName(`${c.prefix}-ec2-instance`, 64),
            securityGroup: `${c.prefix}-ec2`,
        },
    };
}
