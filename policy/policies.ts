// Every policy of the pack, resource and stack, in catalog order.
import type { Policies } from "@pulumi/policy";
import { containerRules } from "./rules/container";
import { iamRules } from "./rules/iam";
import { loadBalancerRules } from "./rules/loadBalancer";
import { loggingRules } from "./rules/logging";
import { networkRules } from "./rules/network";
import { registryRules } from "./rules/registry";
import { taggingRules } from "./rules/tagging";
import { costRules } from "./rules/cost";
import { cicdRules } from "./rules/cicd";
import { ec2Rules } from "./rules/ec2";

export const policies: Policies = [
    ...networkRules,
    ...loggingRules,
    ...iamRules,
    ...registryRules,
    ...containerRules,
    ...loadBalancerRules,
    ...taggingRules,
    ...costRules,
    ...cicdRules,
    ...ec2Rules,
];

export const PACK_NAME = "fargate-web-policy";
