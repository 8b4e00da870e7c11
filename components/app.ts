// Composes the components for one stack. index.ts reads settings and calls this.
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./awsContext";
import { Cluster } from "./cluster";
import { Logs } from "./logs";
import { Network } from "./network";
import { Registry } from "./registry";
import { Roles } from "./roles";
import type { Settings } from "../settings/settings";
import { standardTags } from "../documents/tags";
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
}

export function deployApp(s: Settings, buildContext = "app"): AppOutputs {
    const tags = standardTags(s);
    const p = s.names.prefix;
    const network = new Network(p, {
        namePrefix: p,
        vpcCidr: s.vpcCidr,
        azCount: s.azCount,
        egress: s.egress,
        natInstanceType: s.natInstanceType,
        natRoleName: s.names.natRole,
        interfaceEndpoints: s.interfaceEndpoints,
        existingVpc: s.existingVpc,
        tags,
    });
    const cluster = new Cluster(s.names.cluster, { name: s.names.cluster, spot: s.spot, tags });
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

    const web = new WebService(p, {
        settings: s,
        vpcId: network.vpcId,
        vpcCidr: s.existingVpc ? undefined : s.vpcCidr,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        clusterArn: cluster.arn,
        clusterName: cluster.name,
        imageUri: registry.imageUri,
        imageBuild: registry.imageBuild,
        containerHealthCheck: registry.builtHere,
        logGroupName: logs.logGroupName,
        region: ctx.region,
        executionRoleArn: roles.executionRoleArn,
        taskRoleArn: roles.taskRoleArn,
        tags,
    });

    return {
        url: web.url,
        clusterName: cluster.name,
        serviceName: web.serviceName,
        repositoryUrl: registry.repositoryUrl,
        logGroupName: logs.logGroupName,
        natInstanceId: network.natInstanceId,
    };
}
