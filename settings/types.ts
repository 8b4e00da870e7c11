// The typed settings of one stack, as the components receive them. Each group's values are typed
// by its declarations (settings/declarations/): a setting added to a group reaches Settings, and
// every slice of it a component takes, with no type written here. What stays hand-written is
// what the readers compute (resource names, the EC2 capacity, the pipeline's names).
import type { Static } from "@sinclair/typebox";
import type { CostAssumptions } from "../policy/knowledge/costModel";
import type { Expiry } from "./expiry";
import type { ResourceNames } from "./naming";
import type { GroupValues } from "./declarations";
import type { APP, AUTOSCALING, DEPLOYMENT, EC2, EDGE, GROUPS, HEALTH_CHECK, LIFECYCLE, LOGS, NETWORK, OBSERVABILITY } from "./declarations";
import type { REGISTRY, ROLES, SCALING, SERVICE, TASK } from "./declarations";
import type { DOMAIN, EXISTING_VPC, S3_GRANT, SCHEDULE, SECRET_REF } from "./declarations/shapes";

export { DEPLOYMENT_STRATEGIES, LIFECYCLE_STAGES, type DeploymentStrategy, type LifecycleStage } from "./profiles";

export type S3Grant = Static<typeof S3_GRANT>;
export type S3Access = S3Grant["access"];
export type SecretRef = Static<typeof SECRET_REF>;
export type ExistingVpc = Static<typeof EXISTING_VPC>;
export type ScheduledCapacity = Static<typeof SCHEDULE>;
export type DomainSettings = Static<typeof DOMAIN>;
export type HealthCheckSettings = GroupValues<typeof HEALTH_CHECK>;
export type AutoscalingSettings = GroupValues<typeof AUTOSCALING>;
export type DeploymentSettings = GroupValues<typeof DEPLOYMENT>;
export type CpuArchitecture = GroupValues<typeof TASK>["cpuArchitecture"];
export type LaunchType = GroupValues<typeof TASK>["launchType"];
export type IpAddressType = GroupValues<typeof NETWORK>["ipAddressType"];
export type InstancePolicy = NonNullable<GroupValues<typeof EC2>["instancePolicy"]>;

/** What each group adds to Settings: its values, or (for groups a reader assembles) the object it builds. */
export interface SettingsByGroup {
    app: GroupValues<typeof APP> & { names: ResourceNames };
    task: GroupValues<typeof TASK>;
    healthCheck: { healthCheck: HealthCheckSettings };
    scaling: GroupValues<typeof SCALING>;
    autoscaling: { autoscaling: AutoscalingSettings };
    service: GroupValues<typeof SERVICE>;
    deployment: { deployment: DeploymentSettings };
    network: GroupValues<typeof NETWORK>;
    edge: GroupValues<typeof EDGE>;
    /** A WAF web ACL on the ALB; unset when the stack has none. */
    firewall: { waf?: WafSettings };
    logs: GroupValues<typeof LOGS>;
    registry: GroupValues<typeof REGISTRY>;
    roles: GroupValues<typeof ROLES>;
    lifecycle: GroupValues<typeof LIFECYCLE>;
    /** When a demo stack may be destroyed (expiresAt or ttl); none by default, never on prod. */
    expiry: { expiry?: Expiry };
    observability: GroupValues<typeof OBSERVABILITY>;
    /** Usage the cost estimate assumes (data volumes, image pulls). */
    costAssumptions: { costAssumptions: CostAssumptions };
    /** EC2 capacity; set exactly when launchType is ec2. */
    ec2: { ec2?: Ec2CapacitySettings };
    /** CodePipeline for this stack; unset when the stack has none. */
    pipeline: { pipeline?: PipelineSettings };
    /** Service Connect in a Cloud Map namespace the stack creates; unset when off. */
    serviceConnect: { serviceConnect?: ServiceConnectSettings };
}

// Every declared group has its entry above, and no other: a new group fails to compile until it does.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyGroupTyped: Same<keyof SettingsByGroup, (typeof GROUPS)[number]["name"]> = true;
void everyGroupTyped;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Flat<T> = { [K in keyof T]: T[K] };

/** The settings of some groups: the slice a component takes, typed from the declarations. */
export type SettingsOf<G extends keyof SettingsByGroup> = Flat<Intersection<SettingsByGroup[G]>>;

export type Settings = Flat<{ project: string; stack: string; region?: string } & SettingsOf<keyof SettingsByGroup>>;

export interface ServiceConnectSettings {
    /** The HTTP namespace's name (the stack creates it and makes it the cluster's default). */
    namespace: string;
    /** The port the task accepts Service Connect traffic on (the container port unless set). */
    port: number;
    discoveryName: string;
    /** What clients in the namespace call: dnsName:port. */
    clientAlias: { port: number; dnsName: string };
    /** Groups outside the stack (other services of the namespace) allowed to the port. */
    peerSecurityGroupIds: string[];
}

export interface WafSettings {
    /** Requests one client IP may send in 5 minutes before the rate rule blocks it. */
    rateLimitPer5Minutes: number;
}

export interface Ec2CapacitySettings {
    instanceType: string;
    minInstances: number;
    maxInstances: number;
    volumeGiB: number;
    /** Tasks of this size one instance holds (cpu, memory and awsvpc interfaces). */
    tasksPerInstance: number;
    /** Public SSM parameter naming the ECS-optimized AMI for the architecture. */
    amiParameter: string;
    instancePolicy: InstancePolicy;
    names: { capacityProvider: string; autoScalingGroup: string; launchTemplate: string; instanceRole: string; securityGroup: string };
}

export type PipelineDeploy = "pulumi" | "ecs";

export interface PipelineSettings {
    /** CodeConnections (or CodeStar Connections) connection to the source repository. */
    connectionArn: string;
    /** owner/name of the source repository. */
    repository: string;
    branch: string;
    /** The Pulumi stack the pipeline previews and updates. */
    stack: string;
    deploy: PipelineDeploy;
    /** Secrets Manager secret holding the Pulumi access token. */
    pulumiTokenSecretArn: string;
    /** Role `pulumi up` assumes to change the stack's resources. */
    deployRoleArn: string;
    /** Role `pulumi preview` assumes (read-only is enough); defaults to deployRoleArn. */
    previewRoleArn: string;
    /** Policy pack config the gate and the deploy enforce. */
    policyConfig: string;
    pulumiVersion: string;
    artifactRetentionDays: number;
    names: {
        pipeline: string;
        buildProject: string;
        gateProject: string;
        deployProject: string;
        logGroup: string;
        pipelineRole: string;
        buildRole: string;
        gateRole: string;
        deployRole: string;
        /** The artifact bucket's name is this plus the account id (bucket names are global). */
        bucketPrefix: string;
    };
}
