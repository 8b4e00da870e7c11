// Per-environment defaults. They differ on purpose: dev is cheap and disposable,
// prod is highly available and protected, staging mirrors prod at a small size.

export const PROFILES = ["dev", "staging", "prod"] as const;
export type Profile = (typeof PROFILES)[number];

export const DEPLOYMENT_STRATEGIES = ["rolling", "blue-green", "canary", "linear"] as const;
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

/**
 * How private subnets reach out: a NAT instance (cheapest, one instance: demos), one NAT gateway,
 * a NAT gateway per AZ (an AZ outage stays local), or no NAT at all (VPC endpoints only: tasks
 * reach AWS APIs, never the internet).
 */
export const EGRESS_MODES = ["nat-instance", "nat-single", "nat-per-az", "endpoints-only"] as const;
export type Egress = (typeof EGRESS_MODES)[number];

export interface ProfileDefaults {
    desiredCount: number;
    minCount: number;
    maxCount: number;
    spot: boolean;
    azCount: number;
    egress: Egress;
    logRetentionDays: number;
    /** Stateful resources may be deleted with their contents (ECR images, logs). */
    disposable: boolean;
    deletionProtection: boolean;
    /** Pulumi `protect` on stateful resources. */
    protect: boolean;
    immutableTags: boolean;
    deregistrationDelaySeconds: number;
    minHealthyPercent: number;
    maxPercent: number;
    keepImages: number;
    enableExec: boolean;
    /**
     * Canary in staging and prod: the 5xx alarm needs 3 of 5 one-minute datapoints to fire, so a
     * canary bake of at least 5 minutes lets it roll back while only the canary share of requests
     * sees the new revision; blue/green would shift all traffic before the alarm could speak.
     */
    deployment: DeploymentStrategy;
    bakeTimeMinutes: number;
    canaryBakeTimeMinutes: number;
}

export const PROFILE_DEFAULTS: Readonly<Record<Profile, ProfileDefaults>> = {
    dev: {
        desiredCount: 1,
        minCount: 1,
        maxCount: 2,
        spot: true,
        azCount: 2,
        egress: "nat-instance",
        logRetentionDays: 7,
        disposable: true,
        deletionProtection: false,
        protect: false,
        immutableTags: false,
        deregistrationDelaySeconds: 5,
        minHealthyPercent: 0,
        maxPercent: 200,
        keepImages: 10,
        enableExec: false,
        deployment: "rolling",
        bakeTimeMinutes: 0,
        canaryBakeTimeMinutes: 5,
    },
    staging: {
        desiredCount: 2,
        minCount: 2,
        maxCount: 4,
        spot: false,
        azCount: 2,
        egress: "nat-per-az",
        logRetentionDays: 30,
        disposable: true,
        deletionProtection: false,
        protect: false,
        immutableTags: true,
        deregistrationDelaySeconds: 15,
        minHealthyPercent: 100,
        maxPercent: 200,
        keepImages: 20,
        enableExec: false,
        deployment: "canary",
        bakeTimeMinutes: 5,
        canaryBakeTimeMinutes: 5,
    },
    prod: {
        desiredCount: 3,
        minCount: 3,
        maxCount: 12,
        spot: false,
        azCount: 3,
        egress: "nat-per-az",
        logRetentionDays: 365,
        disposable: false,
        deletionProtection: true,
        protect: true,
        immutableTags: true,
        deregistrationDelaySeconds: 30,
        minHealthyPercent: 100,
        maxPercent: 200,
        keepImages: 50,
        enableExec: false,
        deployment: "canary",
        bakeTimeMinutes: 10,
        canaryBakeTimeMinutes: 10,
    },
};
