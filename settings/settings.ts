// One typed settings object per stack, read from Pulumi config and validated in one place.
// Invalid input fails here, before any resource is registered.
import * as c from "./constraints";
import { checkAwsConfig } from "./awsConfig";
import { ConfigReader, RawConfig, SettingsError } from "./configReader";
import { APP_NAME, SNS_ARN, BUCKET, checkImageReference } from "./formats";
import { readDeployment } from "./deployment";
import { readLifecycle } from "./lifecycle";
import { resourceNames } from "./naming";
import { readCostAssumptions } from "./costAssumptions";
import { readEgress } from "./egress";
import { PROFILES, PROFILE_DEFAULTS, Profile } from "./profiles";
import { readEnvironment, readExistingVpc, readS3Grants, readSecrets, readTags } from "./structured";
import type { CpuArchitecture, LaunchType, Settings } from "./types";
import { readHealthCheck, readScaling } from "./serviceSettings";
import { readSchedules } from "./scheduleSettings";
import { readExpiry } from "./expiry";
import { LAUNCH_TYPES, readEc2 } from "./ec2Settings";
import { readPipeline } from "./pipelineSettings";
import { readEdge } from "./edgeSettings";
import { readServiceConnect } from "./serviceConnectSettings";
import { stackSlug } from "./naming";

export { SettingsError } from "./configReader";
export type { RawConfig } from "./configReader";

export type * from "./types";
export { checkImageReference } from "./formats";

/**
 * Reads and validates every setting; throws SettingsError listing all problems. `aws` is the
 * stack's `aws:` config (keys without the namespace), checked for typos and a real region.
 */
export function readSettings(
    raw: RawConfig,
    stack: string,
    project = "fargate-web",
    region?: string,
    aws: RawConfig = region ? { region } : {},
    secretKeys: readonly string[] = [],
): Settings {
    const r = new ConfigReader(raw, secretKeys);
    const settings = readWith(r, raw, stack, project, region, aws);
    if (r.problems.length > 0) throw new SettingsError(r.problems);
    return settings;
}

/** Every setting key the program reads, with its default for a profile (docs/settings.md is checked against it). */
export function settingDefaults(profile: Profile): ReadonlyMap<string, unknown> {
    const r = new ConfigReader({ profile });
    readWith(r, { profile }, "docs", "fargate-web", "us-east-1", { region: "us-east-1" });
    return r.defaults;
}

