import { strict as assert } from "node:assert";
import { Roles } from "../../components/roles";
import { json, one, ofType, record } from "../support/mocks";

const tags = { app: "web" };

describe("Roles under mocks", () => {
    const base = {
        executionRoleName: "web-dev-execution",
        taskRoleName: "web-dev-task",
        repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/web/dev"],
        logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev",
        secrets: [],
        s3Grants: [],
        enableExec: false,
        tags,
    };

    it("two roles trusting ecs-tasks with confused-deputy conditions; execution policy scoped", async () => {
        const resources = await record(() => new Roles("web-dev", base));
        const roles = ofType(resources, "aws:iam/role:Role");
        assert.equal(roles.length, 2);
        for (const role of roles) {
            const trust = json(role.inputs.assumeRolePolicy) as { Statement: { Principal: unknown; Condition: Record<string, Record<string, string>> }[] };
            assert.deepEqual(trust.Statement[0]!.Principal, { Service: "ecs-tasks.amazonaws.com" });
            assert.equal(trust.Statement[0]!.Condition.StringEquals!["aws:SourceAccount"], "123456789012");
        }
        const policy = json(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy) as {
            Statement: { Action: string[]; Resource: string | string[] }[];
        };
        const wildcard = policy.Statement.filter((s) => s.Resource === "*");
        assert.deepEqual(
            wildcard.map((s) => s.Action),
            [["ecr:GetAuthorizationToken"]],
        );
        assert.ok(policy.Statement.every((s) => s.Action.every((a) => !a.includes("*"))));
        assert.ok(!resources.some((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment"), "no managed policies");
    });

    it("task role gets a policy only for declared grants", async () => {
        const resources = await record(() => new Roles("web-dev", { ...base, s3Grants: [{ bucket: "acme-assets", access: "read" }] }));
        const policies = ofType(resources, "aws:iam/rolePolicy:RolePolicy");
        assert.equal(policies.length, 2);
        const task = json(policies.find((p) => p.name === "web-dev-task")!.inputs.policy) as { Statement: { Resource: string[] }[] };
        assert.deepEqual(
            task.Statement.flatMap((s) => s.Resource),
            ["arn:aws:s3:::acme-assets", "arn:aws:s3:::acme-assets/*"],
        );
    });
});
