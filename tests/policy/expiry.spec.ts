// demo-stack-expiry through the pack's own analyzer server, in both phases (tags are plain values,
// known at preview): advisory by default, and a stricter config can make it mandatory.
import { strict as assert } from "node:assert";
import { demoStackExpiry } from "../../policy/rules/expiry";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { evaluatePolicies, messages, StackBuilder } from "./harness";

const SERVICE = "aws:ecs/service:Service";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

const stack = (environment: string, expiresAt?: string, phase: "preview" | "up" = "up") => {
    const tags = { app: "web", environment, ...(expiresAt ? { "expires-at": expiresAt } : {}) };
    // At preview the service's name is computed; the tags, plain values, are known in both phases.
    const name = phase === "preview" ? UNKNOWN.string : "web-dev";
    return new StackBuilder().add(SERVICE, "svc", { name, tags }).add(LOG_GROUP, "logs", { retentionInDays: 7, tags });
};

describe("policy: demo-stack-expiry (both phases)", () => {
    for (const phase of ["preview", "up"] as const) {
        it(`${phase}: a dev stack without an expiry is reported once, advisory by default`, async () => {
            const { violations } = await evaluatePolicies([demoStackExpiry], stack("dev", undefined, phase).records, {}, phase);
            assert.deepEqual(messages(violations), [
                "2 resources are tagged environment=dev and none carries an expires-at tag; set expiresAt or ttl so the expire workflow destroys the stack when the demo is over.",
            ]);
            assert.deepEqual(
                violations.map((v) => v.enforcementLevel),
                ["advisory"],
            );
        });

        it(`${phase}: passes a dev stack with an expiry, and staging and prod stacks without one`, async () => {
            for (const b of [stack("dev", "2026-12-24T00:00:00Z", phase), stack("staging", undefined, phase), stack("prod", undefined, phase)])
                assert.deepEqual((await evaluatePolicies([demoStackExpiry], b.records, {}, phase)).violations, []);
        });
    }

    it("a config can require it on more environments, as mandatory", async () => {
        const config = { "demo-stack-expiry": { enforcementLevel: "mandatory" as const, environments: ["dev", "staging"] } };
        const { violations } = await evaluatePolicies([demoStackExpiry], stack("staging").records, config, "up");
        assert.deepEqual(
            violations.map((v, i) => [v.enforcementLevel, messages(violations)[i]!.split(";")[0]]),
            [["mandatory", "2 resources are tagged environment=staging and none carries an expires-at tag"]],
        );
    });
});
