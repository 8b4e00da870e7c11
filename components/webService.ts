import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { circuitBreaker, deploymentAlarms, deploymentConfiguration, deploymentTimeoutMinutes, shiftsTraffic } from "../documents/deployment";
import { DeploymentAlarms } from "./deploymentAlarms";
import { DeploymentRoles } from "./deploymentRoles";
import { LoadBalancer } from "./loadBalancer";
import { SecurityGroups } from "./securityGroups";
import { ServiceAlarms } from "./serviceAlarms";
import { ServiceAutoscaling } from "./serviceAutoscaling";
import { serviceConnectConfiguration } from "./serviceConnect";
import { TaskInputs, webTaskDefinition } from "./webTaskDefinition";
import type { SettingsOf } from "../settings/settings";

/** The groups of settings the service is built from, typed by their declarations (settings/declarations/). */
type ServiceGroups = "app" | "task" | "healthCheck" | "scaling" | "autoscaling" | "service" | "deployment" | "network" | "edge" | "lifecycle";
export type WebServiceSettings = Omit<SettingsOf<ServiceGroups | "observability" | "serviceConnect">, "certificateArn"> & {
    /** An ARN from settings, or the stack's own certificate once validated. */
    certificateArn?: pulumi.Input<string>;
};

/** What the service needs beyond the task definition's inputs (image, logs, roles, tags). */
export interface WebServiceArgs extends TaskInputs {
    settings: WebServiceSettings;
    vpcId: pulumi.Input<string>;
    /** The VPC's CIDR, the only source of test traffic; looked up from vpcId when undefined (an adopted VPC). */
    vpcCidr?: pulumi.Input<string>;
    publicSubnetIds: pulumi.Input<string>[];
    privateSubnetIds: pulumi.Input<string>[];
    clusterArn: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    /** The cluster's Service Connect namespace (set with settings.serviceConnect). */
    namespaceArn?: pulumi.Input<string>;
    /** EC2 launch type: the capacity provider the service runs on. */
    ec2CapacityProvider?: pulumi.Input<string>;
    /** CodePipeline's ECS deploy action registers new revisions: Pulumi leaves the service's task definition alone. */
    taskDefinitionDeployedElsewhere?: boolean;
}

