// KMS keys: rotated, enabled, and never usable by every principal.
import { narrowsPrincipals } from "../lib/conditions";
import { allows, parsePolicy } from "../lib/iam";
import { namesEveryone } from "../lib/principals";
import { decisive, describeValue, effective } from "../lib/providerDefaults";
import { resourceRule } from "../lib/rule";
import { isKind } from "../knowledge/types";
import { show, truthy } from "../knowledge/values";

/** Only symmetric encryption keys with key material in KMS can rotate (not HMAC, asymmetric or external keys). */
const rotatable = (type: string, props: Record<string, unknown>) =>
    decisive(type, props, "customerMasterKeySpec") === "SYMMETRIC_DEFAULT" &&
    decisive(type, props, "keyUsage") === "ENCRYPT_DECRYPT" &&
    effective(type, props, "customKeyStoreId") === undefined &&
    effective(type, props, "xksKeyId") === undefined;

export const kmsKeyRotation = resourceRule({
    name: "kms-key-rotation",
    description: "Customer-managed symmetric KMS keys rotate their key material (enableKeyRotation).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set enableKeyRotation: true on the aws.kms.Key (optionally rotationPeriodInDays between 90 and 2560).",
    anchors: ["CKV_AWS_7", "KMS.4", "AwsSolutions-KMS5"],
    kinds: ["kmsKey"],
    check(props, ctx, report) {
        if (!rotatable(ctx.type, props)) return;
        const rotation = decisive(ctx.type, props, "enableKeyRotation");
        if (!truthy(rotation))
            report(`enableKeyRotation is ${describeValue(ctx.type, "enableKeyRotation", rotation)}; the key material never changes. Set it to true.`);
    },
});

export const kmsKeyEnabled = resourceRule({
    name: "kms-key-enabled",
    description: "KMS keys are enabled: a disabled key makes everything encrypted with it unreadable.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove isEnabled: false; if the key is retired, delete it (pulumi destroy schedules deletion after deletionWindowInDays).",
    anchors: ["CKV_AWS_227"],
    kinds: ["kmsKey"],
    check(props, ctx, report) {
        const enabled = decisive(ctx.type, props, "isEnabled");
        if (enabled === false || enabled === "false")
            report("isEnabled is false; data encrypted with this key cannot be decrypted while it stays disabled. Enable it or delete the key.");
    },
});

export const kmsKeyPolicyNoPublicPrincipal = resourceRule({
    name: "kms-key-policy-no-public-principal",
    description:
        'Key policies never allow every principal (`"*"`) unless a condition narrows who (kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalArn, a VPC endpoint…).',
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Name the principals (the account root "arn:aws:iam::<account>:root", roles, service principals), or add Condition: { StringEquals: { "kms:CallerAccount": "<account>" } }.',
    anchors: ["CKV_AWS_33", "KMS.5"],
    kinds: ["kmsKey", "kmsKeyPolicy"],
    check(props, ctx, report) {
        const policy = props.policy;
        // Without a policy KMS applies its default: the account's own principals only.
        if (policy === undefined || (isKind(ctx.type, "kmsKey") && policy === "")) return;
        const parsed = parsePolicy(policy);
        if (!parsed.ok) return report(`policy is malformed: ${parsed.error}; an unreadable key policy cannot be proven private.`);
        parsed.statements.forEach((s) => {
            if (!allows(s) || !namesEveryone(s.principal)) return;
            const narrowing = narrowsPrincipals(s.condition);
            if (narrowing.narrows) return;
            const guard = s.condition === undefined ? "" : `, and its condition does not narrow who (${narrowing.why})`;
            report(`statement ${s.label} allows ${show(s.actions)} on the key to every principal ("*")${guard}; anyone could use or manage it.`);
        });
    },
});

export const kmsRules = [kmsKeyRotation, kmsKeyEnabled, kmsKeyPolicyNoPublicPrincipal];
