import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import {
    ecsContainerImageProvenance,
    ecsContainerLogConfiguration,
    ecsContainerMemoryLimit,
    ecsContainerNonRootUser,
    ecsContainerNoPlaintextSecrets,
    ecsContainerNotPrivileged,
    ecsContainerReadonlyRoot,
} from "../../policy/rules/container";
import { goodContainer, taskDefinition, tutorialContainer } from "./fixtures";
import { check, checkRaw, messages, TASK_DEFINITION } from "./harness";

const good = taskDefinition([goodContainer]);
const tutorial = taskDefinition([tutorialContainer]);

describe("policy: container", () => {
    it("ecs-container-not-privileged", async () => {
        assert.deepEqual(await check(ecsContainerNotPrivileged, aws.ecs.TaskDefinition, good), []);
        assert.deepEqual(messages(await check(ecsContainerNotPrivileged, aws.ecs.TaskDefinition, taskDefinition([{ ...goodContainer, privileged: true }]))), [
            "subject: container web runs privileged (privileged: true); remove it.",
        ]);
        // A blank name is no name: the container is named by its position.
        assert.deepEqual(
            messages(
                await check(
                    ecsContainerNotPrivileged,
                    aws.ecs.TaskDefinition,
                    taskDefinition([goodContainer, { ...goodContainer, name: "", privileged: true }]),
                ),
            ),
            ["subject: container #1 runs privileged (privileged: true); remove it."],
        );
    });

    it("ecs-container-readonly-root", async () => {
        assert.deepEqual(await check(ecsContainerReadonlyRoot, aws.ecs.TaskDefinition, good), []);
        assert.deepEqual(messages(await check(ecsContainerReadonlyRoot, aws.ecs.TaskDefinition, tutorial)), [
            "subject: container app has a writable root filesystem (readonlyRootFilesystem: unset); set it to true.",
        ]);
    });

    it("ecs-container-non-root-user", async () => {
        assert.deepEqual(await check(ecsContainerNonRootUser, aws.ecs.TaskDefinition, good), []);
        assert.deepEqual(messages(await check(ecsContainerNonRootUser, aws.ecs.TaskDefinition, tutorial)), [
            "subject: container app runs as root (user: unset, the image default); set a non-root uid.",
        ]);
        for (const user of ["root", "0", "0:0", "root:root"])
            assert.equal((await check(ecsContainerNonRootUser, aws.ecs.TaskDefinition, taskDefinition([{ ...goodContainer, user }]))).length, 1, user);
        assert.deepEqual(await check(ecsContainerNonRootUser, aws.ecs.TaskDefinition, taskDefinition([{ ...goodContainer, user: "1000" }])), []);
    });

    it("ecs-container-no-plaintext-secrets: names and key-shaped values", async () => {
        assert.deepEqual(await check(ecsContainerNoPlaintextSecrets, aws.ecs.TaskDefinition, good), []);
        assert.deepEqual(messages(await check(ecsContainerNoPlaintextSecrets, aws.ecs.TaskDefinition, tutorial)), [
            "subject: container app has secrets in plain environment variables (DB_PASSWORD); use secrets with valueFrom.",
        ]);
        const keyValue = taskDefinition([{ ...goodContainer, environment: [{ name: "CONFIG", value: "AKIAABCDEFGHIJKLMNOP" }] }]);
        assert.match(messages(await checkRaw(ecsContainerNoPlaintextSecrets, TASK_DEFINITION, keyValue))[0]!, /\(CONFIG\)/);
    });

    it("ecs-container-memory-limit", async () => {
        assert.deepEqual(await check(ecsContainerMemoryLimit, aws.ecs.TaskDefinition, good), []);
        assert.deepEqual(await checkRaw(ecsContainerMemoryLimit, TASK_DEFINITION, { containerDefinitions: [{ ...goodContainer, memory: 256 }] }), []);
        assert.deepEqual(messages(await checkRaw(ecsContainerMemoryLimit, TASK_DEFINITION, { containerDefinitions: [goodContainer] })), [
            "subject: container web has no memory limit and the task sets none; set memory.",
        ]);
    });

    describe("ecs-container-image-provenance", () => {
        it("passes a digest-pinned ECR image", async () => {
            assert.deepEqual(await check(ecsContainerImageProvenance, aws.ecs.TaskDefinition, good), []);
        });
        it("fails :latest, an implicit latest, and registries outside the allowlist", async () => {
            assert.deepEqual(messages(await check(ecsContainerImageProvenance, aws.ecs.TaskDefinition, tutorial)), [
                "subject: container app uses image nginx:latest without a pinned tag or digest (latest); pin a version or digest.",
            ]);
            assert.match(
                messages(await check(ecsContainerImageProvenance, aws.ecs.TaskDefinition, taskDefinition([{ ...goodContainer, image: "nginx" }])))[0]!,
                /implicit latest/,
            );
            assert.match(
                messages(
                    await check(ecsContainerImageProvenance, aws.ecs.TaskDefinition, taskDefinition([{ ...goodContainer, image: "ghcr.io/acme/web:1.2" }])),
                )[0]!,
                /pulls ghcr.io\/acme\/web:1.2 from ghcr.io, which is not an allowed registry/,
            );
        });
        it("an allowlisted registry passes", async () => {
            const td = taskDefinition([{ ...goodContainer, image: "ghcr.io/acme/web:1.2" }]);
            assert.deepEqual(
                await checkRaw(ecsContainerImageProvenance, TASK_DEFINITION, td, { "ecs-container-image-provenance": { allowedRegistries: ["ghcr.io"] } }),
                [],
            );
        });
    });

    describe("ecs-container-log-configuration", () => {
        it("passes containers with awslogs, given as a JSON string or as objects", async () => {
            assert.deepEqual(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, taskDefinition([goodContainer])), []);
            assert.deepEqual(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, { containerDefinitions: [goodContainer] }), []);
        });
        it("fails the tutorial container without logConfiguration", async () => {
            assert.deepEqual(messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, taskDefinition([goodContainer, tutorialContainer]))), [
                "subject: container app has no logConfiguration; its output is lost. Add one with the awslogs driver.",
            ]);
        });
        it("fails a driver outside the allowlist, which config can extend", async () => {
            const td = taskDefinition([{ ...goodContainer, logConfiguration: { logDriver: "splunk" } }]);
            assert.match(
                messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, td))[0]!,
                /uses log driver splunk; allowed: awslogs, awsfirelens/,
            );
            assert.deepEqual(
                await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, td, {
                    "ecs-container-log-configuration": { allowedLogDrivers: ["awslogs", "splunk"] },
                }),
                [],
            );
        });
        it("reports a malformed document as a violation instead of crashing", async () => {
            assert.match(
                messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, { containerDefinitions: "[{not json" }))[0]!,
                /containerDefinitions is malformed: not valid JSON/,
            );
            assert.match(
                messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, { containerDefinitions: "[]" }))[0]!,
                /an empty container list/,
            );
        });
    });
});
