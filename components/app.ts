// Composes the components for one stack. index.ts reads settings and calls this.
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { Cluster } from "./cluster";
import { Dashboard } from "./dashboard";
import { DnsCertificate, hostedZoneIdOf } from "./dnsCertificate";
import { DomainAlias } from "./domainAlias";
import { Ec2Capacity } from "./ec2Capacity";
import { Pipeline } from "./pipeline";
import { Logs } from "./logs";
import { Network } from "./network";
import { Registry } from "./registry";
import { Roles } from "./roles";
import type { Settings } from "../settings/settings";
import { standardTags } from "../documents/tags";
import { WebFirewall } from "./webFirewall";
import { WebService } from "./webService";
import { ecrRepositoryArn, parseEcrImage } from "../policy/knowledge/ecr";

export interface AppOutputs {
    url: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
    serviceName: pulumi.Output<string>;
    repositoryUrl: pulumi.Output<string>;
    logGroupName: pulumi.Output<string>;
    /** Set when egress is nat-instance: the target for `aws ssm start-session`. */
    natInstanceId?: pulumi.Output<string>;
    /** Set when the stack has a dashboard (the `dashboard` setting). */
    dashboardUrl?: pulumi.Output<string>;
    /** Set when the stack has a pipeline (the `pipeline` setting). */
    pipelineUrl?: pulumi.Output<string>;
}

export function deployApp(s: Settings, buildContext = "app"): AppOutputs {
    const tags = standardTags(s);
    const p = s.names.prefix;
    const network = new Network(p, {
        vpcCidr: s.vpcCidr,
        azCount: s.azCount,
        egress: s.egress,
        natInstanceType: s.natInstanceType,
        natRoleName: s.names.natRole,
        interfaceEndpoints: s.interfaceEndpoints,
        existingVpc: s.existingVpc,
        ipv6: s.ipAddressType === "dualstack",
        flowLogs: s.flowLogs
            ? { logGroupName: s.names.flowLogGroup, roleName: s.names.flowLogRole, retentionDays: s.logRetentionDays, kms: s.logKms, protect: s.protect }
            : undefined,
        tags,
    });
    // The instances join the cluster by its (explicit) name, so they can come first.
    const ec2 = s.ec2
        ? new Ec2Capacity(`${p}-ec2`, {
              settings: s.ec2,
              clusterName: s.names.cluster,
              vpcId: network.vpcId,
              privateSubnetIds: network.privateSubnetIds,
              spot: s.spot,
              tags,
          })
        : undefined;
    const cluster = new Cluster(s.names.cluster, {
        name: s.names.cluster,
        spot: s.spot,
        ec2CapacityProvider: ec2?.capacityProviderName,
        execAuditLog: s.enableExec ? { logGroupName: s.names.logGroup, encrypted: s.logKms } : undefined,
        serviceConnectNamespace: s.serviceConnect?.namespace,
        tags,
    });
    const registry = new Registry(p, {
        repositoryName: s.names.repository,
        immutableTags: s.immutableTags,
        keepImages: s.keepImages,
        disposable: s.disposable,
        protect: s.protect,
        image: s.image,
        buildContext,
        platform: s.cpuArchitecture === "ARM64" ? "linux/arm64" : "linux/amd64",
        tags,
    });
    const logs = new Logs(p, { logGroupName: s.names.logGroup, retentionDays: s.logRetentionDays, kms: s.logKms, protect: s.protect, tags });

    const ctx = awsContext({});
    const foreignRepo = s.image === undefined ? undefined : parseEcrImage(s.image);
    const repositoryArns =
        s.image === undefined ? [registry.repositoryArn] : foreignRepo ? [ctx.partition.apply((part) => ecrRepositoryArn(foreignRepo, part))] : [];
    const roles = new Roles(p, {
        executionRoleName: s.names.executionRole,
        taskRoleName: s.names.taskRole,
        repositoryArns,
        logGroupArn: logs.logGroupArn,
        secrets: s.secrets,
        s3Grants: s.s3Grants,
        enableExec: s.enableExec,
        tags,
    });

    // The stack's own host name: a certificate validated in its zone before the listener needs it.
    const zoneId = s.domain ? hostedZoneIdOf(s.domain, {}) : undefined;
    const certificate = s.domain && zoneId ? new DnsCertificate(`${p}-certificate`, { domainName: s.domain.name, zoneId, tags }) : undefined;
    const web = new WebService(p, {
        settings: certificate ? { ...s, certificateArn: certificate.certificateArn } : s,
        vpcId: network.vpcId,
        vpcCidr: s.existingVpc ? undefined : s.vpcCidr,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        clusterArn: cluster.arn,
        clusterName: cluster.name,
        namespaceArn: cluster.namespaceArn,
        imageUri: registry.imageUri,
        imageBuild: registry.imageBuild,
        containerHealthCheck: registry.builtHere,
        logGroupName: logs.logGroupName,
        region: ctx.region,
        executionRoleArn: roles.executionRoleArn,
        taskRoleArn: roles.taskRoleArn,
        ec2CapacityProvider: ec2?.capacityProviderName,
        taskDefinitionDeployedElsewhere: s.pipeline?.deploy === "ecs",
        tags,
    });

    const alias =
        s.domain && zoneId
            ? new DomainAlias(`${p}-domain`, {
                  domainName: s.domain.name,
                  zoneId,
                  albDnsName: web.loadBalancer.dnsName,
                  albZoneId: web.loadBalancer.zoneId,
                  ipv6: s.ipAddressType === "dualstack",
              })
            : undefined;
    if (s.waf)
        new WebFirewall(`${p}-waf`, {
            webAclName: s.names.webAcl,
            loadBalancerArn: web.loadBalancer.arn,
            rateLimitPer5Minutes: s.waf.rateLimitPer5Minutes,
            logGroupName: s.names.wafLogGroup,
            retentionDays: s.logRetentionDays,
            kms: s.logKms,
            protect: s.protect,
            tags,
        });
    const dashboard = s.dashboard
        ? new Dashboard(p, {
              dashboardName: p,
              clusterName: cluster.name,
              serviceName: web.serviceName,
              albArnSuffix: web.albArnSuffix,
              targetGroupArnSuffix: web.targetGroupArnSuffix,
              alarmArns: web.alarmArns,
              logGroupName: logs.logGroupName,
              capacityProviderName: ec2?.capacityProviderName,
          })
        : undefined;
    const pipeline = s.pipeline
        ? new Pipeline(p, {
              settings: s.pipeline,
              repositoryName: s.names.repository,
              buildContext,
              cpuArchitecture: s.cpuArchitecture,
              containerName: s.appName,
              clusterName: s.names.cluster,
              taskFamily: p,
              ecsDeploy: { serviceName: web.serviceName, passRoleNames: [s.names.executionRole, s.names.taskRole] },
              logRetentionDays: s.logRetentionDays,
              logKms: s.logKms,
              protect: s.protect,
              disposable: s.disposable,
              tags,
          })
        : undefined;

    return {
        url: alias?.url ?? web.url,
        clusterName: cluster.name,
        serviceName: web.serviceName,
        repositoryUrl: registry.repositoryUrl,
        logGroupName: logs.logGroupName,
        natInstanceId: network.natInstanceId,
        dashboardUrl: dashboard?.url,
        pipelineUrl: pipeline?.url,
    };
}
