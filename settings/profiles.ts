// The profiles and the choices some settings offer. Each setting's default per profile is in its
// declaration (settings/declarations/): dev is cheap and disposable, prod is highly available and
// protected, staging mirrors prod at a small size.

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

/** ECS lifecycle stages a hook may run at (DeploymentLifecycleHook.lifecycleStages). */
export const LIFECYCLE_STAGES = [
    "RECONCILE_SERVICE",
    "PRE_SCALE_UP",
    "POST_SCALE_UP",
    "TEST_TRAFFIC_SHIFT",
    "POST_TEST_TRAFFIC_SHIFT",
    "PRODUCTION_TRAFFIC_SHIFT",
    "POST_PRODUCTION_TRAFFIC_SHIFT",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
