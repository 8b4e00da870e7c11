// Per-environment defaults. They differ on purpose: dev is cheap and disposable,
// prod is highly available and protected, staging mirrors prod at a small size.

export const PROFILES = ["dev", "staging", "prod"] as const;
export type Profile = (typeof PROFILES)[number];

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
    },
};
