import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecsAwslogsGroupExists, logGroupKms, logGroupRetention } from "../../policy/rules/logging";
import { goodContainer, taskDefinition } from "./fixtures";
import { check, evaluatePolicies, messages, resourceRecord, StackBuilder, TASK_DEFINITION } from "./harness";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describe("policy: logging", () => {
    describe("log-group-retention", () => {
        it("passes retention at or above the minimum", async () => {
            assert.deepEqual(await check(logGroupRetention, aws.cloudwatch.LogGroup, { retentionInDays: 30 }), []);
        });
        it("fails missing retention and retention below the configured minimum", async () => {
            assert.deepEqual(messages(await check(logGroupRetention, aws.cloudwatch.LogGroup, {})), [
                "subject: retentionInDays is not set, so logs are kept forever; set it to at least 7 days.",
            ]);
            assert.deepEqual(
                messages(
                    await check(logGroupRetention, aws.cloudwatch.LogGroup, { retentionInDays: 30 }, { "log-group-retention": { minimumRetentionDays: 365 } }),
                ),
                ["subject: retentionInDays is 30; the minimum is 365 days."],
            );
        });
        it("remediates a missing retention to the configured default", async () => {
            const result = await evaluatePolicies([logGroupRetention], [resourceRecord(LOG_GROUP, "g", {})], {
                "log-group-retention": { enforcementLevel: "remediate", defaultRetentionDays: 14 },
            });
            assert.equal(result.remediations[0]!.after.retentionInDays, 14);
            assert.deepEqual(result.violations, []);
        });
    });

    describe("log-group-kms (advisory)", () => {
        it("passes with a key and advises without one", async () => {
            assert.deepEqual(await check(logGroupKms, aws.cloudwatch.LogGroup, { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/x" }), []);
            const [v] = await check(logGroupKms, aws.cloudwatch.LogGroup, {});
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(v!.message, /kmsKeyId is not set/);
        });
    });

    describe("ecs-awslogs-group-exists (graph)", () => {
        const td = taskDefinition([goodContainer]);
        it("passes when the group is in the stack or allowlisted", async () => {
            assert.deepEqual(
                await new StackBuilder().add(LOG_GROUP, "g", { name: "/ecs/web/dev" }).add(TASK_DEFINITION, "td", td).check(ecsAwslogsGroupExists),
                [],
            );
            assert.deepEqual(
                await new StackBuilder()
                    .add(TASK_DEFINITION, "td", td)
                    .check(ecsAwslogsGroupExists, { "ecs-awslogs-group-exists": { allowedLogGroups: ["/ecs/web/dev"] } }),
                [],
            );
        });
        it("fails a group that nothing creates", async () => {
            assert.deepEqual(messages(await new StackBuilder().add(TASK_DEFINITION, "td", td).check(ecsAwslogsGroupExists)), [
                "td: container web writes to log group /ecs/web/dev, which is not in this stack nor in allowedLogGroups; it would be created without retention.",
            ]);
        });
    });
});
