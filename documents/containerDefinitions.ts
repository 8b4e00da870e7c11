// The task's container definitions, typed by the ECS API's own model.
import type { ContainerDefinition } from "@aws-sdk/client-ecs";
import type { SecretRef } from "../settings/settings";

/** The image's non-root user (the app's Dockerfile creates uid/gid 10001). */
export const APP_USER = "10001:10001";
/** Scratch space: the root filesystem is read-only, /tmp is task storage. */
export const TMP_VOLUME = "tmp";
/** The port mapping's name: Service Connect refers to the port by it. */
export const HTTP_PORT_NAME = "http";

export interface WebContainerInput {
    name: string;
    image: string;
    port: number;
    environment: Record<string, string>;
    secrets: SecretRef[];
    logGroupName: string;
    region: string;
    streamPrefix: string;
    healthCheckPath: string;
    /** Run the image's own health probe (our app ships one); off for foreign images. */
    containerHealthCheck: boolean;
    enableExec: boolean;
}

/** Variables the program sets in the app container; settings refuse them in `environment`. */
export function programEnvironment(input: Pick<WebContainerInput, "port">): Record<string, string> {
    return { PORT: String(input.port) };
}

export function webContainerDefinitions(input: WebContainerInput): ContainerDefinition[] {
    const container: ContainerDefinition = {
        name: input.name,
        image: input.image,
        essential: true,
        user: APP_USER,
        readonlyRootFilesystem: true,
        privileged: false,
        portMappings: [{ containerPort: input.port, protocol: "tcp", name: HTTP_PORT_NAME, appProtocol: "http" }],
        // The program's own variables win: PORT must be the port the load balancer checks.
        environment: Object.entries({ ...input.environment, ...programEnvironment(input) })
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => ({ name, value })),
        secrets: input.secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom })),
        mountPoints: [{ sourceVolume: TMP_VOLUME, containerPath: "/tmp", readOnly: false }],
        linuxParameters: { initProcessEnabled: input.enableExec },
        stopTimeout: 30,
        logConfiguration: {
            logDriver: "awslogs",
            options: {
                "awslogs-group": input.logGroupName,
                "awslogs-region": input.region,
                "awslogs-stream-prefix": input.streamPrefix,
                // Never block the app on a slow log pipe; 25 MiB of buffer before dropping.
                mode: "non-blocking",
                "max-buffer-size": "25m",
            },
        },
    };
    if (input.containerHealthCheck) {
        container.healthCheck = {
            command: ["CMD", "node", "/app/healthcheck.js", input.healthCheckPath],
            interval: 10,
            timeout: 5,
            retries: 3,
            startPeriod: 10,
        };
    }
    return [container];
}
