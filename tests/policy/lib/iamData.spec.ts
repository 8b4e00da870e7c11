// AWS's service authorization data as the pack reads it: lazily, one service at a time.
import { strict as assert } from "node:assert";
import { byLevel, expandAction, MUTATING_LEVELS } from "../../../policy/lib/actionSets";
import { actionInfo, arnFormat, conditionKeyType, serviceActions } from "../../../policy/lib/iamData";
import { ECR_AUTH_ACTION, ECR_PULL_ACTIONS, EXEC_CHANNEL_ACTIONS, LOG_WRITE_ACTIONS } from "../../../policy/knowledge/iamActions";

describe("policy lib: IAM data", () => {
    it("knows which actions have no resource type (and so need Resource *) and which do", () => {
        assert.deepEqual(actionInfo("s3:ListAllMyBuckets")!.resourceTypes, []);
        assert.deepEqual(actionInfo(ECR_AUTH_ACTION)!.resourceTypes, []);
        for (const a of EXEC_CHANNEL_ACTIONS) assert.deepEqual(actionInfo(a)!.resourceTypes, [], a);
        for (const a of ECR_PULL_ACTIONS) assert.deepEqual(actionInfo(a)!.resourceTypes, ["repository"], a);
        for (const a of LOG_WRITE_ACTIONS) assert.deepEqual(actionInfo(a)!.resourceTypes, ["log-stream"], a);
    });
    it("reads actions case-insensitively with their canonical spelling and access levels", () => {
        assert.deepEqual(actionInfo("IAM:attachrolepolicy"), {
            action: "iam:AttachRolePolicy",
            levels: ["Permissions management", "Write"],
            resourceTypes: ["role"],
        });
        assert.equal(actionInfo("s3:NoSuchAction"), undefined);
        assert.equal(actionInfo("nosuchservice:Get"), undefined);
        assert.equal(actionInfo("no-colon"), undefined);
    });
    it("never reads outside the data folder", () => {
        assert.equal(serviceActions("../../package"), undefined);
        assert.equal(serviceActions("s3/../ecr"), undefined);
    });
    it("gives ARN formats and condition key types", () => {
        assert.equal(arnFormat("ecr", "repository"), "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}");
        assert.equal(arnFormat("secretsmanager", "Secret"), "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}");
        assert.equal(conditionKeyType("aws:PrincipalOrgID"), "String");
        assert.equal(conditionKeyType("aws:PrincipalOrgPaths"), "ArrayOfString");
        assert.equal(conditionKeyType("aws:PrincipalTag/team"), "String");
        assert.equal(conditionKeyType("kms:CallerAccount"), "String");
        assert.equal(conditionKeyType("ecr:ResourceTag/app"), "String");
        assert.equal(conditionKeyType("aws:NoSuchKey"), undefined);
    });
    it("expands wildcards into concrete actions with their levels", () => {
        const batch = expandAction("ecr:Batch*");
        assert.equal(batch.kind, "actions");
        const actions = batch.kind === "actions" ? batch.actions : [];
        assert.ok(actions.some((a) => a.action === "ecr:BatchGetImage"));
        assert.deepEqual(byLevel(actions, MUTATING_LEVELS), [{ level: "Write", actions: ["ecr:BatchImportUpstreamImage", "ecr:BatchDeleteImage"] }]);
        assert.deepEqual(expandAction("*"), { kind: "everything" });
        assert.deepEqual(expandAction("s3*:Get*"), { kind: "everything" });
        assert.deepEqual(expandAction("s3GetObject"), { kind: "malformed" });
        assert.deepEqual(expandAction("nosuchservice:*"), { kind: "unknownService", service: "nosuchservice" });
        assert.deepEqual(expandAction("s3:GetObjec?"), { kind: "actions", actions: [actionInfo("s3:GetObject")] });
    });
    it("counts an action with two levels once, under the first asked for", () => {
        const iam = expandAction("iam:AttachRolePolicy");
        assert.deepEqual(byLevel(iam.kind === "actions" ? iam.actions : [], MUTATING_LEVELS), [
            { level: "Permissions management", actions: ["iam:AttachRolePolicy"] },
        ]);
    });
});
