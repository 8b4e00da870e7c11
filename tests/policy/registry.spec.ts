import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecrImmutableTags, ecrKmsEncryption, ecrLifecyclePolicy, ecrNoPublicRepositoryPolicy, ecrScanOnPush } from "../../policy/rules/registry";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { document } from "./fixtures";
import { check, checkRaw, evaluatePolicies, messages, resourceRecord, StackBuilder } from "./harness";

const REPO = "aws:ecr/repository:Repository";
const CMK = { "ecr-kms-encryption": { requireCustomerManagedKey: true } };

describe("policy: registry", () => {
    describe("ecr-scan-on-push", () => {
        it("passes scanOnPush and fails its absence; remediates", async () => {
            assert.deepEqual(await check(ecrScanOnPush, aws.ecr.Repository, { imageScanningConfiguration: { scanOnPush: true } }), []);
            assert.deepEqual(messages(await check(ecrScanOnPush, aws.ecr.Repository, {})), [
                "subject: imageScanningConfiguration.scanOnPush is not true; images ship unscanned. Set it to true.",
            ]);
            const result = await evaluatePolicies([ecrScanOnPush], [resourceRecord(REPO, "r", { imageScanningConfiguration: { scanOnPush: false } })], {
                "ecr-scan-on-push": "remediate",
            });
            assert.deepEqual(result.remediations[0]!.after.imageScanningConfiguration, { scanOnPush: true });
        });
    });

    describe("ecr-immutable-tags", () => {
        it("passes IMMUTABLE (and IMMUTABLE_WITH_EXCLUSION)", async () => {
            assert.deepEqual(await check(ecrImmutableTags, aws.ecr.Repository, { imageTagMutability: "IMMUTABLE" }), []);
            assert.deepEqual(await check(ecrImmutableTags, aws.ecr.Repository, { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }), []);
        });
        it("fails MUTABLE with one verdict and message whether omitted or filled in by the provider at preview", async () => {
            const expected = ['subject: imageTagMutability is MUTABLE (the default); a pushed tag can be overwritten. Set it to "IMMUTABLE".'];
            assert.deepEqual(messages(await check(ecrImmutableTags, aws.ecr.Repository, {})), expected);
            assert.deepEqual(messages(await check(ecrImmutableTags, aws.ecr.Repository, { imageTagMutability: "MUTABLE" })), expected);
        });
        it("an unknown value at preview is undecided, not a pass", async () => {
            const [v] = await check(ecrImmutableTags, aws.ecr.Repository, { imageTagMutability: UNKNOWN.string });
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /can't run policy 'ecr-immutable-tags' .* string value at .imageTagMutability can't be known during preview/);
        });
    });

    describe("ecr-lifecycle-policy (graph)", () => {
        it("passes a repository with a lifecycle policy (by graph or by name)", async () => {
            assert.deepEqual(
                await new StackBuilder()
                    .add(REPO, "repo", { name: "web" })
                    .add("aws:ecr/lifecyclePolicy:LifecyclePolicy", "lp", { repository: "web" }, { repository: ["repo"] })
                    .check(ecrLifecyclePolicy),
                [],
            );
            assert.deepEqual(
                await new StackBuilder()
                    .add(REPO, "repo", { name: "web" })
                    .add("aws:ecr/lifecyclePolicy:LifecyclePolicy", "lp", { repository: "web" })
                    .check(ecrLifecyclePolicy),
                [],
            );
        });
        it("fails a repository without one", async () => {
            assert.deepEqual(messages(await new StackBuilder().add(REPO, "repo", { name: "web" }).check(ecrLifecyclePolicy)), [
                "repo: has no lifecycle policy; images accumulate forever. Add an aws.ecr.LifecyclePolicy keeping the last N images.",
            ]);
        });
    });

    describe("ecr-no-public-repository-policy", () => {
        const type = "aws:ecr/repositoryPolicy:RepositoryPolicy";
        const publicPull = (Condition?: Record<string, unknown>) => ({
            policy: document({ Sid: "Pull", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"], ...(Condition ? { Condition } : {}) }),
        });
        it("passes a named principal and an org-, account- or ARN-conditioned `*`", async () => {
            assert.deepEqual(
                await checkRaw(ecrNoPublicRepositoryPolicy, type, {
                    policy: document({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "ecr:BatchGetImage" }),
                }),
                [],
            );
            for (const condition of [
                { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"] } },
                { StringEquals: { "aws:PrincipalAccount": ["123456789012", "210987654321"] } },
                { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/ci-*" } },
                { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" }, Bool: { "aws:SecureTransport": "true" } },
            ])
                assert.deepEqual(await checkRaw(ecrNoPublicRepositoryPolicy, type, publicPull(condition)), [], JSON.stringify(condition));
        });
        it("fails * without condition", async () => {
            assert.deepEqual(messages(await checkRaw(ecrNoPublicRepositoryPolicy, type, publicPull())), [
                'subject: statement Pull allows ["ecr:BatchGetImage"] to every principal ("*"); the repository is public.',
            ]);
        });
        it("fails * guarded only by conditions that do not narrow who, and says why", async () => {
            const why = async (condition: Record<string, unknown>) =>
                /its condition does not narrow who \((.*)\); the repository is public\.$/.exec(
                    messages(await checkRaw(ecrNoPublicRepositoryPolicy, type, publicPull(condition)))[0] ?? "",
                )?.[1];
            assert.equal(
                await why({ "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }),
                "ForAllValues:StringEquals on aws:PrincipalOrgID: ForAllValues is true when the key is absent, and aws:PrincipalOrgID is single-valued",
            );
            assert.equal(
                await why({ StringEquals: { "aws:username": "alice" } }),
                "StringEquals on aws:username: aws:username does not bind the caller to an account, organization, ARN or network",
            );
            assert.equal(
                await why({ StringEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }),
                "StringEqualsIfExists on aws:PrincipalOrgID: IfExists lets requests without the key through",
            );
            assert.equal(
                await why({ StringNotEquals: { "aws:PrincipalAccount": "999999999999" } }),
                "StringNotEquals on aws:PrincipalAccount: StringNotEquals does not name who may call",
            );
            assert.equal(await why({ StringLike: { "aws:PrincipalOrgID": "o-*" } }), "StringLike on aws:PrincipalOrgID: a value matches anyone");
            assert.equal(await why({ IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }), "IpAddress on aws:SourceIp: a value matches anyone");
            assert.equal(
                await why({ StringEquals: { "aws:NoSuchKey": "x" } }),
                "StringEquals on aws:NoSuchKey: aws:NoSuchKey is not a condition key AWS defines",
            );
        });
        it("reports a malformed policy", async () => {
            assert.deepEqual(messages(await checkRaw(ecrNoPublicRepositoryPolicy, type, { policy: "{" })), [
                "subject: policy is malformed: not valid JSON (Expected property name or '}' in JSON at position 1 (line 1 column 2)).",
            ]);
        });
    });

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
});
