import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecsTasksTrustPolicy } from "../../documents/iamDocuments";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { iamTrustNoAccountRoot } from "../../policy/rules/iamTrust";
import { document } from "./fixtures";
import { check, messages } from "./harness";

const trust = (Principal: unknown, Condition?: Record<string, unknown>) => ({
    assumeRolePolicy: document({ Sid: "T", Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }),
});

describe("iam-trust-no-account-root", () => {
    it("passes the program's ecs-tasks trust and trust of named roles", async () => {
        assert.deepEqual(
            await check(iamTrustNoAccountRoot, aws.iam.Role, { assumeRolePolicy: JSON.stringify(ecsTasksTrustPolicy("123456789012", "aws", "us-east-1")) }),
            [],
        );
        assert.deepEqual(await check(iamTrustNoAccountRoot, aws.iam.Role, trust({ AWS: ["arn:aws:iam::210987654321:role/deployer"] })), []);
    });
    it("fails trust of another account's root, as an ARN or a bare account id", async () => {
        assert.deepEqual(messages(await check(iamTrustNoAccountRoot, aws.iam.Role, trust({ AWS: "arn:aws:iam::210987654321:root" }))), [
            "subject: trust statement T trusts all of account 210987654321 (arn:aws:iam::210987654321:root): any principal there allowed sts:AssumeRole can assume this role. Name the roles, or add an aws:PrincipalArn condition.",
        ]);
        assert.match(
            messages(await check(iamTrustNoAccountRoot, aws.iam.Role, trust({ AWS: ["210987654321", "arn:aws-cn:iam::111122223333:root"] })))[0]!,
            /account 210987654321, 111122223333/,
        );
    });
    it("an aws:PrincipalArn condition narrows the account to named principals; sts:ExternalId does not", async () => {
        const root = { AWS: "arn:aws:iam::210987654321:root" };
        assert.deepEqual(
            await check(iamTrustNoAccountRoot, aws.iam.Role, trust(root, { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::210987654321:role/ci" } })),
            [],
        );
        assert.equal((await check(iamTrustNoAccountRoot, aws.iam.Role, trust(root, { StringEquals: { "sts:ExternalId": "x1" } }))).length, 1);
        assert.equal((await check(iamTrustNoAccountRoot, aws.iam.Role, trust(root, { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }))).length, 1);
    });
    it("a trust policy still unknown at preview is undecided (advisory)", async () => {
        const [v] = await check(iamTrustNoAccountRoot, aws.iam.Role, { assumeRolePolicy: UNKNOWN.string });
        assert.equal(v!.enforcementLevel, "advisory");
        assert.match(v!.message, /string value at .assumeRolePolicy can't be known during preview/);
    });
    it("accounts the config fully trusts are allowed", async () => {
        assert.deepEqual(
            await check(iamTrustNoAccountRoot, aws.iam.Role, trust({ AWS: "210987654321" }), {
                "iam-trust-no-account-root": { trustedAccountIds: ["210987654321"] },
            }),
            [],
        );
    });
});
