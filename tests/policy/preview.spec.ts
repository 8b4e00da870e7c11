import * as aws from "@pulumi/aws";
// Deciding at preview, with computed values in either form (`Values`: known as AWS gives them after up,
// unknown as at preview): presence-only KMS, failClosedAtPreview and the shipped configs, remediations.
// Graph rules are in previewGraph.spec.ts.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { Secret, unknownCheckingProxy } from "@pulumi/policy";
import { resolvePolicyConfig } from "../../plan/analyzer/policyConfig";
import type { ResolvedPolicyConfig } from "../../plan/analyzer/types";
import { sharedAnalyzer } from "../support/analyzer";
import { readPolicyConfig } from "../support/policyConfig";
import { policies } from "../../policy/policies";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { ecsExecutionRoleLeastPrivilege } from "../../policy/rules/taskRoles";
import { ecsClusterContainerInsights } from "../../policy/rules/cluster";
import { logGroupKms, logGroupRetention } from "../../policy/rules/logging";
import { ecsServiceNoPublicIp } from "../../policy/rules/service";
import { taskDefinition } from "./fixtures";
import { check, checkRaw, computed, evaluatePolicies, messages, resourceRecord, SERVICE, StackBuilder, TASK_DEFINITION, VALUE_FORMS } from "./harness";

const U = UNKNOWN.string;
const ROLE = "aws:iam/role:Role";

