import { strict as assert } from "node:assert";
import { Logs } from "../../components/logs";
import { one, record } from "../support/mocks";

const tags = { app: "web" };

describe("Logs under mocks", () => {
    it("Logs: named group, retention, optional KMS key, protected on prod", async () => {
        const resources = await record(() => new Logs("web-prod", { logGroupName: "/ecs/web/prod", retentionDays: 365, kms: true, protect: true, tags }));
        const group = one(resources, "aws:cloudwatch/logGroup:LogGroup");
        assert.equal(group.inputs.name, "/ecs/web/prod");
        assert.equal(group.inputs.retentionInDays, 365);
        const key = one(resources, "aws:kms/key:Key");
        assert.equal(group.inputs.kmsKeyId, key.outputs.arn);
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.ok(group.protect && key.protect);
    });
});
