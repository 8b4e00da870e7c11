import { safeProp } from "../lib/graph";
import { allows, parsePolicy, trustsAnyone } from "../lib/iam";
import { narrowsPrincipals } from "../lib/conditions";
import { decisive, describeValue, effective, inputList } from "../lib/providerDefaults";
import { resourceRule, stackRule } from "../lib/rule";
import { withChanges } from "../knowledge/unknowns";
import { at, isRecord, show, truthy } from "../knowledge/values";

export const ecrScanOnPush = resourceRule({
    name: "ecr-scan-on-push",
    description: "ECR repositories scan images on push.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set imageScanningConfiguration: { scanOnPush: true } (or enable enhanced scanning for the registry).",
    anchors: ["CKV_AWS_163", "ECR.1"],
    kinds: ["repository"],
    check(props, _ctx, report) {
        if (!truthy(at(props, "imageScanningConfiguration", "scanOnPush")))
            report("imageScanningConfiguration.scanOnPush is not true; images ship unscanned. Set it to true.");
    },
    remediate(props) {
        if (truthy(at(props, "imageScanningConfiguration", "scanOnPush"))) return undefined;
        const current = isRecord(props.imageScanningConfiguration) ? props.imageScanningConfiguration : {};
        return withChanges(props, { imageScanningConfiguration: withChanges(current, { scanOnPush: true }) });
    },
});

export const ecrImmutableTags = resourceRule({
    name: "ecr-immutable-tags",
    description: "ECR repositories make tags immutable, so a tag always names the same image.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: 'Set imageTagMutability: "IMMUTABLE" and push each build under a new tag (e.g. a content hash or commit id).',
    anchors: ["CKV_AWS_51", "ECR.2"],
    kinds: ["repository"],
    check(props, ctx, report) {
        // Omitted and the provider's filled-in "MUTABLE" get the same verdict and message.
        const value = decisive(ctx.type, props, "imageTagMutability");
        if (value !== "IMMUTABLE" && value !== "IMMUTABLE_WITH_EXCLUSION")
            report(`imageTagMutability is ${describeValue(ctx.type, "imageTagMutability", value)}; a pushed tag can be overwritten. Set it to "IMMUTABLE".`);
    },
});

export const ecrLifecyclePolicy = stackRule({
    name: "ecr-lifecycle-policy",
    description: "Every ECR repository in the stack has a lifecycle policy (old images expire).",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Add an aws.ecr.LifecyclePolicy for the repository that keeps the last N images.",
    anchors: ["ECR.3"],
    check(graph, _config, report) {
        const policies = graph.ofKind("lifecyclePolicy");
        for (const repo of graph.ofKind("repository")) {
            const byGraph = graph.consumersOf(repo, "lifecyclePolicy", "repository").length > 0;
            const byName = policies.some((p) => safeProp(p, "repository") === safeProp(repo, "name"));
            if (!byGraph && !byName)
                report("has no lifecycle policy; images accumulate forever. Add an aws.ecr.LifecyclePolicy keeping the last N images.", repo);
        }
    },
});

export const ecrNoPublicRepositoryPolicy = resourceRule({
    name: "ecr-no-public-repository-policy",
    description:
        "Repository policies never grant access to every principal (`*`) unless a condition narrows who (organization, account, ARN, network); ForAllValues, IfExists, negations and identity keys like aws:username do not.",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Name the accounts or roles that may pull (Principal: { AWS: [...] }), or add Condition: { StringEquals: { "aws:PrincipalOrgID": "o-…" } } (not ForAllValues:, not …IfExists).',
    anchors: ["CKV_AWS_32", "ECR public access"],
    kinds: ["repositoryPolicy"],
    check(props, _ctx, report) {
        const parsed = parsePolicy(props.policy);
        if (!parsed.ok) return report(`policy is malformed: ${parsed.error}.`);
        parsed.statements.forEach((s) => {
            if (!allows(s) || !trustsAnyone(s)) return;
            const narrowing = narrowsPrincipals(s.condition);
            if (narrowing.narrows) return;
            const guard = s.condition === undefined ? "" : `, and its condition does not narrow who (${narrowing.why})`;
            report(`statement ${s.label} allows ${show(s.actions)} to every principal ("*")${guard}; the repository is public.`);
        });
    },
});

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

export const registryRules = [ecrScanOnPush, ecrImmutableTags, ecrLifecyclePolicy, ecrNoPublicRepositoryPolicy, ecrKmsEncryption];
