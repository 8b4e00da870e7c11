// Rules for one type token carry it the way the SDK's validateResourceOfType does, so the policy
// server skips other resources without building their arguments.
import { strict as assert } from "node:assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceRule } from "../../../policy/lib/rule";
import { logGroupRetention } from "../../../policy/rules/logging";
import { evaluatePolicies, messages, resourceRecord } from "../harness";

const pulumiTypeOf = (p: ResourceValidationPolicy) => (p.validateResource as { __pulumiType?: string }).__pulumiType;

describe("policy lib: rule wrapper", () => {
    const seen: string[] = [];
    const rule = (kinds: ("kmsKey" | "loadBalancer")[]) =>
        resourceRule({
            name: "probe-rule",
            description: "records the resources it is asked about",
            severity: "low",
            enforcementLevel: "advisory",
            remediationSteps: "nothing to fix",
            anchors: ["test"],
            kinds,
            check: (_props, ctx, report) => {
                seen.push(ctx.name);
                report("seen");
            },
        });

    it("names its one Pulumi type as __pulumiType; several types stay unnamed", () => {
        assert.equal(pulumiTypeOf(rule(["kmsKey"])), "aws:kms/key:Key");
        assert.equal(pulumiTypeOf(rule(["loadBalancer"])), undefined, "aws:lb and aws:alb spell the same resource");
    });

    it("called directly, the rule judges only its type", () => {
        seen.length = 0;
        const reported: string[] = [];
        const validate = rule(["kmsKey"]).validateResource as (args: unknown, report: (m: string) => void) => void;
        for (const [type, name] of [
            ["aws:kms/key:Key", "key"],
            ["aws:s3/bucket:Bucket", "bucket"],
        ])
            validate({ type, name, urn: `urn:${name}`, props: {}, getConfig: () => ({}) }, (m) => reported.push(m));
        assert.deepEqual([seen, reported], [["key"], ["key: seen"]]);
    });

    it("through the pack's server, a rule named for one type judges that type and no other", async () => {
        const records = [
            resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 1 }),
            resourceRecord("aws:s3/bucket:Bucket", "bucket", {}),
        ];
        assert.equal(pulumiTypeOf(logGroupRetention), "aws:cloudwatch/logGroup:LogGroup");
        const { violations } = await evaluatePolicies([logGroupRetention], records, {}, "up");
        assert.deepEqual(messages(violations), ["logs: retentionInDays is 1; the minimum is 7 days."]);
    });
});
