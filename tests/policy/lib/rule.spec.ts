// Rules for one type token carry it the way the SDK's validateResourceOfType does, so the policy
// server (and the runner, which mirrors it) skips other resources without building their arguments.
import { strict as assert } from "node:assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { evaluatePolicies } from "../../../plan/runner";
import { resourceRule } from "../../../policy/lib/rule";
import { resourceRecord } from "../harness";

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

    it("the runner skips other types on that fast path, and verdicts are unchanged", async () => {
        seen.length = 0;
        const records = [resourceRecord("aws:kms/key:Key", "key", {}), resourceRecord("aws:s3/bucket:Bucket", "bucket", {})];
        const { violations } = await evaluatePolicies([rule(["kmsKey"])], records);
        assert.deepEqual(seen, ["key"]);
        assert.deepEqual(
            violations.map((v) => v.message),
            ["key: seen"],
        );
    });
});
