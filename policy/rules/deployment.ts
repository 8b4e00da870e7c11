// Deployment safety: a bad release rolls back by itself, and the port where a new revision is
// tested before it takes traffic is not open to the internet.
import type { PolicyResource } from "@pulumi/policy";
import { StackGraph, safeProp } from "../lib/graph";
import { Exposure, listenerExposure, ruleExposure } from "../lib/exposure";
import { stackRule } from "../lib/rule";
import { asList, asRecords, asStrings, at, isRecord, show, text, truthy } from "../knowledge/values";

/** A read that may hit a value unknown at preview: `ok: false` instead of a throw. */
function tryRead<T>(read: () => T): { ok: true; value: T } | { ok: false } {
    try {
        return { ok: true, value: read() };
    } catch {
        return { ok: false };
    }
}

/** Why alarms do not roll this service back, or undefined when they do. */
function alarmGap(graph: StackGraph, service: PolicyResource): string | undefined {
    const alarms = service.props.alarms;
    if (!isRecord(alarms)) return "no deployment alarms";
    if (!truthy(alarms.enable) || !truthy(alarms.rollback)) return `alarms.enable=${show(alarms.enable)}, alarms.rollback=${show(alarms.rollback)}`;
    const names = tryRead(() => asStrings(alarms.alarmNames));
    // At preview the names may be computed; alarms in the stack feeding them prove the list is not empty.
    if (!names.ok)
        return graph.inputsOf(service, "alarms", "metricAlarm").length > 0 ? undefined : "alarms.alarmNames is unknown and fed by no alarm in this stack";
    return names.value.length > 0 ? undefined : "alarms.alarmNames is empty";
}

/** Why the circuit breaker does not roll this service back, or undefined when it does. */
function breakerGap(service: PolicyResource, strategy: string): string | undefined {
    const breaker = service.props.deploymentCircuitBreaker;
    if (!isRecord(breaker) || !truthy(breaker.enable) || !truthy(breaker.rollback)) return "no circuit breaker with rollback";
    return strategy === "ROLLING" ? undefined : `a circuit breaker, which ECS applies to rolling deployments only (strategy ${strategy})`;
}

function codeDeployGap(graph: StackGraph, service: PolicyResource): string | undefined {
    const groups = graph
        .ofKind("codeDeployGroup")
        .filter((g) => graph.inputsOf(g, "ecsService", "service").includes(service) || text(at(safeProp(g, "ecsService"), "serviceName")) === service.name);
    if (groups.length === 0) return "deploymentController is CODE_DEPLOY but no CodeDeploy deployment group in this stack deploys it";
    const rollsBack = (g: PolicyResource) => {
        const auto = safeProp(g, "autoRollbackConfiguration");
        const events = asStrings(at(auto, "events"));
        return truthy(at(auto, "enabled")) && (events.includes("DEPLOYMENT_FAILURE") || events.includes("DEPLOYMENT_STOP_ON_ALARM"));
    };
    return groups.some(rollsBack)
        ? undefined
        : `deployment group ${groups[0]!.name} has no autoRollbackConfiguration on DEPLOYMENT_FAILURE or DEPLOYMENT_STOP_ON_ALARM`;
}

export const ecsServiceRollbackPath = stackRule({
    name: "ecs-service-rollback-path",
    description:
        "A failed deployment rolls back by itself: deployment alarms with rollback (any strategy), the circuit breaker with rollback (rolling), or CodeDeploy auto-rollback.",
    severity: "high",
    enforcementLevel: "advisory",
    remediationSteps:
        "Set alarms: { alarmNames: [<5xx rate>, <unhealthy hosts>], enable: true, rollback: true } on the service; for rolling deployments also deploymentCircuitBreaker: { enable: true, rollback: true }. With CodeDeploy, enable autoRollbackConfiguration on DEPLOYMENT_FAILURE.",
    anchors: ["ECS deployment alarms", "ECS deployment circuit breaker", "AWS Well-Architected REL08-BP04"],
    check(graph, _config, report) {
        for (const service of graph.ofKind("service")) {
            const controller = text(at(service.props.deploymentController, "type")) || "ECS";
            if (controller === "CODE_DEPLOY") {
                const gap = codeDeployGap(graph, service);
                if (gap) report(`${gap}; a failed deployment stays.`, service);
                continue;
            }
            if (controller === "EXTERNAL") {
                report("deploymentController is EXTERNAL: rollback is up to a controller the pack cannot see, so it cannot be proven.", service);
                continue;
            }
            const strategy = text(at(service.props.deploymentConfiguration, "strategy")) || "ROLLING";
            const alarms = alarmGap(graph, service);
            const breaker = breakerGap(service, strategy);
            if (alarms && breaker) report(`has no rollback path: ${alarms}, and ${breaker}. A release that fails stays deployed.`, service);
        }
    },
});

