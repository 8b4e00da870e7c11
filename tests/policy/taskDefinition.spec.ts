// Task-level rules (policy/rules/taskDefinition.ts): network mode, host namespaces, EFS volumes.
import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsEfsTransitEncryption, ecsTaskAwsvpcNetworkMode, ecsTaskNoHostNamespaces } from "../../policy/rules/taskDefinition";
import { goodContainer, taskDefinition } from "./fixtures";
import { check, checkRaw, messages, TASK_DEFINITION } from "./harness";

const good = taskDefinition([goodContainer]);

describe("policy: task definition", () => {
    describe("ecs-task-awsvpc-network-mode", () => {
        it("passes awsvpc and fails bridge", async () => {
            assert.deepEqual(await check(ecsTaskAwsvpcNetworkMode, aws.ecs.TaskDefinition, taskDefinition([goodContainer], { networkMode: "awsvpc" })), []);
            assert.deepEqual(
                messages(await check(ecsTaskAwsvpcNetworkMode, aws.ecs.TaskDefinition, taskDefinition([goodContainer], { networkMode: "bridge" }))),
                ['subject: networkMode is bridge; set it to "awsvpc".'],
            );
        });
    });

    it("ecs-task-no-host-namespaces", async () => {
        assert.deepEqual(await check(ecsTaskNoHostNamespaces, aws.ecs.TaskDefinition, good), []);
        assert.deepEqual(messages(await checkRaw(ecsTaskNoHostNamespaces, TASK_DEFINITION, { ...good, pidMode: "host", ipcMode: "host" })), [
            'subject: pidMode is "host"; containers could see and signal host processes. Remove it.',
            'subject: ipcMode is "host"; containers could see and signal host processes. Remove it.',
        ]);
    });

    describe("ecs-efs-transit-encryption", () => {
        const efs = (efsVolumeConfiguration: Record<string, unknown>) =>
            taskDefinition([goodContainer], {
                volumes: [{ name: "tmp" }, { name: "shared", efsVolumeConfiguration: { fileSystemId: UNKNOWN.string, ...efsVolumeConfiguration } }],
            });
        it("passes EFS volumes with transit encryption (file system id unknown at preview) and task definitions without EFS", async () => {
            assert.deepEqual(
                await checkRaw(ecsEfsTransitEncryption, TASK_DEFINITION, efs({ transitEncryption: "ENABLED", authorizationConfig: { iam: "ENABLED" } })),
                [],
            );
            assert.deepEqual(await checkRaw(ecsEfsTransitEncryption, TASK_DEFINITION, taskDefinition([goodContainer], { volumes: [{ name: "tmp" }] })), []);
            assert.deepEqual(await checkRaw(ecsEfsTransitEncryption, TASK_DEFINITION, taskDefinition([goodContainer])), []);
        });
        it("fails an EFS volume without transit encryption, omitted or DISABLED", async () => {
            assert.deepEqual(messages(await checkRaw(ecsEfsTransitEncryption, TASK_DEFINITION, efs({}))), [
                'subject: volume shared mounts EFS with transitEncryption unset; file data crosses the network unencrypted. Set it to "ENABLED".',
            ]);
            assert.match(
                messages(await checkRaw(ecsEfsTransitEncryption, TASK_DEFINITION, efs({ transitEncryption: "DISABLED" })))[0]!,
                /transitEncryption DISABLED;/,
            );
        });
    });
});
