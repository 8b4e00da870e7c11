import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsClusterContainerInsights, ecsExecAuditLogging } from "../../policy/rules/cluster";
import { check, evaluatePolicies, messages, resourceRecord, StackBuilder } from "./harness";

const CLUSTER = "aws:ecs/cluster:Cluster";
const SERVICE = "aws:ecs/service:Service";
const CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/web-prod";
const logged = {
    executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/ecs/web/prod", cloudWatchEncryptionEnabled: true } },
};

describe("policy: cluster", () => {
    describe("ecs-exec-audit-logging (graph)", () => {
        it("passes exec on a cluster that logs sessions: by the cluster edge at preview, by ARN or name after up", async () => {
            const atPreview = new StackBuilder()
                .add(CLUSTER, "cluster", { name: "web-prod", configuration: logged, arn: UNKNOWN.string })
                .add(SERVICE, "svc", { enableExecuteCommand: true, cluster: UNKNOWN.string }, { cluster: ["cluster"] });
            assert.deepEqual(await atPreview.check(ecsExecAuditLogging), []);
            const byArn = new StackBuilder()
                .add(CLUSTER, "cluster", { name: "web-prod", arn: CLUSTER_ARN, configuration: logged })
                .add(SERVICE, "svc", { enableExecuteCommand: true, cluster: CLUSTER_ARN });
            assert.deepEqual(await byArn.check(ecsExecAuditLogging), []);
            const toS3 = { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { s3BucketName: "audit" } } };
            const byName = new StackBuilder()
                .add(CLUSTER, "cluster", { name: "web-prod", configuration: toS3 })
                .add(SERVICE, "svc", { enableExecuteCommand: true, cluster: "web-prod" });
            assert.deepEqual(await byName.check(ecsExecAuditLogging), []);
        });

        it("passes services without exec, and exec on a cluster of another stack (not this stack's to judge)", async () => {
            const b = new StackBuilder()
                .add(CLUSTER, "cluster", { name: "web-prod" })
                .add(SERVICE, "quiet", { enableExecuteCommand: false, cluster: "web-prod" })
                .add(SERVICE, "elsewhere", { enableExecuteCommand: true, cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/shared" });
            assert.deepEqual(await b.check(ecsExecAuditLogging), []);
        });

        it("fails exec on a cluster without logging, with logging NONE, or OVERRIDE without a destination", async () => {
            const b = new StackBuilder()
                .add(CLUSTER, "plain", { name: "plain" })
                .add(CLUSTER, "none", { name: "none", configuration: { executeCommandConfiguration: { logging: "NONE" } } })
                .add(CLUSTER, "nowhere", { name: "nowhere", configuration: { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: {} } } })
                .add(SERVICE, "a", { enableExecuteCommand: true, cluster: UNKNOWN.string }, { cluster: ["plain"] })
                .add(SERVICE, "b", { enableExecuteCommand: true, cluster: "none" })
                .add(SERVICE, "c", { enableExecuteCommand: true, cluster: "nowhere" });
            assert.deepEqual(messages(await b.check(ecsExecAuditLogging)), [
                "a: has ECS Exec enabled, but its cluster plain leaves execute-command logging at DEFAULT (sessions land only where each task definition's awslogs points, mixed with the app's output, or nowhere); shells opened in its tasks leave no audit trail.",
                "b: has ECS Exec enabled, but its cluster none sets execute-command logging to NONE; shells opened in its tasks leave no audit trail.",
                "c: has ECS Exec enabled, but its cluster nowhere sets execute-command logging to OVERRIDE without a log group or bucket; shells opened in its tasks leave no audit trail.",
            ]);
        });

        it("a cluster configuration unknown at preview is undecided: fail-closed names it instead of guessing a gap", async () => {
            const b = new StackBuilder()
                .add(CLUSTER, "cluster", { name: "web-prod", configuration: UNKNOWN.object })
                .add(SERVICE, "svc", { enableExecuteCommand: true, cluster: UNKNOWN.string }, { cluster: ["cluster"] });
            const vs = await b.check(ecsExecAuditLogging, { "ecs-exec-audit-logging": { enforcementLevel: "mandatory", failClosedAtPreview: true } });
            assert.deepEqual(
                messages(vs).map((m) => m.split(",")[0]),
                ["configuration is unknown at preview"],
            );
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
});