type Read = { ok: true; value: unknown } | { ok: false };

/** Each load balancer entry's `key` of advancedConfiguration: known values and how many are unknown. */
function advancedRefs(service: PolicyResource, key: "testListenerRule" | "productionListenerRule") {
    const reads: Read[] = asRecords(service.props.loadBalancers).flatMap((lb) => {
        const config = tryRead(() => lb.advancedConfiguration);
        if (!config.ok) return [{ ok: false as const }];
        return isRecord(config.value) ? [tryRead(() => (config.value as Record<string, unknown>)[key])] : [];
    });
    const present = reads.filter((r) => !r.ok || (r.value !== undefined && r.value !== null && r.value !== ""));
    return { known: present.flatMap((r) => (r.ok ? [r.value] : [])), unknown: present.filter((r) => !r.ok).length };
}

type Report = (message: string, resource?: PolicyResource) => void;

/**
 * With every ARN known, the test rules are named exactly. At preview they are unknown, and both
 * rules feed the same property (loadBalancers): of the rules the service uses that are not named,
 * only as many as its unnamed production rules may be reachable from the internet (an
 * internet-facing app's production rule is); one more means a test rule is.
 */
function checkServiceRules(graph: StackGraph, service: PolicyResource, report: Report) {
    const test = advancedRefs(service, "testListenerRule");
    if (test.known.length + test.unknown === 0) return;
    const production = advancedRefs(service, "productionListenerRule");
    const candidates = graph.inputsOf(service, "loadBalancers", "listenerRule");
    const byArn = (arn: unknown) => graph.withId("listenerRule", arn) ?? candidates.find((r) => safeProp(r, "arn") === arn);
    for (const arn of test.known) {
        const rule = byArn(arn);
        const exposure: Exposure = rule ? ruleExposure(graph, rule) : { kind: "unverifiable", why: `rule ${show(arn)} is not in this stack` };
        if (exposure.kind !== "private") report(`test listener rule ${rule?.name ?? show(arn)} ${verdictText(exposure)}`, service);
    }
    if (test.unknown === 0) return;
    const named = new Set([...test.known, ...production.known].map(byArn).filter((r) => r !== undefined));
    const open = candidates
        .filter((r) => !named.has(r))
        .map((r) => ({ r, e: ruleExposure(graph, r) }))
        .filter(({ e }) => e.kind !== "private");
    if (open.length > production.unknown)
        report(
            `${open.length} of the listener rules its deployments use are reachable from the internet or unproven (${open.map(({ r, e }) => `${r.name}: ${e.why}`).join("; ")}), but only its ${production.unknown} production rule(s) may be: a test listener rule is internet-facing. Put the test listener on a port the load balancer's security groups admit only from inside the VPC.`,
            service,
        );
}

const verdictText = (e: Exposure) =>
    e.kind === "public"
        ? `is reachable from the internet: ${e.why}. Put the test listener on a port the load balancer's security groups admit only from inside the VPC.`
        : `cannot be proven private: ${e.why}.`;

export const ecsTestListenerNotInternetFacing = stackRule({
    name: "ecs-test-listener-not-internet-facing",
    description:
        "The test listener of blue/green, canary and linear deployments (ECS native or CodeDeploy) is not reachable from the internet: untested revisions answer there.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Serve test traffic on its own listener port and admit that port in the load balancer's security group only from the VPC CIDR (or a VPN range), or put it on an internal load balancer.",
    anchors: ["ECS blue/green test traffic", "AwsSolutions-EC23"],
    check(graph, _config, report) {
        for (const service of graph.ofKind("service")) checkServiceRules(graph, service, report);
        for (const group of graph.ofKind("codeDeployGroup")) {
            const pairs = tryRead(() => asRecords(at(group.props.loadBalancerInfo, "targetGroupPairInfo")));
            if (!pairs.ok) continue;
            for (const pair of pairs.value) {
                const arns = tryRead(() => asList(at(pair, "testTrafficRoute", "listenerArns")));
                if (!arns.ok) {
                    report("testTrafficRoute.listenerArns is unknown at preview: cannot tell the test listener from the production one.", group);
                    continue;
                }
                for (const arn of arns.value) {
                    const listener = graph.withId("listener", arn);
                    const exposure: Exposure = listener
                        ? listenerExposure(graph, listener)
                        : { kind: "unverifiable", why: `listener ${show(arn)} is not in this stack` };
                    if (exposure.kind !== "private") report(`test listener ${listener?.name ?? show(arn)} ${verdictText(exposure)}`, group);
                }
            }
        }
    },
});

export const deploymentRules = [ecsServiceRollbackPath, ecsTestListenerNotInternetFacing];
