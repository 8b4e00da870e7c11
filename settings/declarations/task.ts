// The task definition and its one container: size, platform, port, what the container is given.
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { oneOf, group, limit, setting, whole } from "./declare";
import { ENVIRONMENT, SECRETS } from "./shapes";

export const TASK = group("task", {
    cpu: setting(whole(256, 16384), {
        default: 256,
        description: "Task cpu units.",
        allowed: "one of: 256, 512, 1024, 2048, 4096, 8192, 16384",
    }),
    memory: setting(whole(512, 122880), {
        default: 512,
        description: "Task memory in MiB.",
        allowed:
            "within the Fargate table for the cpu: 256 → 512/1024/2048; 512 → 1024–4096; 1024 → 2048–8192; 2048 → 4096–16384; 4096 → 8192–30720 (1024 steps); 8192 → 16384–61440 (4096 steps); 16384 → 32768–122880 (8192 steps)",
    }),
    cpuArchitecture: setting(oneOf(["X86_64", "ARM64"]), { default: "X86_64", description: "The task's CPU architecture (the image must match)." }),
    ephemeralStorageGiB: setting(limit(c.checkEphemeralStorage), {
        default: 21,
        description: "Task storage; above 21 GiB Fargate bills the extra.",
    }),
    containerPort: setting(whole(1024, 65535), {
        default: 8080,
        unit: " (the container runs as a non-root user, which cannot bind ports below 1024)",
        description: "The port the app listens on.",
    }),
    launchType: setting(oneOf(["fargate", "ec2"]), {
        default: "fargate",
        description: "Runs tasks on Fargate or on ECS-optimized EC2 instances behind a capacity provider ([ec2.md](ec2.md)).",
    }),
    enableExec: setting(Type.Boolean(), {
        default: { dev: false, staging: false, prod: false },
        description:
            "ECS Exec: adds the four unscopable `ssmmessages` actions to the task role; sessions are audited into the stack's log group: the cluster's execute-command logging, see [edge-and-network.md](edge-and-network.md).",
    }),
    secrets: setting(SECRETS, {
        ownReader: true,
        secret: true,
        default: [],
        description: "Environment variables the container reads from Secrets Manager or SSM; the execution role may read exactly these.",
        allowed: "list of `{ name: ENV_NAME, valueFrom: <Secrets Manager or SSM parameter ARN> }`",
    }),
    environment: setting(ENVIRONMENT, {
        ownReader: true,
        secret: true,
        default: {},
        description: "Plain environment variables of the container (visible in the task definition: nothing secret).",
        allowed:
            "a map of NAME: value. Names the program or ECS sets are refused with the key that owns them: `PORT` (containerPort), `AWS_REGION`/`AWS_DEFAULT_REGION` (aws:region), AWS credential variables (the task role, s3Grants), ECS metadata variables. Same for `secrets[].name`.",
    }),
});
