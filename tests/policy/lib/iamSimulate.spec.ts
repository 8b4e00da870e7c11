import { strict as assert } from "node:assert";
import { parsePolicy, Statement } from "../../../policy/lib/iam";
import { SOME_SEGMENT, resourceMatches, simulate } from "../../../policy/lib/iamSimulate";
import { document } from "../fixtures";

const statements = (...s: Record<string, unknown>[]): Statement[] => {
    const parsed = parsePolicy(document(...s));
    assert.ok(parsed.ok);
    return parsed.statements;
};
const REPO = "arn:aws:ecr:us-east-1:123456789012:repository/web";

describe("policy lib: IAM simulation", () => {
    it("matches resources case-sensitively; `*` matches all, a trailing `*` reaches across colons, open segments match anything", () => {
        assert.ok(resourceMatches("*", REPO));
        assert.ok(resourceMatches("arn:aws:ecr:*:123456789012:repository/*", REPO));
        assert.ok(!resourceMatches("arn:aws:ecr:us-east-1:123456789012:repository/Web", REPO));
        assert.ok(resourceMatches("arn:aws:ecr:us-east-1:*", REPO));
        assert.ok(!resourceMatches("arn:aws:ecr:us-west-2:*", REPO));
        assert.ok(
            resourceMatches(
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:a/b",
            ),
        );
        assert.ok(resourceMatches("arn:aws:logs:us-east-1:123456789012:log-group:/x:*", `arn:aws:logs:us-east-1:${SOME_SEGMENT}:log-group:/x:log-stream:s`));
        assert.ok(!resourceMatches("arn:aws:logs:us-east-1:123456789012:log-group:/y:*", `arn:aws:logs:us-east-1:${SOME_SEGMENT}:log-group:/x:log-stream:s`));
        assert.ok(!resourceMatches(REPO, "*"), "actions without a resource type are only matched by `*`");
    });
    it("decides as IAM does: explicit deny, then allow, else implicit deny", () => {
        const allowPull = { Effect: "Allow", Action: "ecr:BatchGetImage", Resource: REPO };
        assert.equal(simulate(statements(allowPull), { action: "ecr:batchgetimage", resource: REPO }).decision, "allowed");
        assert.equal(simulate(statements(allowPull), { action: "ecr:PutImage", resource: REPO }).decision, "implicit");
        assert.equal(
            simulate(statements(allowPull, { Effect: "Deny", Action: "ecr:*", Resource: "*" }), { action: "ecr:BatchGetImage", resource: REPO }).decision,
            "denied",
        );
    });
    it("treats conditions as 'may apply': a conditional allow or a conditional deny makes the decision conditional", () => {
        const conditional = { Effect: "Allow", Action: "ecr:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } };
        assert.equal(simulate(statements(conditional), { action: "ecr:PutImage", resource: REPO }).decision, "conditional");
        const allowed = { Effect: "Allow", Action: "ecr:*", Resource: "*" };
        const maybeDenied = { Effect: "Deny", Action: "ecr:PutImage", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalTag/team": "ci" } } };
        assert.equal(simulate(statements(allowed, maybeDenied), { action: "ecr:PutImage", resource: REPO }).decision, "conditional");
    });
    it("honours NotAction and NotResource", () => {
        const notIam = { Effect: "Allow", NotAction: "iam:*", Resource: "*" };
        assert.equal(simulate(statements(notIam), { action: "iam:PassRole", resource: "arn:aws:iam::1:role/x" }).decision, "implicit");
        assert.equal(simulate(statements(notIam), { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }).decision, "allowed");
        const notSecret = { Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" };
        assert.equal(simulate(statements(notSecret), { action: "s3:GetObject", resource: "arn:aws:s3:::secret/k" }).decision, "implicit");
        assert.equal(simulate(statements(notSecret), { action: "s3:GetObject", resource: "arn:aws:s3:::public/k" }).decision, "allowed");
    });
});
