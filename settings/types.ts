// The typed settings of one stack, as the components receive them.
import type { CostAssumptions } from "../policy/knowledge/costModel";
import type { InterfaceEndpointService } from "../policy/knowledge/endpoints";
import type { Expiry } from "./expiry";
import type { ResourceNames } from "./naming";
import type { DeploymentStrategy, Egress, Profile } from "./profiles";

export type S3Access = "read" | "read-write";
export interface S3Grant {
    bucket: string;
    access: S3Access;
}
export interface SecretRef {
    /** Environment variable name inside the container. */
    name: string;
    /** Secrets Manager secret ARN or SSM parameter ARN. */
    valueFrom: string;
}
export interface ExistingVpc {
    vpcId: string;
    publicSubnetIds: string[];
    privateSubnetIds: string[];
}
export type CpuArchitecture = "X86_64" | "ARM64";

export interface HealthCheckSettings {
    path: string;
    intervalSeconds: number;
    timeoutSeconds: number;
    healthyThreshold: number;
    unhealthyThreshold: number;
    matcher: string;
}

export interface AutoscalingSettings {
    minCount: number;
    maxCount: number;
    cpuTargetPercent: number;
    memoryTargetPercent: number;
    requestsPerTarget: number;
    scaleInCooldownSeconds: number;
    scaleOutCooldownSeconds: number;
}

/** A scheduled action on the service's scalable target: from `schedule` on, min/max are these. */
export interface ScheduledCapacity {
    name: string;
    /** cron(...) or at(...) as Application Auto Scaling takes it. */
    schedule: string;
    /** IANA time zone the schedule is read in. */
    timezone: string;
    minCount: number;
    maxCount: number;
}

/** ECS deployment strategies (deploymentConfiguration.strategy), as users name them. */
export { DEPLOYMENT_STRATEGIES, type DeploymentStrategy } from "./profiles";

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

export interface DeploymentSettings {
    strategy: DeploymentStrategy;
    /** Minutes blue and green both run after production traffic has fully shifted (not rolling). */
    bakeTimeMinutes: number;
    canaryPercent: number;
    canaryBakeTimeMinutes: number;
    linearStepPercent: number;
    linearStepBakeTimeMinutes: number;
    /** ALB port for test traffic to the new revision, open only inside the VPC (not rolling). */
    testListenerPort: number;
    /** Lambda ECS invokes at `hookStages` (e.g. checks against the test listener before traffic shifts). */
    hookFunctionArn?: string;
    hookStages: LifecycleStage[];
}

export interface Settings {
    project: string;
    stack: string;
    profile: Profile;
    appName: string;
    names: ResourceNames;
    region?: string;
    cpu: number;
    memory: number;
    cpuArchitecture: CpuArchitecture;
    ephemeralStorageGiB: number;
    containerPort: number;
    healthCheck: HealthCheckSettings;
    desiredCount: number;
    autoscaling: AutoscalingSettings;
    /** When a demo stack may be destroyed (expiresAt or ttl); none by default, never on prod. */
    expiry?: Expiry;
    /** Scheduled capacity changes (opt-in): none by default. */
    schedules: ScheduledCapacity[];
    spot: boolean;
    vpcCidr: string;
    azCount: number;
    egress: Egress;
    /** The NAT instance's type when egress is nat-instance. */
    natInstanceType: string;
    /** VPC interface endpoints in the private subnets (endpoints-only needs ECR, logs and the secret stores). */
    interfaceEndpoints: InterfaceEndpointService[];
    existingVpc?: ExistingVpc;
    /** dualstack: the VPC and its subnets get IPv6 blocks and the ALB answers on IPv6 too. */
    ipAddressType: IpAddressType;
    /** Flow logs on the VPC the stack creates, to their own log group. */
    flowLogs: boolean;
    logRetentionDays: number;
    logKms: boolean;
    image?: string;
    keepImages: number;
    immutableTags: boolean;
    s3Grants: S3Grant[];
    secrets: SecretRef[];
    environment: Record<string, string>;
    certificateArn?: string;
    /** The stack's own host name and certificate; exclusive with certificateArn. */
    domain?: DomainSettings;
    tlsPolicy: string;
    deregistrationDelaySeconds: number;
    healthCheckGracePeriodSeconds: number;
    minHealthyPercent: number;
    maxPercent: number;
    deployment: DeploymentSettings;
    enableExec: boolean;
    disposable: boolean;
    deletionProtection: boolean;
    protect: boolean;
    /** Being retired on purpose: protection off, resources tagged so the policy config exempts them. */
    retiring: boolean;
    accessLogsBucket?: string;
    alarmTopicArn?: string;
    tags: Record<string, string>;
    /** Usage the cost estimate assumes (data volumes, image pulls). */
    costAssumptions: CostAssumptions;
    launchType: LaunchType;
    /** EC2 capacity; set exactly when launchType is ec2. */
    ec2?: Ec2CapacitySettings;
    /** CodePipeline for this stack; unset when the stack has none. */
    pipeline?: PipelineSettings;
    dashboard: boolean;
    /** A WAF web ACL on the ALB; unset when the stack has none. */
    waf?: WafSettings;
    /** Service Connect in a Cloud Map namespace the stack creates; unset when off. */
    serviceConnect?: ServiceConnectSettings;
}

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

/** The service's host name: an ACM certificate validated by DNS and an alias to the ALB in the zone. */
export interface DomainSettings {
    name: string;
    /** The public hosted zone, by id... */
    hostedZoneId?: string;
    /** ...or by name, looked up when the program runs (an invoke: known at preview). */
    zoneName?: string;
}

export interface WafSettings {
    /** Requests one client IP may send in 5 minutes before the rate rule blocks it. */
    rateLimitPer5Minutes: number;
}

export type LaunchType = "fargate" | "ec2";
export type IpAddressType = "ipv4" | "dualstack";
export type InstancePolicy = "scoped" | "aws-managed";

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
