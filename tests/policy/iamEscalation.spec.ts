import { strict as assert } from "node:assert";
import { actionInfo } from "../../policy/lib/iamData";
import { ESCALATION_ACTIONS, PASS_ROLE } from "../../policy/lib/iamEscalations";
import { iamNoPrivilegeEscalation } from "../../policy/rules/iam";
import { document } from "./fixtures";
import { checkRaw, messages } from "./harness";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const allow = (Action: unknown, Resource: unknown = "*", extra: Record<string, unknown> = {}) => ({
    policy: document({ Sid: "S", Effect: "Allow", Action, Resource, ...extra }),
});

describe("iam-no-privilege-escalation", () => {
    it("every escalation action is a real action in AWS's authorization data", () => {
        for (const action of [...Object.keys(ESCALATION_ACTIONS), PASS_ROLE]) assert.ok(actionInfo(action), action);
    });
    it("passes iam:PassRole scoped to named roles, and ordinary workload grants", async () => {
        assert.deepEqual(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, allow("iam:PassRole", "arn:aws:iam::123456789012:role/app-task")), []);
        assert.deepEqual(
            await checkRaw(
                iamNoPrivilegeEscalation,
                ROLE_POLICY,
                allow("iam:PassRole", ["arn:aws:iam::123456789012:role/app-*"], {
                    Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
                }),
            ),
            [],
        );
        assert.deepEqual(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, allow(["s3:GetObject", "iam:GetRole", "iam:List*"], "*")), []);
        assert.deepEqual(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, { policy: document({ Effect: "Deny", Action: "iam:*", Resource: "*" }) }), []);
    });
    it("calls out iam:PassRole on * and the policy-rewriting actions by name, not only as a wildcard resource", async () => {
        assert.deepEqual(
            messages(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, allow(["iam:PassRole", "iam:CreatePolicyVersion", "iam:UpdateLoginProfile"]))),
            [
                "subject: policy statement S allows privilege escalation: iam:PassRole on any role (hand any role to a service it can start); iam:CreatePolicyVersion (rewrite a managed policy); iam:UpdateLoginProfile (reset another user's console password). A principal holding these can give itself more than it was granted.",
            ],
        );
        assert.match(
            messages(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, allow("iam:PassRole", "arn:aws:iam::123456789012:role/*")))[0]!,
            /iam:PassRole on any role/,
        );
    });
    it("sees escalation through wildcards, `*` and NotAction", async () => {
        assert.match(
            messages(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, allow("iam:Attach*", "arn:aws:iam::123456789012:role/app")))[0]!,
            /iam:AttachUserPolicy via iam:Attach\* \(attach any managed policy to a user\); iam:AttachGroupPolicy via iam:Attach\*.*iam:AttachRolePolicy via iam:Attach\*/,
        );
        assert.match(messages(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, allow("*")))[0]!, /iam:PassRole via \* on any role/);
        const notIam = { policy: document({ Sid: "S", Effect: "Allow", NotAction: "iam:*", Resource: "*" }) };
        assert.deepEqual(messages(await checkRaw(iamNoPrivilegeEscalation, ROLE_POLICY, notIam)), [
            "subject: policy statement S allows privilege escalation: lambda:UpdateFunctionCode (run its own code under a function's role); glue:UpdateDevEndpoint (take over a Glue dev endpoint's role). A principal holding these can give itself more than it was granted.",
        ]);
    });
    it("applies to user, group and managed policies and inline role policies", async () => {
        const bad = document({ Effect: "Allow", Action: "iam:PutUserPolicy", Resource: "arn:aws:iam::123456789012:user/me" });
        for (const type of ["aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy", "aws:iam/policy:Policy"])
            assert.equal((await checkRaw(iamNoPrivilegeEscalation, type, { policy: bad })).length, 1, type);
        assert.match(
            messages(await checkRaw(iamNoPrivilegeEscalation, "aws:iam/role:Role", { inlinePolicies: [{ name: "ci", policy: bad }] }))[0]!,
            /^subject: inlinePolicies\[0\] \(ci\) statement 0 allows privilege escalation: iam:PutUserPolicy/,
        );
    });
});