/** The Fargate service behind its ALB, with deployment safety, autoscaling and alarms. */
export class WebService extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;
    readonly serviceName: pulumi.Output<string>;
    readonly loadBalancer: LoadBalancer;
    readonly albArnSuffix: pulumi.Output<string>;
    readonly targetGroupArnSuffix: pulumi.Output<string>;
    readonly alarmArns: pulumi.Output<string>[];

    constructor(name: string, args: WebServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:WebService", name, {}, opts);
        const s = args.settings;
        const p = s.names.prefix;
        const d = s.deployment;
        const shifting = shiftsTraffic(d.strategy);
        const testListener = shifting
            ? { port: d.testListenerPort, sourceCidr: args.vpcCidr ?? aws.ec2.getVpcOutput({ id: args.vpcId }, { parent: this }).cidrBlock }
            : undefined;

        const groups = new SecurityGroups(
            p,
            {
                vpcId: args.vpcId,
                containerPort: s.containerPort,
                https: s.certificateArn !== undefined,
                ipv6: s.ipAddressType === "dualstack",
                testListener,
                serviceConnect: s.serviceConnect,
                tags: args.tags,
            },
            { parent: this },
        );
        const lb = new LoadBalancer(
            p,
            {
                albName: s.names.alb,
                targetGroupName: s.names.targetGroup,
                vpcId: args.vpcId,
                publicSubnetIds: args.publicSubnetIds,
                securityGroupId: groups.albSecurityGroupId,
                containerPort: s.containerPort,
                healthCheck: s.healthCheck,
                deregistrationDelaySeconds: s.deregistrationDelaySeconds,
                deletionProtection: s.deletionProtection,
                certificateArn: s.certificateArn,
                tlsPolicy: s.tlsPolicy,
                ipAddressType: s.ipAddressType,
                accessLogsBucket: s.accessLogsBucket,
                trafficShift: shifting ? { alternateTargetGroupName: s.names.alternateTargetGroup, testListenerPort: d.testListenerPort } : undefined,
                tags: args.tags,
            },
            { parent: this },
        );
        const shift = lb.trafficShift;
        const alarms = new DeploymentAlarms(
            p,
            {
                albArnSuffix: lb.arnSuffix,
                targetGroupArnSuffixes: shift ? [lb.targetGroupArnSuffix, shift.alternateTargetGroupArnSuffix] : [lb.targetGroupArnSuffix],
                alarmTopicArn: s.alarmTopicArn,
                tags: args.tags,
            },
            { parent: this },
        );
        const roles = shift
            ? new DeploymentRoles(
                  p,
                  {
                      trafficRoleName: s.names.trafficRole,
                      hookRoleName: s.names.hookRole,
                      loadBalancerName: lb.loadBalancerName,
                      targetGroupNames: [lb.targetGroupName, shift.alternateTargetGroupName],
                      hookFunctionArn: d.hookFunctionArn,
                      tags: args.tags,
                  },
                  { parent: this },
              )
            : undefined;

        const taskDefinition = webTaskDefinition(this, p, s, args);

        const service = new aws.ecs.Service(
            p,
            {
                cluster: args.clusterArn,
                taskDefinition: taskDefinition.arn,
                desiredCount: s.desiredCount,
                capacityProviderStrategies: [{ capacityProvider: args.ec2CapacityProvider ?? (s.spot ? "FARGATE_SPOT" : "FARGATE"), weight: 1 }],
                // Fargate: LATEST is the platform AWS maintains (a pin would fall behind). EC2: tasks spread
                // over AZs first (AZ rebalancing needs it), then packed so instances can scale in.
                platformVersion: args.ec2CapacityProvider ? undefined : "LATEST",
                orderedPlacementStrategies: args.ec2CapacityProvider
                    ? [
                          { type: "spread", field: "attribute:ecs.availability-zone" },
                          { type: "binpack", field: "memory" },
                      ]
                    : undefined,
                // Subnet and group ids are unknown at preview; the graph rules prove them through their dependencies.
                networkConfiguration: { subnets: args.privateSubnetIds, securityGroups: [groups.taskSecurityGroupId], assignPublicIp: false },
                loadBalancers: [
                    {
                        targetGroupArn: lb.targetGroupArn,
                        containerName: s.appName,
                        containerPort: s.containerPort,
                        advancedConfiguration:
                            shift && roles
                                ? {
                                      alternateTargetGroupArn: shift.alternateTargetGroupArn,
                                      productionListenerRule: shift.productionListenerRuleArn,
                                      testListenerRule: shift.testListenerRuleArn,
                                      roleArn: roles.trafficRoleArn,
                                  }
                                : undefined,
                    },
                ],
                serviceConnectConfiguration: serviceConnectConfiguration(s, {
                    namespaceArn: args.namespaceArn,
                    logGroupName: args.logGroupName,
                    region: args.region,
                }),
                deploymentConfiguration: deploymentConfiguration(d, roles?.hookRoleArn),
                // Rollback on the alarms for every strategy; the circuit breaker too where ECS allows it (rolling).
                alarms: deploymentAlarms(alarms.alarmNames),
                deploymentCircuitBreaker: circuitBreaker(d.strategy),
                deploymentMinimumHealthyPercent: s.minHealthyPercent,
                deploymentMaximumPercent: s.maxPercent,
                healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
                availabilityZoneRebalancing: "ENABLED",
                enableExecuteCommand: s.enableExec,
                enableEcsManagedTags: true,
                propagateTags: "SERVICE",
                // `pulumi up` returns only when the new tasks are healthy (or rolled back).
                waitForSteadyState: true,
                tags: args.tags,
            },
            // Autoscaling owns the running count after creation. Bakes and traffic steps are waits by design.
            {
                parent: this,
                dependsOn: [...lb.listeners, alarms],
                ignoreChanges: ["desiredCount", ...(args.taskDefinitionDeployedElsewhere ? ["taskDefinition"] : [])],
                customTimeouts: { create: `${deploymentTimeoutMinutes(d)}m`, update: `${deploymentTimeoutMinutes(d)}m` },
            },
        );

        const common = { clusterName: args.clusterName, serviceName: service.name };
        new ServiceAutoscaling(
            p,
            {
                ...common,
                albArnSuffix: lb.arnSuffix,
                targetGroupArnSuffix: shift ? undefined : lb.targetGroupArnSuffix,
                settings: s.autoscaling,
                tags: args.tags,
                schedules: s.schedules,
            },
            { parent: this },
        );
        const serviceAlarms = new ServiceAlarms(p, { ...common, alarmTopicArn: s.alarmTopicArn, tags: args.tags }, { parent: this });
        this.url = lb.url;
        this.loadBalancer = lb;
        this.albArnSuffix = lb.arnSuffix;
        this.targetGroupArnSuffix = lb.targetGroupArnSuffix;
        this.alarmArns = [...alarms.alarmArns, ...serviceAlarms.alarmArns];
        this.serviceName = service.name;
        this.registerOutputs({ url: this.url, serviceName: this.serviceName });
    }
}
