// --state: the resources of a `pulumi stack export` file, gated by the pack's own server.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import { readStackState } from "../../plan/state";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { detailOf } from "../../plan/verdicts";
import { sharedAnalyzer } from "../support/analyzer";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { writeTemp } from "../support/policyConfig";

const EXPORT = join(ROOT, "tests", "fixtures", "state", "shop-staging.json");
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const URN = "urn:pulumi:staging::shop::";
type Obj = Record<string, unknown>;

describe("plan --state", function () {
    this.timeout(120_000);

    it("reads resources with inputs, outputs, parent, dependencies, property dependencies and provider", () => {
        const state = readStackState(EXPORT);
        assert.deepEqual([state.stack, state.project, state.encryptedSecrets], ["staging", "shop", 0]);
        // The stack resource and the provider are not gated; the security group pending deletion is gone.
        assert.equal(state.resources.length, 11);
        assert.ok(!state.resources.some((r) => r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:") || r.name === "shop-old"));
        const service = state.resources.find((r) => r.type === "aws:ecs/service:Service")!;
        assert.equal(service.name, "shop");
        assert.equal(service.parent, `${URN}pulumi:pulumi:Stack::shop-staging`);
        assert.deepEqual(service.propertyDependencies.cluster, [`${URN}aws:ecs/cluster:Cluster::shop`]);
        assert.equal(service.dependencies.length, 4);
        assert.deepEqual(service.provider && [service.provider.type, service.provider.inputs.region], ["pulumi:providers:aws", "eu-west-1"]);
        const parameter = state.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!;
        assert.deepEqual(parameter.inputs.value, { [SIG]: SECRET, value: "correct-horse-battery-staple" }, "a --show-secrets value stays a secret");
        assert.deepEqual(state.outputs, { serviceName: "shop-2e1d0c9", dbPasswordParameter: "/shop/staging/db-password" });
    });

    it("gates the export with the pack's defaults: the tutorial mistakes are mandatory violations", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "ignored", statePath: EXPORT, analyzer: await sharedAnalyzer() });
        assert.deepEqual([plan.gate, Object.keys(plan.phases), plan.region, plan.policyConfigPath], ["up", ["up"], "eu-west-1", undefined]);
        const violations = plan.phases.up!.evaluation.violations;
        const mandatory = [...new Set(violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName))].sort();
        // Container Insights is a convention: advisory without a config, so not in this list.
        for (const rule of [
            "ecs-container-image-provenance",
            "ecs-container-log-configuration",
            "ecs-container-no-plaintext-secrets",
            "ecs-container-non-root-user",
            "ecs-container-readonly-root",
            "ecs-distinct-execution-and-task-roles",
            "ecs-service-no-public-ip",
            "ecs-service-private-subnets",
            "iam-no-broad-managed-policies",
            "iam-trust-confused-deputy",
            "ecs-task-ingress-from-alb-only",
        ])
            assert.ok(mandatory.includes(rule), `${rule} in ${mandatory.join(", ")}`);
        const publicIp = violations.find((v) => v.policyName === "ecs-service-no-public-ip")!;
        assert.equal(detailOf(publicIp), "shop: networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets.");
        assert.equal(publicIp.urn, `${URN}aws:ecs/service:Service::shop`);
        // The service's subnet is found through the exported graph (its id in the service's inputs).
        const subnets = violations.find((v) => v.policyName === "ecs-service-private-subnets")!;
        assert.equal(detailOf(subnets), "shop: runs in subnet shop-a, which is public: mapPublicIpOnLaunch is true. Use a private subnet.");
    });

    it("the CLI prints the state's verdicts and exits 1; --state refuses program-only flags", async () => {
        const { code, out } = await cli(["--state", EXPORT]);
        assert.equal(code, 1);
        assert.match(out, /^Offline plan for stack staging \(eu-west-1\), state tests\/fixtures\/state\/shop-staging\.json/);
        assert.match(out, /\n {2}policy +level +on the state\n/);
        assert.match(out, /On the state:\n {2}mandatory \(\d+\)\n/);
        assert.match(out, /Resources: 11 in the state/);
        assert.match(out, /Result: FAIL on the state \(\d+ mandatory violation\(s\)\)$/);
        const clash = await cli(["--state", EXPORT, "--phase", "preview"]);
        assert.equal(clash.code, 2);
        assert.match(clash.err, /--state cannot be combined with --phase/);
    });

    it("encrypted secrets travel as unknown secrets, and the plan says how to let policies read them", async () => {
        const doc = JSON.parse(readFileSync(EXPORT, "utf8")) as { deployment: { resources: { type: string; inputs?: Obj; outputs?: Obj }[] } };
        const parameter = doc.deployment.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!;
        const encrypted = { [SIG]: SECRET, ciphertext: "v1:4Gx1fz0b:N3rGcA8j2Q==" };
        parameter.inputs!.value = encrypted;
        parameter.outputs!.value = encrypted;
        const file = writeTemp("encrypted.json", JSON.stringify(doc));
        const state = readStackState(file);
        assert.equal(state.encryptedSecrets, 2);
        assert.deepEqual(state.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!.inputs.value, { [SIG]: SECRET, value: ENGINE_UNKNOWN });
        const plan = await buildPlan({ root: ROOT, stack: "ignored", statePath: file, analyzer: await sharedAnalyzer() });
        assert.deepEqual(plan.notes, [
            "2 secret value(s) are encrypted in the export and unknown to policies; export with --show-secrets to let policies read them",
        ]);
        assert.ok(plan.mandatoryViolations > 0);
    });

    it("a file that is not an export, or not there, is named in the error", async () => {
        const notExport = writeTemp("stack.json", JSON.stringify({ version: 3, checkpoint: {} }));
        const a = await cli(["--state", notExport]);
        assert.equal(a.code, 2);
        assert.match(a.err, /stack\.json: not a `pulumi stack export` file: expected \{ version, deployment: \{ resources: \[\.\.\.\] \} \}/);
        const b = await cli(["--state", join(ROOT, "no-such-export.json")]);
        assert.equal(b.code, 2);
        assert.match(b.err, /^error: no-such-export\.json: stack export file not found$/);
        assert.doesNotMatch(b.err, /ENOENT/);
    });
});