function readWith(r: ConfigReader, raw: RawConfig, stack: string, project: string, region: string | undefined, aws: RawConfig): Settings {
    checkAwsConfig(r, aws);
    const profile = r.oneOf("profile", PROFILES, (PROFILES as readonly string[]).includes(stack) ? (stack as Profile) : "dev");
    if (raw.profile === undefined && !(PROFILES as readonly string[]).includes(stack)) {
        r.fail(`profile is not set for stack '${stack}'; allowed: ${PROFILES.join(", ")} (set it with: pulumi config set profile dev)`);
    }
    const d = PROFILE_DEFAULTS[profile];

    const appName = r.string("appName", "web");
    const names = resourceNames(appName, stack);
    // One limit per message: the names derived from appName are checked once it is well-formed.
    if (r.expect("appName", appName, APP_NAME.test(appName) ? undefined : "2–30 lowercase letters, digits and hyphens, starting with a letter"))
        r.expect("appName", appName, c.checkAlbName(names.alb) ?? c.checkEcrRepositoryName(names.repository) ?? c.checkLogGroupName(names.logGroup));

    const cpu = r.int("cpu", 256);
    const memory = r.int("memory", 512);
    const sizeProblem = r.refused("cpu") || r.refused("memory") ? undefined : c.checkFargateSize(cpu, memory);
    if (sizeProblem?.startsWith("cpu ")) r.expect("cpu", cpu, sizeProblem.slice(4));
    else if (sizeProblem) r.fail(`memory=${memory} is not valid with cpu=${cpu}; allowed: ${sizeProblem}`);
    const cpuArchitecture = r.oneOf<CpuArchitecture>("cpuArchitecture", ["X86_64", "ARM64"], "X86_64");
    const ephemeralStorageGiB = r.int("ephemeralStorageGiB", 21);
    r.expect("ephemeralStorageGiB", ephemeralStorageGiB, c.checkEphemeralStorage(ephemeralStorageGiB));

    const containerPort = r.int("containerPort", 8080);

    const healthCheck = readHealthCheck(r);
    const { desiredCount, autoscaling } = readScaling(r, profile, d);

    const spot = r.bool("spot", d.spot);
    const vpcCidr = r.string("vpcCidr", "10.0.0.0/16");
    const vpcOk = r.expect("vpcCidr", vpcCidr, c.checkVpcCidr(vpcCidr));
    const azCount = r.int("azCount", d.azCount);
    const azOk = r.expect("azCount", azCount, c.checkAzCount(azCount));
    if (profile === "prod" && azCount < 2) r.fail(`azCount=${azCount} is not valid for profile prod; allowed: 2 or more`);
    if (vpcOk && azOk) {
        const subnets = c.splitCidr(vpcCidr, azCount * 2);
        r.expect("vpcCidr", vpcCidr, c.checkSubnetCidrs(vpcCidr, subnets) && `a VPC large enough for ${azCount * 2} subnets of /28 or larger`);
    }
    const existingVpc = readExistingVpc(r, azCount);

    const logRetentionDays = r.int("logRetentionDays", d.logRetentionDays);
    r.expect("logRetentionDays", logRetentionDays, c.checkLogRetention(logRetentionDays));
    const logKms = r.bool("logKms", profile === "prod");

    const image = r.string("image");
    if (image !== undefined) r.expect("image", image, checkImageReference(image));
    const keepImages = r.int("keepImages", d.keepImages);
    const immutableTags = r.bool("immutableTags", d.immutableTags);

    const s3Grants = readS3Grants(r);
    const secrets = readSecrets(r);
    const environment = readEnvironment(r, secrets);
    const enableExec = r.bool("enableExec", d.enableExec);
    const { egress, natInstanceType, interfaceEndpoints } = readEgress(r, {
        profile,
        defaultEgress: d.egress,
        existingVpc,
        secrets,
        enableExec,
        image,
        region,
    });

    const edge = readEdge(r, profile, existingVpc);
    const tlsPolicy = r.string("tlsPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
    r.expect("tlsPolicy", tlsPolicy, c.checkTlsPolicy(tlsPolicy));

    const deregistrationDelaySeconds = r.int("deregistrationDelaySeconds", d.deregistrationDelaySeconds);
    r.expect("deregistrationDelaySeconds", deregistrationDelaySeconds, c.checkDeregistrationDelay(deregistrationDelaySeconds));
    const healthCheckGracePeriodSeconds = r.int("healthCheckGracePeriodSeconds", 30);
    const minHealthyPercent = r.int("minHealthyPercent", d.minHealthyPercent);
    const maxPercent = r.int("maxPercent", d.maxPercent);
    const percentProblem = c.checkHealthyPercents(minHealthyPercent, maxPercent, desiredCount);
    if (percentProblem)
        r.fail(`minHealthyPercent=${minHealthyPercent}, maxPercent=${maxPercent} are not valid with desiredCount=${desiredCount}; allowed: ${percentProblem}`);

    const deployment = readDeployment(r, d);

    const accessLogsBucket = r.string("accessLogsBucket");
    if (accessLogsBucket !== undefined)
        r.expect(
            "accessLogsBucket",
            accessLogsBucket,
            BUCKET.test(accessLogsBucket) ? undefined : "an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)",
        );
    const alarmTopicArn = r.string("alarmTopicArn");
    if (alarmTopicArn !== undefined)
        r.expect("alarmTopicArn", alarmTopicArn, SNS_ARN.test(alarmTopicArn) ? undefined : "arn:aws:sns:<region>:<account>:<topic>");

    const lifecycle = readLifecycle(r, d);
    const launchType = r.oneOf<LaunchType>("launchType", LAUNCH_TYPES, "fargate");
    const { minCount, maxCount } = autoscaling;
    const ec2 = readEc2(r, launchType, {
        profile,
        prefix: names.prefix,
        cpu,
        memory,
        cpuArchitecture,
        azCount,
        minCount,
        maxCount,
        maxPercent,
        ephemeralStorageGiB,
    });
    const pipeline = readPipeline(r, { profile, stack, prefix: names.prefix, appName, stackSlug: stackSlug(stack) });

    const settings: Settings = {
        project,
        stack,
        profile,
        appName,
        names,
        region,
        cpu,
        memory,
        cpuArchitecture,
        ephemeralStorageGiB,
        containerPort,
        healthCheck,
        desiredCount,
        autoscaling,
        schedules: readSchedules(r, profile, autoscaling),
        spot,
        vpcCidr,
        azCount,
        egress,
        natInstanceType,
        interfaceEndpoints,
        existingVpc,
        logRetentionDays,
        logKms,
        image,
        keepImages,
        immutableTags,
        s3Grants,
        secrets,
        environment,
        ...edge,
        serviceConnect: readServiceConnect(r, { appName, containerPort }),
        tlsPolicy,
        deregistrationDelaySeconds,
        healthCheckGracePeriodSeconds,
        minHealthyPercent,
        maxPercent,
        deployment,
        enableExec,
        ...lifecycle,
        expiry: readExpiry(r, profile),
        accessLogsBucket,
        alarmTopicArn,
        tags: readTags(r),
        costAssumptions: readCostAssumptions(r),
        launchType,
        ec2,
        pipeline,
        // Every profile: a dashboard costs $3/month (the first three per account are free) and is where a failing deploy is looked at first.
        dashboard: r.bool("dashboard", true),
    };
    r.failUnknownKeys();
    return settings;
}
