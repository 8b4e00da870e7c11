// One typed settings object per stack, read from Pulumi config and validated in one place.
// Invalid input fails here, before any resource is registered. Each group's reader reads its
// declared settings (settings/declarations/) and checks how they relate.
import { readApp } from "./appSettings";
import { checkAwsConfig } from "./awsConfig";
import { ConfigReader, RawConfig, SettingsError } from "./configReader";
import { readCostAssumptions } from "./costAssumptions";
import { LOGS, OBSERVABILITY, REGISTRY, ROLES } from "./declarations";
import { readDeployment } from "./deploymentSettings";
import { readEc2 } from "./ec2Settings";
import { readEdge } from "./edgeSettings";
import { readLifecycle } from "./lifecycleSettings";
import { stackSlug } from "./naming";
import { readNetwork } from "./networkSettings";
import { readPipeline } from "./pipelineSettings";
import { readGroup } from "./readGroup";
import { readServiceConnect } from "./serviceConnectSettings";
import { readHealthCheck, readScaling, readService } from "./serviceSettings";
import { readS3Grants } from "./structured";
import { readTask } from "./taskSettings";
import type { Settings } from "./types";

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

/** Every key a run reads (whether set or not): the declarations' keys, unless a reader forgets one. */
export function keysRead(raw: RawConfig, stack: string): string[] {
    const r = new ConfigReader(raw);
    readWith(r, raw, stack, "fargate-web", "us-east-1", { region: "us-east-1" });
    return r.keysRead();
}

function readWith(r: ConfigReader, raw: RawConfig, stack: string, project: string, region: string | undefined, aws: RawConfig): Settings {
    checkAwsConfig(r, aws);
    const app = readApp(r, raw, stack);
    const { profile } = app;
    const task = readTask(r, profile);
    const healthCheck = readHealthCheck(r, profile);
    const scaling = readScaling(r, profile);
    const registry = readGroup(r, REGISTRY, profile);
    const network = readNetwork(r, profile, { secrets: task.secrets, enableExec: task.enableExec, image: registry.image, region });
    const logs = readGroup(r, LOGS, profile);
    const service = readService(r, profile, scaling.desiredCount);
    const { minCount, maxCount } = scaling.autoscaling;
    const settings: Settings = {
        project,
        stack,
        region,
        ...app,
        ...task,
        healthCheck,
        ...scaling,
        ...service,
        deployment: readDeployment(r, profile),
        ...network,
        ...readEdge(r, profile),
        ...logs,
        ...registry,
        ...readGroup(r, ROLES, profile, { values: { s3Grants: readS3Grants(r) } }),
        ...readLifecycle(r, profile),
        ...readGroup(r, OBSERVABILITY, profile),
        costAssumptions: readCostAssumptions(r),
        ec2: readEc2(r, task.launchType, {
            ...task,
            profile,
            prefix: app.names.prefix,
            azCount: network.azCount,
            minCount,
            maxCount,
            maxPercent: service.maxPercent,
        }),
        pipeline: readPipeline(r, { profile, stack, prefix: app.names.prefix, appName: app.appName, stackSlug: stackSlug(stack) }),
        serviceConnect: readServiceConnect(r, { appName: app.appName, containerPort: task.containerPort }),
    };
    r.failUnknownKeys();
    return settings;
}
