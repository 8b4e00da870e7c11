import { strict as assert } from "node:assert";
import { narrowsPrincipals } from "../../../policy/lib/conditions";

describe("policy lib: conditions that narrow `Principal: *`", () => {
    it("a positive match on an org, account, ARN, network or user id narrows", () => {
        for (const condition of [
            { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
            { StringEquals: { "aws:sourceaccount": "123456789012" } },
            { ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*" } },
            { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } },
            { StringLike: { "aws:userid": "AROAEXAMPLEID:*" } },
            { StringEquals: { "kms:CallerAccount": "123456789012" } },
        ])
            assert.equal(narrowsPrincipals(condition).narrows, true, JSON.stringify(condition));
    });
    it("one narrowing entry is enough (conditions are ANDed)", () => {
        assert.deepEqual(narrowsPrincipals({ Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }), {
            narrows: true,
            by: "StringEquals on aws:PrincipalOrgID",
        });
    });
    it("ForAllValues, IfExists, negations, wildcards and keys anyone can satisfy do not narrow", () => {
        const why = (c: unknown) => {
            const v = narrowsPrincipals(c);
            return v.narrows ? "narrows" : v.why;
        };
        assert.equal(
            why({ "ForAllValues:StringLike": { "aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/*"] } }),
            "ForAllValues:StringLike on aws:PrincipalOrgPaths: ForAllValues is true when the key is absent",
        );
        assert.match(why({ "ForAllValues:StringEquals": { "aws:SourceAccount": "123456789012" } }), /aws:SourceAccount is single-valued$/);
        assert.match(why({ ArnLikeIfExists: { "aws:SourceArn": "arn:aws:s3:::b" } }), /IfExists lets requests without the key through/);
        assert.match(why({ Null: { "aws:PrincipalOrgID": "false" } }), /Null does not name who may call/);
        assert.match(why({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/admin" } }), /a value matches anyone/);
        assert.match(why({ StringEquals: { "aws:PrincipalTag/team": "platform" } }), /does not bind the caller/);
        assert.equal(why(undefined), "no condition");
        assert.equal(why({}), "no condition");
    });
    it("onlyKeys limits which keys count", () => {
        assert.equal(narrowsPrincipals({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }, ["aws:PrincipalArn"]).narrows, false);
        assert.equal(narrowsPrincipals({ ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/ci" } }, ["aws:PrincipalArn"]).narrows, true);
    });
});
