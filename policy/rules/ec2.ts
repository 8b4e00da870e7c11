// ECS container instances (the EC2 launch type): the instance metadata stays out of the tasks' reach,
// nothing is public and volumes are encrypted. The instance's role is judged in instanceRole.ts.
import type { PolicyResource } from "@pulumi/policy";
import { ContainerInstanceConfig, containerInstanceConfigs, knownAt, probe, userDataText } from "../lib/containerInstances";
import { stackRule } from "../lib/rule";
import { subnetVerdict } from "../lib/routes";
import { asRecords, show, truthy } from "../knowledge/values";
import type { StackGraph } from "../lib/graph";

type Report = (message: string, resource?: PolicyResource) => void;

/** Runs `check` on each container instance configuration, reading one property path. */
function eachConfig(graph: StackGraph, report: Report, path: string[], check: (value: unknown, c: ContainerInstanceConfig) => void) {
    for (const c of containerInstanceConfigs(graph)) {
        const read = probe(() => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], c.config.props));
        if (!read.known) report(`${read.path} is unknown at preview: unverifiable, so not accepted.`, c.config);
        else check(read.value, c);
    }
}

export const ecsContainerInstanceImdsv2 = stackRule({
    name: "ecs-container-instance-imdsv2",
    description: "ECS container instances require IMDSv2 session tokens (metadataOptions.httpTokens = required).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set metadataOptions: { httpTokens: "required" } on the launch template (or launch configuration, or instance).',
    anchors: ["EC2.8", "CKV_AWS_79", "AwsSolutions-EC29"],
    check(graph, _config, report) {
        eachConfig(graph, report, ["metadataOptions", "httpTokens"], (tokens, c) => {
            if (tokens !== "required")
                report(
                    `metadataOptions.httpTokens is ${show(tokens ?? "unset (the AMI's default)")}; IMDSv1 hands the instance role to any request forgery. Set it to "required".`,
                    c.config,
                );
        });
    },
});

export const ecsContainerInstanceHopLimit = stackRule({
    name: "ecs-container-instance-hop-limit",
    description:
        "Tasks cannot reach the instance role: the metadata hop limit is 1 (containers behind a bridge) and the agent blocks IMDS for awsvpc tasks (ECS_AWSVPC_BLOCK_IMDS=true).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set metadataOptions.httpPutResponseHopLimit to 1, and put ECS_AWSVPC_BLOCK_IMDS=true in /etc/ecs/ecs.config through the user data. Tasks get their own task role.",
    anchors: ["ECS best practices: IMDS"],
    check(graph, _config, report) {
        eachConfig(graph, report, ["metadataOptions", "httpPutResponseHopLimit"], (hops, c) => {
            if (Number(hops) !== 1)
                report(
                    `metadataOptions.httpPutResponseHopLimit is ${show(hops ?? "unset (2 on Amazon Linux 2023 AMIs)")}; containers can fetch the instance role's credentials. Set it to 1.`,
                    c.config,
                );
            if (!/^\s*ECS_AWSVPC_BLOCK_IMDS\s*=\s*true\s*$/m.test(userDataText(c.config)))
                report("user data does not set ECS_AWSVPC_BLOCK_IMDS=true; awsvpc tasks can reach the instance metadata service and its role.", c.config);
        });
    },
});

export const ecsContainerInstanceNoPublicIp = stackRule({
    name: "ecs-container-instance-no-public-ip",
    description: "ECS container instances get no public IP address.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set associatePublicIpAddress to "false" (launch template network interfaces) or false, and launch into private subnets.',
    anchors: ["EC2.9", "CKV_AWS_88", "AutoScaling.5"],
    check(graph, _config, report) {
        for (const c of containerInstanceConfigs(graph)) {
            const read = probe(() => [
                c.config.props.associatePublicIpAddress,
                ...asRecords(c.config.props.networkInterfaces).map((n) => n.associatePublicIpAddress),
            ]);
            if (!read.known) report(`${read.path} is unknown at preview: unverifiable, so not accepted.`, c.config);
            else if (read.value.some(truthy)) report("associates a public IP address; container instances belong in private subnets without one.", c.config);
        }
    },
});

/** Every EBS volume a configuration declares, with its encryption flag, by the resource's own shape. */
function volumes(props: Record<string, unknown>): { where: string; encrypted: unknown }[] {
    const ebs = (v: unknown) => (v as Record<string, unknown> | undefined) ?? {};
    return [
        // Launch templates and launch configurations: device mappings; instance-store ones have no ebs block.
        ...asRecords(props.blockDeviceMappings).flatMap((m, i) =>
            m.ebs === undefined ? [] : [{ where: `blockDeviceMappings[${i}] (${show(m.deviceName)})`, encrypted: ebs(m.ebs).encrypted }],
        ),
        // Instances and launch configurations: the root and further EBS devices.
        ...(props.rootBlockDevice === undefined ? [] : [{ where: "rootBlockDevice", encrypted: ebs(props.rootBlockDevice).encrypted }]),
        ...asRecords(props.ebsBlockDevices).map((d, i) => ({ where: `ebsBlockDevices[${i}]`, encrypted: d.encrypted })),
    ];
}

