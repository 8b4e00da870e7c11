// Exemptions through the real policy server, with the config as the CLI passes it
// (`{"<policy>": {"exemptions": [...]}}`): active ones keep a finding from being enforced and
// policy-exemptions reports it; expired ones enforce again, saying so; unmatched ones are stale; a
// missing reason is refused. Both phases.
import { strict as assert } from "node:assert";
import type { PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { resolvePolicyConfig } from "../../plan/analyzer/policyConfig";
import type { Phase } from "../../plan/analyzer/types";
import { detailOf } from "../../plan/verdicts";
import { policies } from "../../policy/policies";
import { sharedAnalyzer } from "../support/analyzer";
import { evaluatePolicies, resourceRecord } from "./harness";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const policy = (name: string) => policies.find((p) => p.name === name) as ResourceValidationPolicy | StackValidationPolicy;
const WILDCARD = policy("iam-no-wildcard-resource");
const EXEMPTIONS = policy("policy-exemptions");
const grant = (name: string) =>
    resourceRecord(ROLE_POLICY, name, {
        role: "task",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }),
    });
const RECORDS = [grant("legacy-reader"), grant("new-reader")];
const withExemptions = (exemptions: unknown[]): PolicyPackConfig => ({ "iam-no-wildcard-resource": { exemptions } }) as PolicyPackConfig;

async function judge(config: PolicyPackConfig, phase: Phase) {
    const { violations } = await evaluatePolicies([WILDCARD, EXEMPTIONS], RECORDS, config, phase);
    const of = (name: string) => violations.filter((v) => v.policyName === name);
    return { wildcard: of("iam-no-wildcard-resource"), report: of("policy-exemptions").map(detailOf) };
}

for (const phase of ["preview", "up"] as const) {
    describe(`exemptions (${phase})`, function () {
        this.timeout(120_000);

        it("an active exemption: not enforced on its resource, reported with reason, owner and expiry", async () => {
            const { wildcard, report } = await judge(
                withExemptions([{ name: "legacy-*", reason: "read-only legacy bucket list", owner: "team-data", expires: "2999-12-31" }]),
                phase,
            );
            assert.deepEqual(
                wildcard.map((v) => [v.urn?.split("::").pop(), v.enforcementLevel]),
                [["new-reader", "mandatory"]],
            );
            assert.equal(report.length, 1);
            assert.match(
                report[0]!,
                /^exempted \[iam-no-wildcard-resource\] legacy-reader: policy statement 0 allows s3:GetObject .* \(reason: read-only legacy bucket list; owner: team-data; expires 2999-12-31\)$/,
            );
        });

        it("by type and URN glob, without expiry", async () => {
            const { wildcard, report } = await judge(withExemptions([{ type: "aws:iam/rolePolicy:*", urn: "*::*-reader", reason: "r", owner: "o" }]), phase);
            assert.deepEqual(wildcard, []);
            assert.equal(report.length, 2);
            assert.ok(report.every((m) => m.endsWith("(reason: r; owner: o; no expiry)")));
        });

        it("an expired exemption enforces again and says since when and why it was granted", async () => {
            const { wildcard, report } = await judge(
                withExemptions([{ name: "legacy-reader", reason: "migration", owner: "team-data", expires: "2020-01-31" }]),
                phase,
            );
            const legacy = wildcard.find((v) => v.urn?.endsWith("::legacy-reader"));
            assert.equal(legacy?.enforcementLevel, "mandatory");
            assert.match(detailOf(legacy), / \(exemption expired on 2020-01-31: migration\)$/);
            assert.deepEqual(report, [], "it matched a finding: not stale");
        });

        it("an exemption that matches nothing is reported as stale", async () => {
            const { wildcard, report } = await judge(withExemptions([{ name: "deleted-role-policy", reason: "old", owner: "team-data" }]), phase);
            assert.equal(wildcard.length, 2);
            assert.deepEqual(report, [
                "stale exemption [iam-no-wildcard-resource] name deleted-role-policy: matched no finding (reason: old; owner: team-data; no expiry)",
            ]);
        });
    });
}

describe("exemptions of a stack policy (graph rules report through the same wrapper)", function () {
    this.timeout(120_000);
    const VPC = "aws:ec2/vpc:Vpc";
    const records = [resourceRecord(VPC, "legacy-vpc", { cidrBlock: "10.0.0.0/16" }), resourceRecord(VPC, "app-vpc", { cidrBlock: "10.1.0.0/16" })];

    it("an exempted VPC without flow logs is reported by policy-exemptions only; a stale one too", async () => {
        const config = {
            "vpc-flow-logs": {
                exemptions: [
                    { name: "legacy-vpc", reason: "shut down in Q3", owner: "team-net" },
                    { urn: "*::gone-vpc", reason: "old", owner: "team-net" },
                ],
            },
        } as PolicyPackConfig;
        const { violations } = await evaluatePolicies([policy("vpc-flow-logs"), EXEMPTIONS], records, config, "up");
        assert.deepEqual(
            violations.filter((v) => v.policyName === "vpc-flow-logs").map((v) => v.urn?.split("::").pop()),
            ["app-vpc"],
        );
        assert.deepEqual(violations.filter((v) => v.policyName === "policy-exemptions").map(detailOf), [
            "exempted [vpc-flow-logs] legacy-vpc: has no flow log; connections in and out leave no record. Add an aws.ec2.FlowLog for the VPC. (reason: shut down in Q3; owner: team-net; no expiry)",
            "stale exemption [vpc-flow-logs] urn *::gone-vpc: matched no finding (reason: old; owner: team-net; no expiry)",
        ]);
    });
});

describe("exemptions: config validation", () => {
    it("refuses an exemption without a reason, or without a resource selector, naming the field", async () => {
        const { info } = await sharedAnalyzer();
        const resolve = (exemptions: unknown[]) => () => resolvePolicyConfig(info, withExemptions(exemptions), "policy.json");
        assert.throws(resolve([{ name: "x", owner: "o" }]), /policy\.json: "iam-no-wildcard-resource": setting exemptions\[0\]\.reason is required$/);
        assert.throws(resolve([{ reason: "r", owner: "o" }]), /setting exemptions\[0\] needs one of name, type, urn \(got \{"reason":"r","owner":"o"\}\)$/);
        assert.throws(
            resolve([{ name: "x", reason: "r", owner: "o", expires: "next year" }]),
            /setting exemptions\[0\]\.expires must match pattern .* \(got "next year"\)/,
        );
    });
});
