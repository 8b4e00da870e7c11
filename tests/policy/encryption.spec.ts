import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecrKmsEncryption } from "../../policy/rules/registry";
import { ecsEfsTransitEncryption } from "../../policy/rules/taskDefinition";
import { check, checkRaw, messages, TASK_DEFINITION } from "./harness";
import { goodContainer, taskDefinition } from "./fixtures";

const CMK = { "ecr-kms-encryption": { requireCustomerManagedKey: true } };

describe("policy: encryption", () => {
    describe("ecr-kms-encryption", () => {
        it("passes a KMS-encrypted repository, with the AWS managed key or a customer key (unknown at preview)", async () => {
            assert.deepEqual(await check(ecrKmsEncryption, aws.ecr.Repository, { encryptionConfigurations: [{ encryptionType: "KMS" }] }), []);
            assert.deepEqual(await check(ecrKmsEncryption, aws.ecr.Repository, { encryptionConfigurations: [{ encryptionType: "KMS_DSSE" }] }), []);
            assert.deepEqual(
                await check(ecrKmsEncryption, aws.ecr.Repository, { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: UNKNOWN.string }] }, CMK),
                [],
            );
        });
        it("fails AES-256 with one message whether the configuration is omitted, empty or filled in by the provider", async () => {
            const expected = [
                'subject: encryptionType is AES256 (the default); images are encrypted with a key ECR owns, not KMS. Set encryptionConfigurations: [{ encryptionType: "KMS" }].',
            ];
            for (const props of [
                {},
                { encryptionConfigurations: [] },
                { encryptionConfigurations: [{}] },
                { encryptionConfigurations: [{ encryptionType: "AES256" }] },
            ])
                assert.deepEqual(messages(await check(ecrKmsEncryption, aws.ecr.Repository, props)), expected, JSON.stringify(props));
        });
        it("asks for a customer-managed key only where the stack's config does", async () => {
            assert.deepEqual(messages(await check(ecrKmsEncryption, aws.ecr.Repository, { encryptionConfigurations: [{ encryptionType: "KMS" }] }, CMK)), [
                "subject: encryptionType is KMS with the AWS managed key (no kmsKey); this stack requires a customer-managed key. Set kmsKey to an aws.kms.Key ARN.",
            ]);
        });
        it("is undecided at preview when the encryption type is computed", async () => {
            const [v] = await check(ecrKmsEncryption, aws.ecr.Repository, { encryptionConfigurations: [{ encryptionType: UNKNOWN.string }] });
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /string value at .encryptionConfigurations.0.encryptionType can't be known during preview/);
        });
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
