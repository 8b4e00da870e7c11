import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { evaluatePolicies, enforcementLevelOf, policyConfigOf } from "../../plan/runner";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { policies } from "../../policy/policies";
import { ecsServiceNoPublicIp } from "../../policy/rules/network";
import { logGroupRetention } from "../../policy/rules/logging";
import { SERVICE, resourceRecord } from "./harness";

const ROOT = join(__dirname, "..", "..");

describe("policy pack", () => {
    it("every rule is complete: kebab-case name, description, severity, level, remediation, anchors", () => {
        const names = policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length, "names are unique");
        for (const p of policies) {
            assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
            assert.ok(p.description.length > 20, `${p.name} description`);
            assert.ok(p.severity, `${p.name} severity`);
            assert.ok(p.enforcementLevel, `${p.name} enforcementLevel`);
            assert.ok((p.remediationSteps ?? "").length > 10, `${p.name} remediationSteps`);
            assert.ok((p.tags ?? []).length > 0, `${p.name} anchors`);
        }
    });

    it("every rule has its own spec cases", () => {
        const specs = readdirSync(__dirname)
            .filter((f) => f.endsWith(".spec.ts") && f !== "pack.spec.ts")
            .map((f) => readFileSync(join(__dirname, f), "utf8"))
            .join("\n");
        const untested = policies.filter((p) => !specs.includes(`"${p.name}"`) && !specs.includes(`describe("${p.name}`) && !specs.includes(`it("${p.name}`));
        assert.deepEqual(
            untested.map((p) => p.name),
            [],
        );
    });

    it("per-stack configs name only real rules and valid levels, and prod makes security rules mandatory", () => {
        const names = new Set(policies.map((p) => p.name));
        for (const stack of ["dev", "staging", "prod"]) {
            const config = JSON.parse(readFileSync(join(ROOT, "policy", "config", `${stack}.json`), "utf8")) as PolicyPackConfig;
            for (const [name, entry] of Object.entries(config)) {
                assert.ok(names.has(name), `${stack}.json names unknown rule ${name}`);
                const level = enforcementLevelOf(name, undefined, config);
                assert.ok(["advisory", "mandatory", "remediate", "disabled"].includes(level), `${stack}.json ${name}`);
                const policy = policies.find((p) => p.name === name)!;
                assert.doesNotThrow(() => policyConfigOf(name, policy.configSchema, config), `${stack}.json ${name} ${JSON.stringify(entry)}`);
            }
            if (stack === "prod") {
                for (const p of policies.filter((x) => x.severity === "high" || x.severity === "critical")) {
                    assert.equal(enforcementLevelOf(p.name, p.enforcementLevel, config), "mandatory", `prod: ${p.name}`);
                }
            }
        }
    });

    describe("runner behaves like the policy server", () => {
        it("an unknown value at preview is an advisory 'can't run' note, never a pass or a crash", async () => {
            const record = resourceRecord(SERVICE, "svc", { networkConfiguration: { assignPublicIp: UNKNOWN.boolean } });
            const { violations } = await evaluatePolicies([ecsServiceNoPublicIp], [record]);
            assert.equal(violations.length, 1);
            assert.equal(violations[0]!.enforcementLevel, "advisory");
            assert.equal(violations[0]!.unverifiable, true);
            assert.match(
                violations[0]!.message,
                /can't run policy 'ecs-service-no-public-ip' from policy pack 'fargate-web-policy@v0.1.0' during preview: boolean value at .networkConfiguration.assignPublicIp can't be known during preview/,
            );
        });

        it("enforcement: config, then policy, then pack; disabled policies do not run", async () => {
            assert.equal(enforcementLevelOf("x", "mandatory", { x: "advisory" }), "advisory");
            assert.equal(enforcementLevelOf("x", "mandatory", { x: { enforcementLevel: "disabled" } }), "disabled");
            assert.equal(enforcementLevelOf("x", undefined, {}), "advisory");
            assert.equal(enforcementLevelOf("x", undefined, {}, "mandatory"), "mandatory");
            const record = resourceRecord(SERVICE, "svc", { networkConfiguration: { assignPublicIp: true } });
            assert.deepEqual((await evaluatePolicies([ecsServiceNoPublicIp], [record], { "ecs-service-no-public-ip": "disabled" })).violations, []);
        });

        it("getConfig applies schema defaults and rejects mistyped or unknown keys", () => {
            assert.deepEqual(policyConfigOf(logGroupRetention.name, logGroupRetention.configSchema, {}), {
                minimumRetentionDays: 7,
                defaultRetentionDays: 30,
                failClosedAtPreview: false,
            });
            assert.throws(
                () => policyConfigOf(logGroupRetention.name, logGroupRetention.configSchema, { "log-group-retention": { minimumRetentionDays: "30" } }),
                /log-group-retention.minimumRetentionDays="30" is not valid; allowed: integer/,
            );
            assert.throws(
                () => policyConfigOf(logGroupRetention.name, logGroupRetention.configSchema, { "log-group-retention": { minimumDays: 30 } }),
                /log-group-retention.minimumDays is not a setting of this policy/,
            );
        });

        it("remediate fixes what it can; what it cannot fix is reported as mandatory", async () => {
            const fixable = resourceRecord(SERVICE, "svc", { networkConfiguration: { assignPublicIp: "ENABLED" } });
            const fixed = await evaluatePolicies([ecsServiceNoPublicIp], [fixable], { "ecs-service-no-public-ip": "remediate" });
            assert.equal(fixed.remediations.length, 1);
            assert.deepEqual(fixed.violations, []);
            const tooShort = resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 3 });
            const left = await evaluatePolicies([logGroupRetention], [tooShort], { "log-group-retention": "remediate" });
            assert.deepEqual(left.remediations, []);
            assert.deepEqual(
                left.violations.map((v) => [v.enforcementLevel, v.message]),
                [["mandatory", "logs: retentionInDays is 3; the minimum is 7 days."]],
            );
        });
    });
});
