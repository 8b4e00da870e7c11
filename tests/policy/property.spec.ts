// No rule throws, whatever the props: random JSON, strings where objects belong, unknown
// sentinels anywhere. At least 3,000 generated resources across the pack, 15 to a stack so the
// stack policies see mixed neighbours.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { ResourceRecord } from "../../plan/types";
import { evaluatePolicies } from "./harness";
import { T } from "../../policy/knowledge/types";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { policies } from "../../policy/policies";

const TYPES = Object.values(T).flat();
const unknown = fc.constantFrom(...Object.values(UNKNOWN));
const leaf = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    unknown,
    fc.constantFrom(
        "*",
        "0.0.0.0/0",
        "::0/0",
        "host",
        "awslogs",
        "HTTP",
        "[]",
        "{",
        '{"Statement":"x"}',
        '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"iam:Pass*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:username":"a"}}}]}',
        "ENABLED",
        "KMS",
        "monitor",
        "-1",
        "iam:PassRole",
        "s3:Get*",
        "nosuchservice:*",
        "arn:aws:iam::123456789012:root",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1",
    ),
);
const value = fc.letrec((tie) => ({
    any: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("any"), { maxLength: 4 }),
        fc.dictionary(
            fc.constantFrom(
                "Statement",
                "Action",
                "NotAction",
                "Resource",
                "NotResource",
                "Effect",
                "Principal",
                "AWS",
                "Condition",
                "StringEquals",
                "aws:PrincipalOrgID",
                "name",
                "image",
                "logConfiguration",
                "secrets",
                "valueFrom",
                "ingress",
                "egress",
                "subnets",
                "securityGroups",
                "encryptionType",
                "efsVolumeConfiguration",
                "transitEncryption",
                "cidrBlocks",
                "ipv6CidrBlocks",
                "protocol",
                "description",
                "x",
            ),
            tie("any"),
            { maxKeys: 4 },
        ),
    ),
})).any;
const PROP_NAMES = [
    "networkConfiguration",
    "containerDefinitions",
    "policy",
    "inlinePolicies",
    "managedPolicyArns",
    "assumeRolePolicy",
    "ingress",
    "settings",
    "tags",
    "protocol",
    "defaultActions",
    "sslPolicy",
    "retentionInDays",
    "imageScanningConfiguration",
    "imageTagMutability",
    "policyArn",
    "loadBalancers",
    "dropInvalidHeaderFields",
    "cidrIpv4",
    "cidrIpv6",
    "ipProtocol",
    "fromPort",
    "toPort",
    "type",
    "egress",
    "description",
    "enableKeyRotation",
    "isEnabled",
    "customerMasterKeySpec",
    "keyUsage",
    "customKeyStoreId",
    "encryptionConfigurations",
    "desyncMitigationMode",
    "loadBalancerType",
    "mapPublicIpOnLaunch",
    "volumes",
    "vpcId",
];
const props = fc.dictionary(
    fc.constantFrom(...PROP_NAMES),
    fc.oneof(
        value,
        fc.json().map((j) => j as unknown),
    ),
    { maxKeys: 8 },
);
const resource = fc.record({ type: fc.constantFrom(...TYPES), props });

const toRecords = (list: { type: string; props: Record<string, unknown> }[]): ResourceRecord[] =>
    list.map((r, i) => ({
        urn: `urn:pulumi:p::s::${r.type}::r${i}`,
        type: r.type,
        name: `r${i}`,
        custom: true,
        protect: false,
        inputs: r.props,
        outputs: r.props,
        dependencies: [],
        propertyDependencies: {},
    }));

describe("policy pack: property tests", function () {
    this.timeout(600_000);

    it("no rule throws on 3,000 arbitrary resources (resource and stack policies)", async () => {
        let generated = 0;
        await fc.assert(
            fc.asyncProperty(fc.array(resource, { minLength: 15, maxLength: 15 }), async (list) => {
                generated += list.length;
                const result = await evaluatePolicies(policies, toRecords(list));
                assert.ok(Array.isArray(result.violations));
            }),
            { numRuns: 200 },
        );
        assert.ok(generated >= 3_000, `generated ${generated}`);
    });

    it("stack policies never throw on arbitrary dependency graphs", async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.array(resource, { minLength: 2, maxLength: 8 }),
                fc.array(
                    fc.tuple(
                        fc.nat(),
                        fc.nat(),
                        fc.constantFrom(
                            "networkConfiguration",
                            "executionRoleArn",
                            "role",
                            "subnetId",
                            "routeTableId",
                            "loadBalancers",
                            "vpcId",
                            "securityGroupId",
                            "policyArn",
                        ),
                    ),
                    { maxLength: 10 },
                ),
                async (list, edges) => {
                    const records = toRecords(list);
                    for (const [from, to, prop] of edges) {
                        const a = records[from % records.length]!;
                        const b = records[to % records.length]!;
                        (a.propertyDependencies[prop] ??= []).push(b.urn);
                    }
                    await evaluatePolicies(policies, records);
                },
            ),
            { numRuns: 250 },
        );
    });
});
