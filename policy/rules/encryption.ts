// Encryption the catalog checks beyond logs: ECR images at rest under KMS, EFS volumes of task
// definitions in transit.
import { decisive, describeValue, effective, inputList, readInput } from "../lib/providerDefaults";
import { resourceRule } from "../lib/rule";

const KMS_TYPES = ["KMS", "KMS_DSSE"];

export const ecrKmsEncryption = resourceRule<{ requireCustomerManagedKey: boolean }>({
    name: "ecr-kms-encryption",
    description: "ECR repositories encrypt images with KMS (with a customer-managed key where the stack's config asks for one), not the default AES-256.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps:
        'Set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <aws.kms.Key ARN> }] (ECR applies it at creation: the repository is replaced).',
    anchors: ["CKV_AWS_136"],
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: false } } },
    kinds: ["repository"],
    check(props, ctx, report) {
        const path =
            inputList(props, "encryptionConfigurations").length > 0 ? "encryptionConfigurations.0.encryptionType" : "encryptionConfigurations.encryptionType";
        const encryption = decisive(ctx.type, props, path);
        if (typeof encryption !== "string" || !KMS_TYPES.includes(encryption)) {
            report(
                `encryptionType is ${describeValue(ctx.type, path, encryption)}; images are encrypted with a key ECR owns, not KMS. Set encryptionConfigurations: [{ encryptionType: "KMS" }].`,
            );
            return;
        }
        // An unknown key ARN at preview is a key all the same.
        if (ctx.config.requireCustomerManagedKey && effective(ctx.type, props, "encryptionConfigurations.0.kmsKey") === undefined)
            report("encryptionType is KMS with the AWS managed key (no kmsKey); this stack requires a customer-managed key. Set kmsKey to an aws.kms.Key ARN.");
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

export const encryptionRules = [ecrKmsEncryption, ecsEfsTransitEncryption];
