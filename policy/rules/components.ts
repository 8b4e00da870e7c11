// Opaque awsx components: when the stack shows no children of an awsx component (remote
// components under the offline plan's mocks), its inputs are judged as the resources awsx would
// create from them, by the same checks the pack runs on those resources. When a real preview
// expands the component, its children are in the stack and these rules stay quiet: the child
// rules judge them, so no problem is reported twice.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { derivedChildren, opaqueAwsxComponents } from "../lib/awsxChildren";
import { appliesTo, specOf, stackRule } from "../lib/rule";
import { PreviewConfig, decideOrExplain } from "../lib/undecided";
import { UnknownRead, checkingUnknowns, isUnknownRead, unknownValueError } from "../knowledge/unknowns";
import { iamNoAdminAccess, iamNoPrivilegeEscalation, iamNoServiceWildcards, iamNoWildcardResource } from "./iam";
import { iamTrustConfusedDeputy } from "./iamTrust";
import { logGroupKms, logGroupRetention } from "./logging";
import { albAccessLogs, albDeletionProtection, albDropInvalidHeaders, albHttpsOnly, albTlsPolicy } from "./loadBalancer";
import { ecsFargatePlatformVersion, ecsServiceNoPublicIp, ecsServiceSecurityGroups } from "./service";
import { ecsTaskAwsvpcNetworkMode, ecsTaskNoHostNamespaces } from "./taskDefinition";
import { containerRules } from "./container";
import { ecrImmutableTags, ecrScanOnPush } from "./registry";
import { subnetNoAutoPublicIp } from "./vpc";
import { requiredTags } from "./tagging";
import { securityGroupNoWorldEgressAllPorts, securityGroupNoWorldIngress, securityGroupRuleDescription } from "./securityGroups";

/** The prefix of a component rule's name: `awsx-` and the name of the rule it applies. */
export const COMPONENT_RULE_PREFIX = "awsx-";

/** The stack rule that applies `child`'s check to what opaque awsx components would create. */
export function componentRule(child: ResourceValidationPolicy): StackValidationPolicy {
    const spec = specOf(child);
    if (!spec) throw new Error(`${child.name} is not a resource rule of this pack`);
    return stackRule<PreviewConfig>({
        name: `${COMPONENT_RULE_PREFIX}${spec.name}`,
        description: `${spec.description} Judged on the inputs of awsx components whose children the stack does not show (as ${spec.name} judges what awsx creates).`,
        severity: spec.severity,
        enforcementLevel: spec.enforcementLevel,
        remediationSteps: `On the awsx component's inputs: ${spec.remediationSteps}`,
        anchors: spec.anchors,
        configSchema: spec.configSchema,
        check(graph, config, report) {
            let pending: UnknownRead | undefined;
            for (const component of opaqueAwsxComponents(graph.resources)) {
                for (const child of derivedChildren(component.type, component.props)) {
                    if (!appliesTo(spec, child.type)) continue;
                    const where = ` (judged on this ${component.type}'s inputs: ${child.via})`;
                    const ctx = { type: child.type, name: component.name, urn: component.urn, config };
                    try {
                        // What awsx would create from an input unknown at preview is unknown as a whole.
                        if (!child.props) throw unknownValueError([child.via]);
                        spec.check(checkingUnknowns(child.props), ctx, (message) => report(message + where, component));
                    } catch (e) {
                        if (!isUnknownRead(e)) throw e;
                        // Named by the component and the property of what awsx creates; `where` says which input.
                        const unknown = unknownValueError([component.name, ...e.props.map(String)]);
                        if (config.failClosedAtPreview === true)
                            decideOrExplain(
                                config,
                                (m) => report(m + where, component),
                                () => {
                                    throw unknown;
                                },
                            );
                        else pending ??= unknown;
                    }
                }
            }
            if (pending) throw pending;
        },
    });
}

/** The resource rules whose resources awsx's ECS, load balancer, ECR and VPC components create. */
const childRules: ResourceValidationPolicy[] = [
    ecsServiceNoPublicIp,
    ecsServiceSecurityGroups,
    ecsFargatePlatformVersion,
    ecsTaskAwsvpcNetworkMode,
    securityGroupNoWorldIngress,
    securityGroupNoWorldEgressAllPorts,
    securityGroupRuleDescription,
    ecsTaskNoHostNamespaces,
    ...containerRules,
    logGroupRetention,
    logGroupKms,
    iamNoAdminAccess,
    iamNoServiceWildcards,
    iamNoWildcardResource,
    iamNoPrivilegeEscalation,
    iamTrustConfusedDeputy,
    albHttpsOnly,
    albTlsPolicy,
    albDropInvalidHeaders,
    albDeletionProtection,
    albAccessLogs,
    ecrScanOnPush,
    ecrImmutableTags,
    subnetNoAutoPublicIp,
    requiredTags,
];

export const componentRules = childRules.map(componentRule);
