// Every policy of the pack, resource and stack, in catalog order: one family per resource, each
// file in rules/ exporting one list (tests/policy/families.spec.ts holds the layout to that).
import type { Policies } from "@pulumi/policy";
import { serviceRules } from "./rules/service";
import { deploymentRules } from "./rules/deployment";
import { taskDefinitionRules } from "./rules/taskDefinition";
import { containerRules } from "./rules/container";
import { taskRoleRules } from "./rules/taskRoles";
import { clusterRules } from "./rules/cluster";
import { ec2Rules } from "./rules/ec2";
import { instanceRoleRules } from "./rules/instanceRole";
import { securityGroupsRules } from "./rules/securityGroups";
import { vpcRules } from "./rules/vpc";
import { loadBalancerRules } from "./rules/loadBalancer";
import { wafRules } from "./rules/waf";
import { loggingRules } from "./rules/logging";
import { iamRules } from "./rules/iam";
import { iamManagedRules } from "./rules/iamManaged";
import { iamTrustRules } from "./rules/iamTrust";
import { registryRules } from "./rules/registry";
import { kmsRules } from "./rules/kms";
import { s3Rules } from "./rules/s3";
import { cicdRules } from "./rules/cicd";
import { taggingRules } from "./rules/tagging";
import { costRules } from "./rules/cost";
import { scheduledCapacityRules } from "./rules/scheduledCapacity";
import { expiryRules } from "./rules/expiry";
import { componentRules } from "./rules/components";
import { exemptionRules } from "./rules/exemptions";

/** The families in catalog order: the ECS resources, then network, edge, logs, identity, storage, CI/CD and conventions. */
export const ruleFamilies = {
    service: serviceRules,
    deployment: deploymentRules,
    taskDefinition: taskDefinitionRules,
    container: containerRules,
    taskRoles: taskRoleRules,
    cluster: clusterRules,
    ec2: ec2Rules,
    instanceRole: instanceRoleRules,
    securityGroups: securityGroupsRules,
    vpc: vpcRules,
    loadBalancer: loadBalancerRules,
    waf: wafRules,
    logging: loggingRules,
    iam: iamRules,
    iamManaged: iamManagedRules,
    iamTrust: iamTrustRules,
    registry: registryRules,
    kms: kmsRules,
    s3: s3Rules,
    cicd: cicdRules,
    tagging: taggingRules,
    cost: costRules,
    scheduledCapacity: scheduledCapacityRules,
    expiry: expiryRules,
    components: componentRules,
    // Last: it reports what the others exempted.
    exemptions: exemptionRules,
};

export const policies: Policies = Object.values(ruleFamilies).flat();

export const PACK_NAME = "fargate-web-policy";
