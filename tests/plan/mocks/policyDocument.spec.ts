// aws.iam.getPolicyDocument as the AWS provider renders it, without mocks: a pure function.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { PolicyDocumentError, renderPolicyDocument } from "../../../plan/mocks/policyDocument";

describe("getPolicyDocument rendering", () => {
    it("renders a statement as the provider does: Effect defaults to Allow, one action as a string, several de-duplicated and descending", () => {
        const doc = renderPolicyDocument({
            statements: [
                { sid: "1", actions: ["s3:GetBucketLocation", "s3:ListAllMyBuckets", "s3:GetBucketLocation"], resources: ["arn:aws:s3:::*"] },
                { actions: ["sqs:SendMessage"], notResources: ["arn:aws:sqs:*:*:private", "arn:aws:sqs:*:*:audit"] },
            ],
        });
        assert.equal(
            doc.json,
            [
                "{",
                '  "Version": "2012-10-17",',
                '  "Statement": [',
                "    {",
                '      "Sid": "1",',
                '      "Effect": "Allow",',
                '      "Action": [',
                '        "s3:ListAllMyBuckets",',
                '        "s3:GetBucketLocation"',
                "      ],",
                '      "Resource": "arn:aws:s3:::*"',
                "    },",
                "    {",
                '      "Effect": "Allow",',
                '      "Action": "sqs:SendMessage",',
                '      "NotResource": [',
                '        "arn:aws:sqs:*:*:private",',
                '        "arn:aws:sqs:*:*:audit"',
                "      ]",
                "    }",
                "  ]",
                "}",
            ].join("\n"),
        );
        assert.equal(
            doc.minifiedJson,
            '{"Version":"2012-10-17","Statement":[{"Sid":"1","Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetBucketLocation"],"Resource":"arn:aws:s3:::*"},{"Effect":"Allow","Action":"sqs:SendMessage","NotResource":["arn:aws:sqs:*:*:private","arn:aws:sqs:*:*:audit"]}]}',
        );
        assert.match(doc.id, /^\d+$/);
        assert.notEqual(renderPolicyDocument({ statements: [{ actions: ["s3:GetObject"] }] }).id, doc.id);
    });

    it("writes principals as a sorted map (blocks of one type merged) and a lone * principal as the string *", () => {
        const trust = renderPolicyDocument({
            statements: [
                {
                    actions: ["sts:AssumeRole"],
                    principals: [
                        { type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] },
                        { type: "AWS", identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"] },
                        { type: "AWS", identifiers: ["arn:aws:iam::333333333333:root"] },
                    ],
                },
            ],
        });
        assert.deepEqual(JSON.parse(trust.minifiedJson).Statement[0].Principal, {
            AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root", "arn:aws:iam::333333333333:root"],
            Service: "ecs-tasks.amazonaws.com",
        });
        assert.match(trust.minifiedJson, /"Principal":\{"AWS":/, "keys in Go's sorted order");
        const anyone = renderPolicyDocument({ statements: [{ actions: ["s3:GetObject"], notPrincipals: [{ type: "*", identifiers: ["*"] }] }] });
        assert.match(anyone.minifiedJson, /"NotPrincipal":"\*"/);
    });

    it("writes conditions by test and variable, values in their order, one value as a string, HTML characters escaped as Go does", () => {
        const doc = renderPolicyDocument({
            statements: [
                {
                    actions: ["s3:GetObject"],
                    resources: ["arn:aws:s3:::logs/*"],
                    conditions: [
                        { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-2", "vpce-1"] },
                        { test: "Bool", variable: "aws:SecureTransport", values: ["true"] },
                        { test: "StringLike", variable: "s3:prefix", values: ["a&b<c>"] },
                    ],
                },
            ],
        });
        assert.deepEqual(JSON.parse(doc.json).Statement[0].Condition, {
            Bool: { "aws:SecureTransport": "true" },
            StringEquals: { "aws:SourceVpce": ["vpce-2", "vpce-1"] },
            StringLike: { "s3:prefix": "a&b<c>" },
        });
        assert.ok(doc.minifiedJson.includes('"a\\u0026b\\u003cc\\u003e"'), doc.minifiedJson);
    });

    it("merges source documents first, own statements replacing a Sid, then override documents, adopting the newest version and any Id", () => {
        const source = JSON.stringify({
            Version: "2008-10-17",
            Statement: [
                { Sid: "Read", Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" },
                {
                    Effect: "Deny",
                    Action: "s3:DeleteBucket",
                    Resource: "*",
                    Principal: { AWS: ["b", "a"] },
                    Condition: { Bool: { "aws:MultiFactorAuthPresent": false } },
                },
            ],
        });
        const override = JSON.stringify({ Id: "final", Statement: [{ Sid: "Write", Effect: "Deny", Action: "s3:PutObject", Resource: "*" }] });
        const doc = JSON.parse(
            renderPolicyDocument({
                sourcePolicyDocuments: [source],
                overridePolicyDocuments: [override],
                statements: [
                    { sid: "Read", actions: ["s3:GetObject", "s3:ListBucket"], resources: ["arn:aws:s3:::data/*"] },
                    { sid: "Write", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::data/*"] },
                ],
            }).json,
        );
        assert.equal(doc.Version, "2012-10-17");
        assert.equal(doc.Id, "final");
        assert.deepEqual(
            doc.Statement.map((s: { Sid?: string; Effect: string; Action: unknown; Resource: unknown }) => [s.Sid, s.Effect, s.Action, s.Resource]),
            [
                ["Read", "Allow", ["s3:ListBucket", "s3:GetObject"], "arn:aws:s3:::data/*"],
                [undefined, "Deny", "s3:DeleteBucket", "*"],
                ["Write", "Deny", "s3:PutObject", "*"],
            ],
        );
        assert.deepEqual(doc.Statement[1].Principal, { AWS: ["b", "a"] });
        assert.deepEqual(doc.Statement[1].Condition, { Bool: { "aws:MultiFactorAuthPresent": "false" } });
        assert.equal(renderPolicyDocument({}).json, '{\n  "Version": "2012-10-17"\n}');
        assert.match(renderPolicyDocument({ version: "2008-10-17" }).json, /"Version": "2008-10-17"/);
    });

    it("rejects what the provider rejects, naming the argument", () => {
        const rejects = (args: Parameters<typeof renderPolicyDocument>[0], message: RegExp) =>
            assert.throws(
                () => renderPolicyDocument(args),
                (e: Error) => e instanceof PolicyDocumentError && message.test(e.message),
            );
        rejects({ statements: [{ sid: "A" }, { sid: "A" }] }, /duplicate Sid \(A\)/);
        const withSid = JSON.stringify({ Statement: [{ Sid: "S", Action: "s3:*" }] });
        rejects({ sourcePolicyDocuments: [withSid, withSid] }, /sourcePolicyDocuments\[1\]: duplicate Sid \(S\)/);
        rejects({ sourcePolicyDocuments: ["{not json"] }, /sourcePolicyDocuments\[0\] is not valid JSON/);
        rejects({ overridePolicyDocuments: ["[]"] }, /overridePolicyDocuments\[0\] must be a JSON object/);
        rejects({ statements: [{ effect: "allow" }] }, /statements\[0\]\.effect "allow" is not valid; allowed: Allow, Deny/);
        rejects({ statements: [{ sid: "no-dashes" }] }, /statements\[0\]\.sid "no-dashes" is not valid/);
        rejects({ version: "2020-01-01" }, /version "2020-01-01" is not valid; allowed: 2008-10-17, 2012-10-17/);
    });

    it("property: the JSON always parses, equals the minified JSON, and keeps every action of every statement", () => {
        const action = fc.tuple(fc.constantFrom("s3", "ec2", "iam", "logs"), fc.stringMatching(/^[A-Z][A-Za-z*]{0,12}$/)).map(([s, a]) => `${s}:${a}`);
        const statement = fc.record({
            actions: fc.array(action, { minLength: 1, maxLength: 6 }),
            resources: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
            effect: fc.constantFrom("Allow", "Deny"),
            conditions: fc.array(
                fc.record({
                    test: fc.constantFrom("StringEquals", "Bool"),
                    variable: fc.string({ maxLength: 8 }),
                    values: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
                }),
                {
                    maxLength: 2,
                },
            ),
        });
        fc.assert(
            fc.property(fc.array(statement, { maxLength: 5 }), (statements) => {
                const rendered = renderPolicyDocument({ statements });
                const doc = JSON.parse(rendered.json) as { Statement?: { Action: string | string[] }[] };
                assert.deepEqual(doc, JSON.parse(rendered.minifiedJson));
                statements.forEach((s, i) => {
                    const written = [doc.Statement![i]!.Action].flat();
                    for (const a of s.actions) assert.ok(written.includes(a), `${a} kept in statement ${i}`);
                    assert.equal(written.length, new Set(s.actions).size);
                });
            }),
        );
    });
});