export const ecsContainerInstanceEbsEncrypted = stackRule<{ accountEncryptsEbsByDefault: boolean }>({
    name: "ecs-container-instance-ebs-encrypted",
    description: "ECS container instances declare their volumes encrypted (the root volume included).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Declare the root device (/dev/xvda on the ECS-optimized AMI) with ebs: { encrypted: "true" }. If the account turns on EBS encryption by default, say so with accountEncryptsEbsByDefault.',
    anchors: ["EC2.7", "CKV_AWS_8", "AwsSolutions-EC26"],
    configSchema: { properties: { accountEncryptsEbsByDefault: { type: "boolean", default: false } } },
    check(graph, config, report) {
        for (const c of containerInstanceConfigs(graph)) {
            const read = probe(() => volumes(c.config.props).map((v) => ({ ...v, encrypted: truthy(v.encrypted) })));
            if (!read.known) {
                report(`${read.path} is unknown at preview: unverifiable, so not accepted.`, c.config);
                continue;
            }
            for (const v of read.value.filter((x) => !x.encrypted)) report(`${v.where} is not encrypted; set encrypted to true.`, c.config);
            if (read.value.length === 0 && !config.accountEncryptsEbsByDefault)
                report(
                    "declares no volumes: the root volume takes the AMI snapshot's (unencrypted) setting. Declare it encrypted, or set accountEncryptsEbsByDefault if the account enforces it.",
                    c.config,
                );
        }
    },
});

/** Subnets of a group (vpcZoneIdentifiers) or instance (subnetId): from the graph, and by the ids known at preview. */
function subnetsOf(graph: StackGraph, r: PolicyResource, prop: "vpcZoneIdentifiers" | "subnetId"): { inStack: PolicyResource[]; outside: string[] } {
    const inStack = graph.inputsOf(r, prop, "subnet");
    const value = knownAt(r, prop);
    // Element by element: at preview some ids may be unknown while the graph still names their subnets.
    const ids = Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => knownAt(r, prop, String(i))) : [value];
    const seen = new Set(inStack.map((s) => s.urn));
    const outside: string[] = [];
    for (const id of ids.filter((x): x is string => typeof x === "string")) {
        const found = graph.withId("subnet", id);
        if (found && !seen.has(found.urn)) inStack.push(found);
        if (found) seen.add(found.urn);
        else outside.push(id);
    }
    return { inStack, outside };
}

export const ecsContainerInstancePrivateSubnets = stackRule<{ approvedPrivateSubnetIds: string[] }>({
    name: "ecs-container-instance-private-subnets",
    description:
        "Proves ECS container instances launch in private subnets (the same route-graph proof as services: no public IP on launch, no default route to an internet gateway). Subnets outside the stack must be allowlisted.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Launch the Auto Scaling group into the private subnets (vpcZoneIdentifiers); for subnets created outside this stack, add their ids to approvedPrivateSubnetIds after checking them.",
    anchors: ["ECS best practices: private subnets"],
    configSchema: { properties: { approvedPrivateSubnetIds: { type: "array", items: { type: "string" }, default: [] } } },
    check(graph, config, report) {
        // Groups choose the subnets of what they launch; a plain instance names its own.
        const placed = new Map<string, { r: PolicyResource; prop: "vpcZoneIdentifiers" | "subnetId" }>();
        for (const c of containerInstanceConfigs(graph)) {
            if (c.groups.length === 0) placed.set(c.config.urn, { r: c.config, prop: "subnetId" });
            for (const g of c.groups) placed.set(g.urn, { r: g, prop: "vpcZoneIdentifiers" });
        }
        for (const { r, prop } of placed.values()) {
            const { inStack, outside } = subnetsOf(graph, r, prop);
            if (inStack.length + outside.length === 0) report(`has no ${prop} this stack can follow; cannot prove its instances run privately.`, r);
            for (const id of outside.filter((s) => !config.approvedPrivateSubnetIds.includes(s)))
                report(`subnet ${id} is not in this stack and not in approvedPrivateSubnetIds: unverifiable, so not accepted.`, r);
            for (const subnet of inStack) {
                const verdict = subnetVerdict(graph, subnet);
                if (verdict.kind !== "private")
                    report(
                        `launches instances in subnet ${subnet.name}, which ${verdict.kind === "public" ? "is public" : "cannot be proven private"}: ${verdict.why}.`,
                        r,
                    );
            }
        }
    },
});

export const ec2Rules = [
    ecsContainerInstanceImdsv2,
    ecsContainerInstanceHopLimit,
    ecsContainerInstanceNoPublicIp,
    ecsContainerInstanceEbsEncrypted,
    ecsContainerInstancePrivateSubnets,
];
