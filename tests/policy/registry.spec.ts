import { strict as assert } from "node:assert";
import { ecrImmutableTags, ecrLifecyclePolicy, ecrNoPublicRepositoryPolicy, ecrScanOnPush } from "../../policy/rules/registry";
import { document } from "./fixtures";
import { StackBuilder, check, evaluatePolicies, messages, resourceRecord } from "./harness";

const REPO = "aws:ecr/repository:Repository";

describe("policy: registry", () => {
    describe("ecr-scan-on-push", () => {
        it("passes scanOnPush and fails its absence; remediates", async () => {
            assert.deepEqual(await check(ecrScanOnPush, REPO, { imageScanningConfiguration: { scanOnPush: true } }), []);
            assert.deepEqual(messages(await check(ecrScanOnPush, REPO, {})), [
                "subject: imageScanningConfiguration.scanOnPush is not true; images ship unscanned. Set it to true.",
            ]);
            const result = await evaluatePolicies([ecrScanOnPush], [resourceRecord(REPO, "r", { imageScanningConfiguration: { scanOnPush: false } })], {
                "ecr-scan-on-push": "remediate",
            });
            assert.deepEqual(result.remediations[0]!.after.imageScanningConfiguration, { scanOnPush: true });
        });
    });

    describe("ecr-immutable-tags", () => {
        it("passes IMMUTABLE and fails MUTABLE or unset", async () => {
            assert.deepEqual(await check(ecrImmutableTags, REPO, { imageTagMutability: "IMMUTABLE" }), []);
            assert.deepEqual(messages(await check(ecrImmutableTags, REPO, { imageTagMutability: "MUTABLE" })), [
                'subject: imageTagMutability is MUTABLE; a pushed tag can be overwritten. Set it to "IMMUTABLE".',
            ]);
            assert.match(messages(await check(ecrImmutableTags, REPO, {}))[0]!, /MUTABLE \(default\)/);
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
        it("passes a named principal; fails * without condition", async () => {
            const type = "aws:ecr/repositoryPolicy:RepositoryPolicy";
            assert.deepEqual(
                await check(ecrNoPublicRepositoryPolicy, type, {
                    policy: document({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "ecr:BatchGetImage" }),
                }),
                [],
            );
            assert.deepEqual(
                await check(ecrNoPublicRepositoryPolicy, type, {
                    policy: document({
                        Effect: "Allow",
                        Principal: "*",
                        Action: "ecr:BatchGetImage",
                        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } },
                    }),
                }),
                [],
            );
            assert.deepEqual(
                messages(
                    await check(ecrNoPublicRepositoryPolicy, type, { policy: document({ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"] }) }),
                ),
                ['subject: statement 0 allows ["ecr:BatchGetImage"] to every principal ("*"); the repository is public.'],
            );
        });
    });
});