describe("policy: deciding at preview", () => {
    describe("log-group-kms decides on presence", () => {
        it("a key ARN unknown at preview is a key: passes whether the ARN is unknown or known, never 'can't run'", async () => {
            for (const values of VALUE_FORMS)
                assert.deepEqual(
                    await check(logGroupKms, aws.cloudwatch.LogGroup, { kmsKeyId: computed(values, "arn:aws:kms:us-east-1:123456789012:key/k") }),
                    [],
                );
        });
        it("no key (absent or empty) is advised", async () => {
            for (const props of [{}, { kmsKeyId: "" }])
                assert.match(messages(await check(logGroupKms, aws.cloudwatch.LogGroup, props))[0]!, /kmsKeyId is not set/);
        });
    });

    describe("failClosedAtPreview", () => {
        const unknownContainers = { ...taskDefinition([]), containerDefinitions: U };

        it("off: an undecidable rule is an advisory 'can't run' that says how to make the value known", async () => {
            const [v] = await checkRaw(logGroupRetention, "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: UNKNOWN.number });
            assert.deepEqual([v!.enforcementLevel, v!.unverifiable], ["advisory", true]);
            assert.match(
                v!.message,
                /^can't run policy 'log-group-retention' .* during preview: string value at .retentionInDays can't be known during preview; make it known at preview by building it from explicit names and ARNs formatted from the account, region and partition/,
            );
        });
        it("on: the same rule reports a violation at its configured level, naming the unknown property", async () => {
            const vs = await checkRaw(
                logGroupRetention,
                "aws:cloudwatch/logGroup:LogGroup",
                { retentionInDays: UNKNOWN.number },
                { "log-group-retention": { enforcementLevel: "mandatory", failClosedAtPreview: true } },
            );
            assert.deepEqual(
                vs.map((v) => [v.enforcementLevel, v.unverifiable, messages([v])[0]!.split(";")[0]]),
                [
                    [
                        "mandatory",
                        false,
                        "subject: retentionInDays is unknown at preview, so this policy cannot decide before deploy (failClosedAtPreview is on)",
                    ],
                ],
            );
        });
        it("on, for a stack policy too", async () => {
            const b = new StackBuilder().add(ROLE, "exec", {}).add(TASK_DEFINITION, "td", unknownContainers, { executionRoleArn: ["exec"] });
            const vs = await b.check(ecsExecutionRoleLeastPrivilege, { "ecs-execution-role-least-privilege": { failClosedAtPreview: true } });
            assert.deepEqual(
                vs.map((v) => [v.enforcementLevel, messages([v])[0]!.split(",")[0]]),
                [["mandatory", "containerDefinitions is unknown at preview"]],
            );
        });
        it("on: decidable rules are unaffected: a key ARN unknown at preview still passes", async () => {
            const config = { "log-group-retention": { failClosedAtPreview: true } };
            assert.deepEqual(await check(logGroupRetention, aws.cloudwatch.LogGroup, { retentionInDays: 30, kmsKeyId: U }, config), []);
        });
    });

    describe("failClosedAtPreview in the shipped configs", () => {
        // The configs as the server receives them: resolved against the pack's own policy info.
        const resolved: Record<string, ResolvedPolicyConfig> = {};
        before(async () => {
            const { info } = await sharedAnalyzer();
            resolved.defaults = resolvePolicyConfig(info, {}, "(defaults)");
            for (const stack of ["dev", "staging", "prod"]) {
                const file = join(__dirname, "..", "..", "policy", "config", `${stack}.json`);
                resolved[stack] = resolvePolicyConfig(info, readPolicyConfig(file) as Record<string, unknown>, file);
            }
        });
        const failsClosed = (stack: string) => policies.filter((p) => resolved[stack]![p.name]!.properties.failClosedAtPreview === true).map((p) => p.name);

        it("every policy that judges resources takes it, off by default (policy-exemptions only reports what others exempted)", () => {
            for (const p of policies.filter((x) => x.name !== "policy-exemptions"))
                assert.equal(resolved.defaults![p.name]!.properties.failClosedAtPreview, false, p.name);
        });
        it("prod turns it on for every policy that blocks prod's gate; dev and staging stay lenient", () => {
            const blocking = policies.filter((p) => ["mandatory", "remediate"].includes(resolved.prod![p.name]!.enforcementLevel));
            assert.ok(blocking.length > 30);
            assert.deepEqual(
                failsClosed("prod"),
                blocking.map((p) => p.name),
            );
            assert.deepEqual(failsClosed("dev"), []);
            assert.deepEqual(failsClosed("staging"), []);
        });
    });

    describe("remediations at preview copy unknowns instead of reading them", () => {
        it("ecs-service-no-public-ip fixes a service whose cluster and subnets are unknown", async () => {
            const props = { cluster: U, taskDefinition: U, networkConfiguration: { subnets: [U], securityGroups: [U], assignPublicIp: true } };
            const { remediations, violations } = await evaluatePolicies([ecsServiceNoPublicIp], [resourceRecord(SERVICE, "svc", props)], {
                "ecs-service-no-public-ip": "remediate",
            });
            assert.deepEqual(violations, []);
            assert.deepEqual(remediations[0]!.after, { ...props, networkConfiguration: { ...props.networkConfiguration, assignPublicIp: false } });
        });
        it("remediations survive the server's secrets proxy, on which Array filter/map throw", () => {
            // The server wraps remediation props in its secrets proxy, then the unknown-checking proxy.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { secretsPreservingProxy } = require("@pulumi/policy/secret") as { secretsPreservingProxy: <T>(v: T) => T };
            const secret = new Secret("s3cr3t");
            const props = unknownCheckingProxy(
                secretsPreservingProxy({ settings: [{ name: "containerInsights", value: "disabled" }], name: U, token: secret }),
            );
            assert.throws(() => (props.settings as unknown[]).filter(() => true), /'prototype'/);
            const args = { type: "aws:ecs/cluster:Cluster", name: "c", urn: "urn:c", props, getConfig: () => ({}) };
            const fixed = ecsClusterContainerInsights.remediateResource!(args as never) as Record<string, unknown>;
            assert.deepEqual(fixed, { settings: [{ name: "containerInsights", value: "enabled" }], name: U, token: secret });
            assert.equal(fixed.token, secret, "a secret stays wrapped, so the server sends it back as a secret");
        });
        it("a remediation that must read an unknown is reported as the server does, not a crash", async () => {
            const record = resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: UNKNOWN.number });
            const { remediations, violations } = await evaluatePolicies([logGroupRetention], [record], { "log-group-retention": "remediate" });
            assert.deepEqual(remediations, []);
            assert.match(violations[0]!.message, /^can't run remediation 'log-group-retention' .* during preview: string value at .retentionInDays/);
            assert.ok(violations.every((v) => v.enforcementLevel === "advisory" && v.unverifiable));
        });
    });
});
