import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecsAwslogsGroupExists, logGroupKms, logGroupRetention } from "../../policy/rules/logging";
import { ecsClusterContainerInsights } from "../../policy/rules/cluster";
import { ecsContainerLogConfiguration } from "../../policy/rules/container";
import { goodContainer, taskDefinition, tutorialContainer } from "./fixtures";
import { check, checkRaw, evaluatePolicies, messages, resourceRecord, StackBuilder, TASK_DEFINITION } from "./harness";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const CLUSTER = "aws:ecs/cluster:Cluster";

describe("policy: logging", () => {
    describe("ecs-container-log-configuration", () => {
        it("passes containers with awslogs, given as a JSON string or as objects", async () => {
            assert.deepEqual(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, taskDefinition([goodContainer])), []);
            assert.deepEqual(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, { containerDefinitions: [goodContainer] }), []);
        });
        it("fails the tutorial container without logConfiguration", async () => {
            assert.deepEqual(messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, taskDefinition([goodContainer, tutorialContainer]))), [
                "subject: container app has no logConfiguration; its output is lost. Add one with the awslogs driver.",
            ]);
        });
        it("fails a driver outside the allowlist, which config can extend", async () => {
            const td = taskDefinition([{ ...goodContainer, logConfiguration: { logDriver: "splunk" } }]);
            assert.match(
                messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, td))[0]!,
                /uses log driver splunk; allowed: awslogs, awsfirelens/,
            );
            assert.deepEqual(
                await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, td, {
                    "ecs-container-log-configuration": { allowedLogDrivers: ["awslogs", "splunk"] },
                }),
                [],
            );
        });
        it("reports a malformed document as a violation instead of crashing", async () => {
            assert.match(
                messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, { containerDefinitions: "[{not json" }))[0]!,
                /containerDefinitions is malformed: not valid JSON/,
            );
            assert.match(
                messages(await checkRaw(ecsContainerLogConfiguration, TASK_DEFINITION, { containerDefinitions: "[]" }))[0]!,
                /an empty container list/,
            );
        });
    });

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

    describe("ecs-cluster-container-insights", () => {
        it("passes enabled and enhanced", async () => {
            for (const value of ["enabled", "enhanced"])
                assert.deepEqual(await check(ecsClusterContainerInsights, aws.ecs.Cluster, { settings: [{ name: "containerInsights", value }] }), []);
        });
        it("fails a cluster without it, and remediates", async () => {
            assert.match(messages(await check(ecsClusterContainerInsights, aws.ecs.Cluster, {}))[0]!, /Container Insights is off/);
            const result = await evaluatePolicies(
                [ecsClusterContainerInsights],
                [resourceRecord(CLUSTER, "c", { settings: [{ name: "containerInsights", value: "disabled" }] })],
                { "ecs-cluster-container-insights": "remediate" },
            );
            assert.deepEqual(result.remediations[0]!.after.settings, [{ name: "containerInsights", value: "enabled" }]);
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
