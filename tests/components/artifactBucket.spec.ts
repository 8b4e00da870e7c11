import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { ArtifactBucket } from "../../components/artifactBucket";
import { s3Rules } from "../../policy/rules/s3";
import { detailOf } from "../../plan/verdicts";
import { evaluatePolicies } from "../policy/harness";
import { ROOT, json, one, record } from "../support/mocks";

const BUCKET = "web-dev-artifacts-123456789012";
const bucket = (disposable: boolean) => () => new ArtifactBucket("artifacts", { bucketName: BUCKET, retentionDays: 5, disposable, tags: { app: "web" } });

describe("ArtifactBucket under mocks", () => {
    it("encrypted with the AWS-managed key, every public access blocked, objects owned by the bucket owner", async () => {
        const resources = await record(bucket(true));
        assert.equal(one(resources, "aws:s3/bucket:Bucket").inputs.bucket, BUCKET);
        assert.deepEqual(one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true },
        ]);
        const block = one(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
        assert.deepEqual(
            [block.bucket, block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets],
            [BUCKET, true, true, true, true],
        );
        assert.deepEqual(one(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
        const versioning = one(resources, "aws:s3/bucketVersioning:BucketVersioning").inputs;
        assert.deepEqual([versioning.bucket, versioning.versioningConfiguration], [BUCKET, { status: "Enabled" }]);
    });

    it("passes every S3 rule under every profile; only the default profile's advisory access logging remains", async () => {
        const resources = await record(bucket(false));
        // Each profile's entries for the S3 rules (the harness runs only the rules under test).
        const profile = (name: string): PolicyPackConfig => {
            const config = JSON.parse(readFileSync(join(ROOT, "policy", "config", `${name}.json`), "utf8")) as PolicyPackConfig;
            return Object.fromEntries(s3Rules.filter((r) => config[r.name] !== undefined).map((r) => [r.name, config[r.name]!]));
        };
        const profiles: [string, PolicyPackConfig][] = [["default", {}], ...["dev", "staging", "prod"].map((n): [string, PolicyPackConfig] => [n, profile(n)])];
        for (const [name, config] of profiles) {
            const { violations } = await evaluatePolicies(s3Rules, resources, config, "up");
            const expected = name === "default" ? ["advisory artifacts: writes no server access logs; add a BucketLogging to a log bucket."] : [];
            assert.deepEqual(
                violations.map((v) => `${v.enforcementLevel} ${detailOf(v)}`),
                expected,
                name,
            );
        }
    });

    it("expires artifacts after the retention and refuses requests without TLS", async () => {
        const resources = await record(bucket(true));
        const [rule] = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules as {
            expiration: unknown;
            status: string;
        }[];
        assert.deepEqual([rule!.status, rule!.expiration], ["Enabled", { days: 5 }]);
        const policy = json(one(resources, "aws:s3/bucketPolicy:BucketPolicy").inputs.policy) as {
            Statement: { Effect: string; Resource: string[]; Condition: unknown }[];
        };
        assert.deepEqual(policy.Statement[0], {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
    });

    it("a disposable stack destroys the bucket with its objects; a kept one does not", async () => {
        assert.equal(one(await record(bucket(true)), "aws:s3/bucket:Bucket").inputs.forceDestroy, true);
        assert.equal(one(await record(bucket(false)), "aws:s3/bucket:Bucket").inputs.forceDestroy, false);
    });
});
