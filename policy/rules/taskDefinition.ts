// Task-level rules: what a task definition sets for all its containers (network mode, host
// namespaces, volumes). Per-container rules are in container.ts; the roles it names in taskRoles.ts.
import { decisive, describeValue, effective, inputList, readInput } from "../lib/providerDefaults";
import { resourceRule } from "../lib/rule";
import { show } from "../knowledge/values";

export const ecsTaskAwsvpcNetworkMode = resourceRule({
    name: "ecs-task-awsvpc-network-mode",
    description: "Task definitions use the awsvpc network mode (each task its own ENI and security group).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set networkMode: "awsvpc" on the task definition (required for Fargate).',
    anchors: ["ECS.17"],
    kinds: ["taskDefinition"],
    check(props, _ctx, report) {
        if (props.networkMode !== "awsvpc") report(`networkMode is ${show(props.networkMode)}; set it to "awsvpc".`);
    },
});

export const ecsTaskNoHostNamespaces = resourceRule({
    name: "ecs-task-no-host-namespaces",
    description: "Task definitions do not share the host's process or IPC namespace.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'Remove pidMode: "host" and ipcMode: "host".',
    anchors: ["ECS.3", "CKV_AWS_335"],
    kinds: ["taskDefinition"],
    check(props, _ctx, report) {
        for (const key of ["pidMode", "ipcMode"])
            if (props[key] === "host") report(`${key} is "host"; containers could see and signal host processes. Remove it.`);
    },
});

export const ecsEfsTransitEncryption = resourceRule({
    name: "ecs-efs-transit-encryption",
    description: "EFS volumes in task definitions encrypt data in transit (transitEncryption ENABLED).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Set efsVolumeConfiguration.transitEncryption: "ENABLED" on each EFS volume (and authorizationConfig.iam: "ENABLED" to use the task role).',
    anchors: ["CKV_AWS_97"],
    kinds: ["taskDefinition"],
    check(props, ctx, report) {
        inputList(props, "volumes").forEach((volume, i) => {
            if (effective(ctx.type, volume, "efsVolumeConfiguration") === undefined) return;
            const path = `volumes.${i}.efsVolumeConfiguration.transitEncryption`;
            const transit = decisive(ctx.type, props, path);
            if (transit !== "ENABLED") {
                const name = readInput(volume, "name");
                report(
                    `volume ${typeof name === "string" ? name : `#${i}`} mounts EFS with transitEncryption ${describeValue(ctx.type, path, transit)}; file data crosses the network unencrypted. Set it to "ENABLED".`,
                );
            }
        });
    },
});

export const taskDefinitionRules = [ecsTaskAwsvpcNetworkMode, ecsTaskNoHostNamespaces, ecsEfsTransitEncryption];
