import type * as aws from "@pulumi/aws";
// The classic anti-patterns of ECS tutorials, and their well-behaved counterparts.

export const goodContainer = {
    name: "web",
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev@sha256:" + "a".repeat(64),
    user: "10001:10001",
    readonlyRootFilesystem: true,
    environment: [{ name: "PORT", value: "8080" }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web/dev", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } },
};

/** A task definition as a program writes it (typed by the provider's args); containers may be anything. */
export const taskDefinition = (containers: unknown[], extra: Partial<aws.ecs.TaskDefinitionArgs> = {}): aws.ecs.TaskDefinitionArgs => ({
    family: "web",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: "512",
    containerDefinitions: JSON.stringify(containers),
    ...extra,
});

/** The tutorial container: no logs, root, writable, :latest from Docker Hub, a password in env. */
export const tutorialContainer = {
    name: "app",
    image: "nginx:latest",
    environment: [{ name: "DB_PASSWORD", value: "hunter2" }],
};

export const document = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** The CI build role of many tutorials. */
export const buildRolePolicy = document({ Effect: "Allow", Action: ["ecr:*", "ecs:*", "logs:*", "cloudwatch:*"], Resource: "*" });

export const S3_FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonS3FullAccess";

export const scopedPolicy = document({ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::assets/*"] });

export const ecsTrust = (condition?: Record<string, unknown>) =>
    document({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) });

export const openSecurityGroup = { description: "wide open", ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] };
