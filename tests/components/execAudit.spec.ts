// ECS Exec's audit log under mocks: the cluster's execute-command logging and the task role's grant.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import type { ResourceRecord } from "../../plan/types";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const CLUSTER = "aws:ecs/cluster:Cluster";
type Statement = { Sid: string; Action: string[]; Resource: string | string[] };
const taskStatements = (resources: ResourceRecord[], stack: string) =>
    (json(one(resources, "aws:iam/rolePolicy:RolePolicy", `web-${stack}-task`).inputs.policy) as { Statement: Statement[] }).Statement;

describe("ECS Exec audit logging", () => {
    it("exec on prod: sessions logged to the stack's log group, encryption enforced (KMS on); the task role may write there", async () => {
        const resources = await record(() => deployApp(settingsFor("prod", { enableExec: "true" })), "prod");
        assert.deepEqual(one(resources, CLUSTER).inputs.configuration, {
            executeCommandConfiguration: {
                logging: "OVERRIDE",
                logConfiguration: { cloudWatchLogGroupName: "/ecs/web/prod", cloudWatchEncryptionEnabled: true },
            },
        });
        const statements = taskStatements(resources, "prod");
        assert.deepEqual(
            statements.filter((s) => s.Sid.startsWith("EcsExecAudit")),
            [
                { Sid: "EcsExecAuditLogLookup", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: "*" },
                {
                    Sid: "EcsExecAuditLog",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: ["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/prod:*"],
                },
            ],
        );
    });

    it("exec on dev (no KMS): logged, encryption not demanded of an unencrypted group", async () => {
        const resources = await record(() => deployApp(settingsFor("dev", { enableExec: "true" })), "dev");
        const configuration = one(resources, CLUSTER).inputs.configuration as { executeCommandConfiguration: { logConfiguration: Record<string, unknown> } };
        assert.deepEqual(configuration.executeCommandConfiguration.logConfiguration, {
            cloudWatchLogGroupName: "/ecs/web/dev",
            cloudWatchEncryptionEnabled: false,
        });
    });

    it("exec off: no execute-command configuration and no task role policy for it", async () => {
        const resources = await record(() => deployApp(settingsFor("dev")), "dev");
        assert.equal(one(resources, CLUSTER).inputs.configuration, undefined);
        assert.equal(ofType(resources, "aws:iam/rolePolicy:RolePolicy").filter((r) => r.name === "web-dev-task").length, 0);
    });
});
