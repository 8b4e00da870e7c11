import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolvePolicyConfig } from "../../plan/analyzer/policyConfig";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { PACK_NAME, policies } from "../../policy/policies";
import { ecsServiceNoPublicIp } from "../../policy/rules/service";
import { ecsClusterContainerInsights } from "../../policy/rules/cluster";
import { logGroupRetention } from "../../policy/rules/logging";
import { sharedAnalyzer } from "../support/analyzer";
import { evaluatePolicies, messages, resourceRecord, SERVICE } from "./harness";

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

    it("per-stack configs name only real rules, valid levels and settings, and prod makes security rules mandatory", async () => {
        const { info } = await sharedAnalyzer();
        for (const stack of ["dev", "staging", "prod"]) {
            const file = join(ROOT, "policy", "config", `${stack}.json`);
            const resolved = resolvePolicyConfig(info, JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>, file);
            assert.deepEqual(Object.keys(resolved).sort(), policies.map((p) => p.name).sort(), stack);
            if (stack === "prod") {
                for (const p of policies.filter((x) => x.severity === "high" || x.severity === "critical")) {
                    assert.equal(
                        resolved[p.name]!.enforcementLevel,
                        "mandatory",
                        `prod: ${p.name} has severity ${p.severity}; add "${p.name}": { "enforcementLevel": "mandatory", "failClosedAtPreview": true } to policy/config/prod.json`,
                    );
                }
            }
        }
    });

    describe("verdicts come from the pack's own server", () => {
        const assignsPublicIp = (extra: Record<string, unknown> = {}) =>
            resourceRecord(SERVICE, "svc", {
                cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/web",
                networkConfiguration: { assignPublicIp: true },
                ...extra,
            });

        it("the server prefixes the policy's words with its description, and names the pack", async () => {
            const { violations } = await evaluatePolicies([ecsServiceNoPublicIp], [assignsPublicIp()], {}, "up");
            assert.equal(violations.length, 1);
            assert.equal(
                violations[0]!.message,
                `${ecsServiceNoPublicIp.description}\nsvc: networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets.`,
            );
            assert.deepEqual([violations[0]!.policyPackName, violations[0]!.enforcementLevel, violations[0]!.severity], [PACK_NAME, "mandatory", "high"]);
        });

        it("an unknown value at preview is an advisory 'can't run' diagnostic, never a pass or a crash", async () => {
            const record = resourceRecord(SERVICE, "svc", { networkConfiguration: { assignPublicIp: UNKNOWN.boolean } });
            const { violations } = await evaluatePolicies([ecsServiceNoPublicIp], [record]);
            assert.equal(violations.length, 1);
            assert.equal(violations[0]!.enforcementLevel, "advisory");
            assert.equal(violations[0]!.unverifiable, true);
            assert.match(
                violations[0]!.message,
                /^can't run policy 'ecs-service-no-public-ip' from policy pack 'fargate-web-policy@v0.1.0' during preview: string value at .networkConfiguration.assignPublicIp can't be known during preview/,
            );
        });

        it("a remediation that reads an unknown property at preview yields a diagnostic, not a crash", async () => {
            // Setting a default retention needs the current one: unknown at preview, so the remediation cannot run.
            const record = resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/ecs/web", retentionInDays: UNKNOWN.number });
            const { violations, remediations } = await evaluatePolicies([logGroupRetention], [record], { "log-group-retention": "remediate" });
            assert.deepEqual(remediations, []);
            assert.deepEqual(
                violations.map((v) => [v.enforcementLevel, v.unverifiable, v.message.split(";")[0]]),
                [
                    [
                        "advisory",
                        true,
                        "can't run remediation 'log-group-retention' from policy pack 'fargate-web-policy@v0.1.0' during preview: string value at .retentionInDays can't be known during preview",
                    ],
                    [
                        "advisory",
                        true,
                        "can't run policy 'log-group-retention' from policy pack 'fargate-web-policy@v0.1.0' during preview: string value at .retentionInDays can't be known during preview",
                    ],
                ],
            );
        });

        it("a remediation that copies unknowns instead of reading them runs at preview", async () => {
            const record = assignsPublicIp({ cluster: UNKNOWN.string });
            const { violations, remediations } = await evaluatePolicies([ecsServiceNoPublicIp], [record], { "ecs-service-no-public-ip": "remediate" });
            assert.deepEqual(violations, []);
            assert.deepEqual(
                remediations.map((r) => r.after),
                [{ cluster: ENGINE_UNKNOWN, networkConfiguration: { assignPublicIp: false } }],
            );
        });

        it("a remediation over an array of properties runs in the server's Remediate (whose proxy breaks Array species)", async () => {
            const cluster = resourceRecord("aws:ecs/cluster:Cluster", "c", { settings: [{ name: "other", value: "x" }] });
            const { remediations, violations } = await evaluatePolicies([ecsClusterContainerInsights], [cluster], {
                "ecs-cluster-container-insights": "remediate",
            });
            assert.deepEqual(violations, []);
            assert.deepEqual(
                remediations.map((r) => r.after.settings),
                [
                    [
                        { name: "other", value: "x" },
                        { name: "containerInsights", value: "enabled" },
                    ],
                ],
            );
        });

        it("enforcement comes from the config; disabled policies do not run; `all` sets every level", async () => {
            assert.deepEqual((await evaluatePolicies([ecsServiceNoPublicIp], [assignsPublicIp()], { "ecs-service-no-public-ip": "disabled" })).violations, []);
            const advisory = await evaluatePolicies([ecsServiceNoPublicIp], [assignsPublicIp()], { "ecs-service-no-public-ip": "advisory" });
            assert.deepEqual(
                advisory.violations.map((v) => v.enforcementLevel),
                ["advisory"],
            );
            const { info } = await sharedAnalyzer();
            const all = resolvePolicyConfig(info, { all: "advisory", "log-group-kms": "mandatory" }, "all.json");
            assert.equal(all["ecs-service-no-public-ip"]!.enforcementLevel, "advisory");
            assert.equal(all["log-group-kms"]!.enforcementLevel, "mandatory");
        });

        it("remediate fixes what it can; what it cannot fix is reported as mandatory", async () => {
            const fixable = resourceRecord(SERVICE, "svc", { networkConfiguration: { assignPublicIp: "ENABLED" } });
            const fixed = await evaluatePolicies([ecsServiceNoPublicIp], [fixable], { "ecs-service-no-public-ip": "remediate" });
            assert.deepEqual(
                fixed.remediations.map((r) => [r.policyName, r.after.networkConfiguration]),
                [["ecs-service-no-public-ip", { assignPublicIp: false }]],
            );
            assert.deepEqual(fixed.violations, []);
            const tooShort = resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 3 });
            const left = await evaluatePolicies([logGroupRetention], [tooShort], { "log-group-retention": "remediate" });
            assert.deepEqual(left.remediations, []);
            assert.deepEqual(
                left.violations.map((v) => [v.enforcementLevel, messages([v])[0]]),
                [["mandatory", "logs: retentionInDays is 3; the minimum is 7 days."]],
            );
        });

        it("schema defaults reach the policy, and mistyped or unknown settings are refused naming file, key and what is allowed", async () => {
            const { info } = await sharedAnalyzer();
            const resolved = resolvePolicyConfig(info, {}, "none");
            const { minimumRetentionDays, defaultRetentionDays } = resolved["log-group-retention"]!.properties;
            assert.deepEqual([minimumRetentionDays, defaultRetentionDays], [7, 30]);
            assert.throws(
                () => resolvePolicyConfig(info, { "log-group-retention": { minimumRetentionDays: "30" } }, "x.json"),
                /x\.json: .*log-group-retention.*minimumRetentionDays/,
            );
            assert.throws(
                () => resolvePolicyConfig(info, { "log-group-retention": { minimumDays: 30 } }, "x.json"),
                /x\.json: .*"minimumDays" is not a setting of this policy; allowed: /,
            );
            assert.throws(
                () => resolvePolicyConfig(info, { "log-group-kms": "mandatroy" }, "x.json"),
                /x\.json: "log-group-kms": "mandatroy" is not an enforcement level; allowed: advisory, mandatory, remediate, disabled/,
            );
            assert.throws(
                () => resolvePolicyConfig(info, { "log-group-kmz": "advisory" }, "x.json"),
                /x\.json: "log-group-kmz" is not a policy of fargate-web-policy; allowed: all, /,
            );
        });
    });
});
