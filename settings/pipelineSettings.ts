// The `pipeline` setting: one object naming the source, the Pulumi stack and the roles the pipeline
// may use. Every key is checked here, so a typo fails before any resource is registered.
import { isRecord } from "../policy/knowledge/values";
import type { ConfigReader } from "./configReader";
import { shortenName } from "./naming";
import type { Profile } from "./profiles";
import type { PipelineDeploy, PipelineSettings } from "./types";

export const CONNECTION_ARN = /^arn:aws(?:-cn|-us-gov)?:(?:codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/;
const REPOSITORY = /^[\w.-]+(?:\/[\w.-]+)+$/;
/** git check-ref-format, simplified: no spaces or ~^:?*[\, no "..", no leading "-" or "/", no trailing "/" or ".lock". */
const BRANCH = /^(?![-/])(?!.*\.\.)(?!.*\/\/)(?!.*(?:\/|\.lock)$)[^\s~^:?*[\\]{1,255}$/;
const STACK = /^[\w.-]+(?:\/[\w.-]+){0,2}$/;
const TOKEN_SECRET_ARN = /^arn:aws(?:-cn|-us-gov)?:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const POLICY_CONFIG = /^(?![/.])(?!.*\.\.)[\w./-]+\.json$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** The Pulumi CLI release that matches the @pulumi/pulumi SDK in package.json (they ship together). */
export const PULUMI_CLI_VERSION = "3.270.0";

const RETENTION_DAYS: Record<Profile, number> = { dev: 7, staging: 30, prod: 90 };

const FIELDS = {
    connectionArn: "a CodeConnections connection ARN (arn:aws:codeconnections:<region>:<account>:connection/<id>)",
    repository: "owner/name of the source repository",
    branch: "a git branch name",
    pulumiTokenSecretArn: "a Secrets Manager secret ARN holding the Pulumi access token",
    deployRoleArn: "an IAM role ARN `pulumi up` assumes (arn:aws:iam::<account>:role/<name>)",
    previewRoleArn: "an IAM role ARN `pulumi preview` assumes",
    stack: "a Pulumi stack name (stack, org/stack or org/project/stack)",
    deploy: "pulumi, ecs",
    policyConfig: "a relative path to a policy config .json file",
    pulumiVersion: "a Pulumi CLI version (x.y.z)",
    artifactRetentionDays: "1–3650",
} as const;
const REQUIRED = ["connectionArn", "repository", "branch", "pulumiTokenSecretArn", "deployRoleArn"] as const;
const SHAPE = `{ ${REQUIRED.join(", ")}, and optionally previewRoleArn, stack, deploy, policyConfig, pulumiVersion, artifactRetentionDays }`;

export interface PipelineContext {
    profile: Profile;
    stack: string;
    prefix: string;
    appName: string;
    stackSlug: string;
}

export function readPipeline(r: ConfigReader, c: PipelineContext): PipelineSettings | undefined {
    const value = r.json("pipeline");
    if (value === undefined) return undefined;
    if (!isRecord(value)) return (r.expect("pipeline", value, SHAPE), undefined);
    for (const key of Object.keys(value))
        if (!(key in FIELDS)) r.fail(`pipeline.${key} is not a setting of the pipeline; allowed keys: ${Object.keys(FIELDS).join(", ")}`);
    for (const key of REQUIRED) if (value[key] === undefined) r.fail(`pipeline.${key} is required; allowed: ${FIELDS[key]}`);

    let ok = true;
    /** The value of `key` (or its fallback) when it matches `pattern`; "" after recording the problem. */
    const text = (key: keyof typeof FIELDS, pattern: RegExp, fallback?: string): string => {
        const v = value[key] ?? fallback;
        const valid = typeof v === "string" && pattern.test(v);
        // A missing required key was reported above; report only values that are there and wrong.
        if (!valid && v !== undefined) r.expect(`pipeline.${key}`, v, FIELDS[key]);
        ok &&= valid;
        return valid ? v : "";
    };
    const connectionArn = text("connectionArn", CONNECTION_ARN);
    const repository = text("repository", REPOSITORY);
    const branch = text("branch", BRANCH);
    const pulumiTokenSecretArn = text("pulumiTokenSecretArn", TOKEN_SECRET_ARN);
    const deployRoleArn = text("deployRoleArn", ROLE_ARN);
    const previewRoleArn = text("previewRoleArn", ROLE_ARN, deployRoleArn || undefined);
    const stack = text("stack", STACK, c.stack);
    const deploy = text("deploy", /^(pulumi|ecs)$/, "pulumi") as PipelineDeploy;
    // Shipped configs are named after the profiles; a feature stack of profile dev uses dev.json.
    const policyConfig = text("policyConfig", POLICY_CONFIG, `policy/config/${c.profile}.json`);
    const pulumiVersion = text("pulumiVersion", VERSION, PULUMI_CLI_VERSION);
    const days = value.artifactRetentionDays ?? RETENTION_DAYS[c.profile];
    const daysOk = r.expect(
        "pipeline.artifactRetentionDays",
        days,
        typeof days === "number" && Number.isInteger(days) && days >= 1 && days <= 3650 ? undefined : FIELDS.artifactRetentionDays,
    );
    if (!ok || !daysOk) return undefined;

    const role = (suffix: string) => shortenName(`${c.prefix}-${suffix}`, 64);
    return {
        connectionArn,
        repository,
        branch,
        stack,
        deploy,
        pulumiTokenSecretArn,
        deployRoleArn,
        previewRoleArn,
        policyConfig,
        pulumiVersion,
        artifactRetentionDays: days as number,
        names: {
            pipeline: shortenName(c.prefix, 100),
            buildProject: shortenName(`${c.prefix}-build`, 150),
            gateProject: shortenName(`${c.prefix}-policy-gate`, 150),
            deployProject: shortenName(`${c.prefix}-deploy`, 150),
            logGroup: `/codebuild/${c.appName}/${c.stackSlug}`,
            pipelineRole: role("pipeline"),
            buildRole: role("build"),
            gateRole: role("policy-gate"),
            deployRole: role("deploy"),
            // Bucket names are global: the account id (12 digits) and "-artifacts-" follow.
            bucketPrefix: shortenName(c.prefix, 63 - 12 - "-artifacts-".length),
        },
    };
}
