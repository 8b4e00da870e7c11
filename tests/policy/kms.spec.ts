import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { logsKeyPolicy } from "../../documents/iamDocuments";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { kmsKeyEnabled, kmsKeyPolicyNoPublicPrincipal, kmsKeyRotation } from "../../policy/rules/kms";
import { document } from "./fixtures";
import { check, checkRaw, messages } from "./harness";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

describe("policy: kms", () => {
    describe("kms-key-rotation", () => {
        it("passes a rotating key, and keys that cannot rotate (asymmetric, HMAC, external key stores)", async () => {
            assert.deepEqual(await check(kmsKeyRotation, aws.kms.Key, { enableKeyRotation: true }), []);
            assert.deepEqual(await check(kmsKeyRotation, aws.kms.Key, { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }), []);
            assert.deepEqual(await check(kmsKeyRotation, aws.kms.Key, { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }), []);
            assert.deepEqual(await check(kmsKeyRotation, aws.kms.Key, { customKeyStoreId: "cks-1234567890abcdef0" }), []);
        });
        it("fails rotation off with one message whether omitted or filled in by the provider", async () => {
            const expected = ["subject: enableKeyRotation is false (the default); the key material never changes. Set it to true."];
            assert.deepEqual(messages(await check(kmsKeyRotation, aws.kms.Key, {})), expected);
            assert.deepEqual(
                messages(
                    await check(kmsKeyRotation, aws.kms.Key, {
                        enableKeyRotation: false,
                        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                        keyUsage: "ENCRYPT_DECRYPT",
                    }),
                ),
                expected,
            );
        });
        it("is undecided at preview when rotation is computed", async () => {
            const [v] = await checkRaw(kmsKeyRotation, KEY, { enableKeyRotation: UNKNOWN.boolean });
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /string value at .enableKeyRotation can't be known during preview/);
        });
    });

    describe("kms-key-enabled", () => {
        it("passes an enabled key, omitted or filled in", async () => {
            assert.deepEqual(await check(kmsKeyEnabled, aws.kms.Key, {}), []);
            assert.deepEqual(await check(kmsKeyEnabled, aws.kms.Key, { isEnabled: true }), []);
        });
        it("fails a disabled key", async () => {
            assert.deepEqual(messages(await check(kmsKeyEnabled, aws.kms.Key, { isEnabled: false })), [
                "subject: isEnabled is false; data encrypted with this key cannot be decrypted while it stays disabled. Enable it or delete the key.",
            ]);
        });
    });

    describe("kms-key-policy-no-public-principal", () => {
        it("passes the program's log key policy, the default policy, and `*` narrowed to the caller's account", async () => {
            assert.deepEqual(
                await check(kmsKeyPolicyNoPublicPrincipal, aws.kms.Key, {
                    policy: JSON.stringify(logsKeyPolicy("123456789012", "aws", "us-east-1", "/ecs/web/prod")),
                }),
                [],
            );
            assert.deepEqual(await check(kmsKeyPolicyNoPublicPrincipal, aws.kms.Key, {}), []);
            const viaService = document({
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } },
            });
            assert.deepEqual(await check(kmsKeyPolicyNoPublicPrincipal, aws.kms.KeyPolicy, { keyId: UNKNOWN.string, policy: viaService }), []);
        });
        it("fails a key any principal may use, with or without a condition that does not narrow who", async () => {
            const open = (Condition?: Record<string, unknown>) => ({
                policy: document({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*", ...(Condition ? { Condition } : {}) }),
            });
            assert.deepEqual(messages(await check(kmsKeyPolicyNoPublicPrincipal, aws.kms.Key, open())), [
                'subject: statement Open allows ["kms:*"] on the key to every principal ("*"); anyone could use or manage it.',
            ]);
            assert.deepEqual(messages(await checkRaw(kmsKeyPolicyNoPublicPrincipal, KEY_POLICY, open({ Bool: { "aws:SecureTransport": "true" } }))), [
                'subject: statement Open allows ["kms:*"] on the key to every principal ("*"), and its condition does not narrow who (Bool on aws:SecureTransport: aws:SecureTransport does not bind the caller to an account, organization, ARN or network); anyone could use or manage it.',
            ]);
        });
        it("a key policy still unknown at preview is undecided (advisory), never a pass", async () => {
            const [v] = await check(kmsKeyPolicyNoPublicPrincipal, aws.kms.Key, { policy: UNKNOWN.string });
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /can't run policy 'kms-key-policy-no-public-principal' .* string value at .policy can't be known during preview/);
        });
        it("reports a malformed key policy", async () => {
            assert.match(
                messages(await check(kmsKeyPolicyNoPublicPrincipal, aws.kms.Key, { policy: "not json" }))[0]!,
                /^subject: policy is malformed: not valid JSON/,
            );
        });
    });
});
