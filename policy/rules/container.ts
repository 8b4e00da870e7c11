// Per-container rules: each entry of a task definition's containerDefinitions is judged on its own.
// What the task definition sets for all its containers is in taskDefinition.ts.
import { Container, containerName, parseContainers } from "../knowledge/containers";
import { Props, ResourceRuleSpec, resourceRule } from "../lib/rule";
import { SECRET_LIKE_NAME, SECRET_LIKE_VALUE } from "../knowledge/secrets";
import { asRecords, at, globMatch, isRecord, show, text } from "../knowledge/values";

type ContainerRule<C> = Omit<ResourceRuleSpec<C>, "kinds" | "check"> & {
    /** Returns the problem for one container, or undefined. */
    checkContainer(c: Container, task: Props, config: C): string | undefined;
};

/** A task-definition rule applied to each container; malformed documents are left to the log rule. */
function containerRule<C extends object = Record<string, never>>(spec: ContainerRule<C>) {
    const { checkContainer, ...meta } = spec;
    return resourceRule<C>({
        ...meta,
        kinds: ["taskDefinition"],
        check(props, ctx, report) {
            const parsed = parseContainers(props.containerDefinitions);
            if (!parsed.ok) return;
            parsed.containers.forEach((c, i) => {
                const problem = checkContainer(c, props, ctx.config);
                if (problem) report(`container ${containerName(c, i)} ${problem}`);
            });
        },
    });
}

export const ecsContainerNotPrivileged = containerRule({
    name: "ecs-container-not-privileged",
    description: "Containers do not run privileged.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove privileged: true; grant specific Linux capabilities only if really needed.",
    anchors: ["ECS.4", "CKV_AWS_334"],
    checkContainer: (c) => (c.privileged === true ? "runs privileged (privileged: true); remove it." : undefined),
});

export const ecsContainerReadonlyRoot = containerRule({
    name: "ecs-container-readonly-root",
    description: "Containers mount their root filesystem read-only.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set readonlyRootFilesystem: true and mount a volume (e.g. task storage at /tmp) where the app must write.",
    anchors: ["ECS.5", "CKV_AWS_336"],
    checkContainer: (c) =>
        c.readonlyRootFilesystem === true
            ? undefined
            : `has a writable root filesystem (readonlyRootFilesystem: ${show(c.readonlyRootFilesystem ?? "unset")}); set it to true.`,
});

const isRootUser = (user: unknown) => user === undefined || user === "" || /^(root|0)(:|$)/.test(text(user));

export const ecsContainerNonRootUser = containerRule({
    name: "ecs-container-non-root-user",
    description: "Containers run as a non-root user.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set user to a non-zero uid (e.g. "10001:10001") that the image creates, and listen on a port ≥ 1024.',
    anchors: ["ECS.20"],
    checkContainer: (c) => (isRootUser(c.user) ? `runs as root (user: ${show(c.user ?? "unset, the image default")}); set a non-root uid.` : undefined),
});

export const ecsContainerNoPlaintextSecrets = containerRule({
    name: "ecs-container-no-plaintext-secrets",
    description: "No secrets in plain environment variables: names that say secret, or values that look like keys.",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Move the value to Secrets Manager or SSM Parameter Store and reference it under secrets with valueFrom.",
    anchors: ["AS-ECS2", "ECS.8", "CKV_AWS_46", "AwsSolutions-ECS2"],
    checkContainer: (c) => {
        const bad = asRecords(c.environment).filter((e) => SECRET_LIKE_NAME.test(text(e.name)) || SECRET_LIKE_VALUE.test(text(e.value)));
        return bad.length > 0
            ? `has secrets in plain environment variables (${bad.map((e) => show(e.name)).join(", ")}); use secrets with valueFrom.`
            : undefined;
    },
});

export const ecsContainerMemoryLimit = containerRule({
    name: "ecs-container-memory-limit",
    description: "Each container's memory is bounded: by the task's memory or its own memory/memoryReservation.",
    severity: "low",
    enforcementLevel: "mandatory",
    remediationSteps: "Set the task's memory (required on Fargate) or the container's memory.",
    anchors: ["ECS container memory"],
    checkContainer: (c, task) =>
        task.memory === undefined && c.memory === undefined && c.memoryReservation === undefined
            ? "has no memory limit and the task sets none; set memory."
            : undefined,
});

export const ecsContainerImageProvenance = containerRule<{ allowedRegistries: string[] }>({
    name: "ecs-container-image-provenance",
    description: "Images are pinned (a tag other than latest, or a digest) and come from ECR or an allowlisted registry.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Push the image to the stack's ECR repository and reference it by digest or an immutable tag; add other registries to allowedRegistries only after review.",
    anchors: ["AwsSolutions-ECS", "image provenance"],
    configSchema: { properties: { allowedRegistries: { type: "array", items: { type: "string" }, default: ["*.dkr.ecr.*.amazonaws.com"] } } },
    checkContainer: (c, _task, config) => {
        const image = at(c, "image");
        if (typeof image !== "string" || image === "") return "has no image.";
        const digest = image.includes("@sha256:");
        const name = image.split("@")[0]!;
        const slash = name.indexOf("/");
        const registry = slash > 0 && /[.:]|^localhost$/.test(name.slice(0, slash)) ? name.slice(0, slash) : "docker.io";
        const tag = name.lastIndexOf(":") > name.lastIndexOf("/") ? name.slice(name.lastIndexOf(":") + 1) : undefined;
        if (!digest && (tag === undefined || tag === "latest"))
            return `uses image ${image} without a pinned tag or digest (${tag ?? "implicit latest"}); pin a version or digest.`;
        if (!config.allowedRegistries.some((p) => globMatch(p, registry)))
            return `pulls ${image} from ${registry}, which is not an allowed registry (${config.allowedRegistries.join(", ")}).`;
        return undefined;
    },
});

export const ecsContainerLogConfiguration = resourceRule<{ allowedLogDrivers: string[] }>({
    name: "ecs-container-log-configuration",
    description: "Every container in a task definition has a log configuration with an allowed driver.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Add logConfiguration to each container, e.g. { logDriver: "awslogs", options: { "awslogs-group", "awslogs-region", "awslogs-stream-prefix" } }.',
    anchors: ["AS-ECS7", "ECS.9", "AwsSolutions-ECS7"],
    configSchema: { properties: { allowedLogDrivers: { type: "array", items: { type: "string" }, default: ["awslogs", "awsfirelens"] } } },
    kinds: ["taskDefinition"],
    check(props, ctx, report) {
        const parsed = parseContainers(props.containerDefinitions);
        if (!parsed.ok) return report(`containerDefinitions is malformed: ${parsed.error}; it cannot be checked, fix the document.`);
        parsed.containers.forEach((c, i) => {
            const driver = at(c, "logConfiguration", "logDriver");
            if (!isRecord(c.logConfiguration))
                report(`container ${containerName(c, i)} has no logConfiguration; its output is lost. Add one with the awslogs driver.`);
            else if (typeof driver !== "string" || !ctx.config.allowedLogDrivers.includes(driver))
                report(`container ${containerName(c, i)} uses log driver ${show(driver)}; allowed: ${ctx.config.allowedLogDrivers.join(", ")}.`);
        });
    },
});

export const containerRules = [
    ecsContainerNotPrivileged,
    ecsContainerReadonlyRoot,
    ecsContainerNonRootUser,
    ecsContainerNoPlaintextSecrets,
    ecsContainerMemoryLimit,
    ecsContainerImageProvenance,
    ecsContainerLogConfiguration,
];
