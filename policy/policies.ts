// Every policy of the pack, resource and stack, in catalog order.
import type { Policies } from "@pulumi/policy";
import { containerRules } from "./rules/container";
import { deploymentRules } from "./rules/deployment";
import { iamRules } from "./rules/iam";
import { loadBalancerRules } from "./rules/loadBalancer";
import { loggingRules } from "./rules/logging";
import { networkRules } from "./rules/network";
import { registryRules } from "./rules/registry";
import { taggingRules } from "./rules/tagging";
import { costRules } from "./rules/cost";
import { kmsRules } from "./rules/kms";
import { encryptionRules } from "./rules/encryption";
import { vpcRules } from "./rules/vpc";
import { securityGroupHygieneRules } from "./rules/securityGroups";
import { iamTrustRules } from "./rules/iamTrust";
import { iamEscalationRules } from "./rules/iamEscalation";
import { loadBalancerDesyncRules } from "./rules/loadBalancerDesync";
import { cicdRules } from "./rules/cicd";
import { ec2Rules } from "./rules/ec2";
import { wafRules } from "./rules/waf";
import { ecsExecRules } from "./rules/ecsExec";
import { componentRules } from "./rules/components";
import { s3Rules } from "./rules/s3";
import { scheduledCapacityRules } from "./rules/scheduledCapacity";
import { expiryRules } from "./rules/expiry";
import { policyExemptions } from "./rules/exemptions";

export const policies: Policies = [
    ...networkRules,
    ...loggingRules,
    ...iamRules,
    ...registryRules,
    ...containerRules,
    ...loadBalancerRules,
    ...deploymentRules,
    ...taggingRules,
    ...costRules,
    ...iamTrustRules,
    ...iamEscalationRules,
    ...vpcRules,
    ...securityGroupHygieneRules,
    ...loadBalancerDesyncRules,
    ...kmsRules,
    ...encryptionRules,
    ...cicdRules,
    ...ec2Rules,
    ...wafRules,
    ...ecsExecRules,
    ...componentRules,
    ...s3Rules,
    ...scheduledCapacityRules,
    ...expiryRules,
    // Last: it reports what the others exempted.
    policyExemptions,
];

export const PACK_NAME = "fargate-web-policy";
