// The service's task definition: one web container (definitions built by a pure function), the
// task's size and roles. A function, not a component: the task definition keeps the service as
// its parent, so its URN (and the deployed resource) stays the same.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TMP_VOLUME, webContainerDefinitions } from "../documents/containerDefinitions";
import type { SettingsOf } from "../settings/settings";

/** The task's settings: the app's name, the task group and the health check's path, typed by their declarations. */
export type TaskSettings = SettingsOf<"app" | "task" | "healthCheck">;

export interface TaskInputs {
    imageUri: pulumi.Input<string>;
    /** The build that pushes `imageUri`, when built here: the task definition waits for it. */
    imageBuild?: pulumi.Resource;
    /** The image ships /app/healthcheck.js (true when built from this repo's app). */
    containerHealthCheck: boolean;
    logGroupName: pulumi.Input<string>;
    region: pulumi.Input<string>;
    executionRoleArn: pulumi.Input<string>;
    taskRoleArn: pulumi.Input<string>;
    tags: Record<string, string>;
}

export function webTaskDefinition(parent: pulumi.Resource, p: string, s: TaskSettings, args: TaskInputs): aws.ecs.TaskDefinition {
    const containerDefinitions = pulumi.all([args.imageUri, args.logGroupName, args.region]).apply(([image, logGroupName, region]) =>
        JSON.stringify(
            webContainerDefinitions({
                name: s.appName,
                image,
                port: s.containerPort,
                environment: s.environment,
                secrets: s.secrets,
                logGroupName,
                region,
                streamPrefix: s.appName,
                healthCheckPath: s.healthCheck.path,
                containerHealthCheck: args.containerHealthCheck,
                enableExec: s.enableExec,
            }),
        ),
    );
    return new aws.ecs.TaskDefinition(
        p,
        {
            family: p,
            requiresCompatibilities: [s.launchType === "ec2" ? "EC2" : "FARGATE"],
            networkMode: "awsvpc",
            cpu: String(s.cpu),
            memory: String(s.memory),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: s.cpuArchitecture },
            ephemeralStorage: s.ephemeralStorageGiB > 21 ? { sizeInGib: s.ephemeralStorageGiB } : undefined,
            // Role ARNs stay outputs (unknown at preview): the pack follows the recorded property
            // dependency to each role, and the order role → task definition comes with them.
            executionRoleArn: args.executionRoleArn,
            taskRoleArn: args.taskRoleArn,
            volumes: [{ name: TMP_VOLUME }],
            containerDefinitions,
            tags: args.tags,
        },
        // The image reference is computed (known at preview), so the order comes from here.
        { parent, dependsOn: args.imageBuild ? [args.imageBuild] : [] },
    );
}
