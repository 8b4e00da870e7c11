// AWS limits on another program: only what the program set, or what AWS itself rejects, in the
// resource's own property names, reported beside the policy verdicts (text and --json), exit 1.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { checkPlanConstraints } from "../../plan/planConstraints";
import { autoname } from "../../plan/providerCheck";
import { cli } from "../support/cli";
import { resourceRecord } from "../policy/harness";
import { ROOT } from "../support/mocks";

const PROGRAM = join(ROOT, "tests", "fixtures", "programs", "aws-limits");
const SLOW = "aws:lb:TargetGroup slow: healthCheck.interval=400 is not valid; allowed: a whole number from 5 to 300 seconds";
const COMPUTED = "aws:lb:TargetGroup computed: healthCheck.interval=600 is not valid; allowed: a whole number from 5 to 300 seconds";

interface JsonPlan {
    result: string;
    limitProblems: { resource: string; property: string; value: string; allowed: string; setting?: string; message: string }[];
    phases: Record<string, { violations: { policyName: string; urn: string }[] }>;
    policies: { name: string }[];
    resources: { name: string; type: string; inputs: Record<string, unknown> }[];
}

async function jsonPlan(...args: string[]): Promise<{ code: number; plan: JsonPlan }> {
    const { code, out } = await cli(["--program", PROGRAM, "--json", ...args]);
    return { code, plan: JSON.parse(out) as JsonPlan };
}

describe("plan --program: AWS limits", function () {
    this.timeout(180_000);

    it("a refused health check interval fails the plan (exit 1) in property names, with the verdicts still shown", async () => {
        const { code, out, err } = await cli(["--program", PROGRAM]);
        assert.equal(code, 1, err);
        assert.match(out, /\n {2}log-group-retention +advisory +1 advisory +1 advisory\n/);
        assert.match(out, /At preview:\n {2}mandatory \(\d+\)\n/);
        const [title, ...problems] = out.slice(out.indexOf("AWS limits:")).split("\n").slice(0, 3);
        assert.equal(title, "AWS limits: AWS would reject 2 value(s) (mandatory):");
        assert.deepEqual(problems.sort(), [`  - ${COMPUTED}`, `  - ${SLOW}`]);
        assert.doesNotMatch(out, /\(setting: /, "another program has none of this project's settings");
        assert.match(out, /\nResult: FAIL at preview \(\d+ mandatory violation\(s\), 2 value\(s\) AWS would reject\)/);
    });

    it("provider defaults and absent blocks AWS accepts are no problem: retention 0, no healthCheck", async () => {
        const { plan } = await jsonPlan("--phase", "up");
        const logGroup = plan.resources.find((r) => r.name === "app")!;
        assert.equal(logGroup.inputs.retentionInDays, 0, "the provider's default, never expire");
        assert.equal(plan.resources.find((r) => r.name === "defaults")!.inputs.healthCheck, undefined);
        assert.deepEqual(plan.limitProblems.map((p) => p.resource).sort(), ["aws:lb:TargetGroup computed", "aws:lb:TargetGroup slow"]);
    });

    it("--json: limitProblems beside the verdicts of both phases; result fail", async () => {
        const { code, plan } = await jsonPlan();
        assert.equal(code, 1);
        assert.equal(plan.result, "fail");
        assert.deepEqual(
            plan.limitProblems.find((p) => p.resource === "aws:lb:TargetGroup slow"),
            {
                urn: "urn:pulumi:dev::limits-demo::aws:lb/targetGroup:TargetGroup::slow",
                resource: "aws:lb:TargetGroup slow",
                property: "healthCheck.interval",
                value: "400",
                allowed: "a whole number from 5 to 300 seconds",
                message: SLOW,
            },
        );
        assert.deepEqual(plan.limitProblems.map((p) => p.message).sort(), [COMPUTED, SLOW]);
        for (const phase of ["preview", "up"]) {
            const rules = plan.phases[phase]!.violations.map((v) => v.policyName);
            assert.ok(rules.includes("log-group-retention") && rules.includes("vpc-flow-logs"), `${phase}: ${rules.join(", ")}`);
        }
        assert.equal(plan.policies.length > 0, true);
    });

    it("at preview a value computed from another resource's output is unknown: only the written one is reported", async () => {
        const preview = await jsonPlan("--phase", "preview");
        assert.equal(preview.code, 1);
        assert.deepEqual(
            preview.plan.limitProblems.map((p) => p.message),
            [SLOW],
        );
        const up = await jsonPlan("--phase", "up");
        assert.deepEqual(up.plan.limitProblems.map((p) => p.message).sort(), [COMPUTED, SLOW]);
    });

    describe("what counts as a limit", () => {
        const other = { availableZones: ["us-east-1a", "us-east-1b"], ownProgram: false };
        const messages = (records: ReturnType<typeof resourceRecord>[], options = other) => checkPlanConstraints(records, options).map((p) => p.message);

        it("an autonamed resource fits: the provider shortens its own names", () => {
            const type = "aws:lb/targetGroup:TargetGroup";
            const logical = "a-logical-name-far-longer-than-thirty-two";
            assert.deepEqual(messages([resourceRecord(type, logical, { name: autoname(type, logical) })]), []);
            assert.equal(messages([resourceRecord(type, logical, { name: logical })]).length, 1, "a name the program set is checked");
        });

        it("absent optional values are AWS's defaults; a timeout is compared with the default 30 s interval", () => {
            const tg = (healthCheck?: object) => resourceRecord("aws:lb/targetGroup:TargetGroup", "tg", healthCheck ? { healthCheck } : {});
            assert.deepEqual(messages([tg(), tg({}), tg({ enabled: true, path: "/" })]), []);
            assert.deepEqual(messages([tg({ timeout: 40 })]), [
                "aws:lb:TargetGroup tg: healthCheck.timeout=40 is not valid; allowed: less than the interval (30 s)",
            ]);
            const logs = (retentionInDays: number) => resourceRecord("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays });
            assert.deepEqual(messages([logs(0), logs(14)]), []);
            const ec2Task = resourceRecord("aws:ecs/taskDefinition:TaskDefinition", "td", { requiresCompatibilities: ["EC2"], memory: "300" });
            assert.deepEqual(messages([ec2Task]), [], "Fargate sizes apply to Fargate task definitions");
        });

        it("this project's own ranges apply only to its program: AWS takes a 95 % target and a legacy TLS policy", () => {
            const records = [
                resourceRecord("aws:appautoscaling/policy:Policy", "p", {
                    targetTrackingScalingPolicyConfiguration: {
                        targetValue: 95,
                        predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
                    },
                }),
                resourceRecord("aws:lb/listener:Listener", "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }),
            ];
            assert.deepEqual(messages(records), []);
            assert.equal(messages(records, { ...other, ownProgram: true }).length, 2);
            const invented = resourceRecord("aws:lb/listener:Listener", "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-Made-Up" });
            assert.deepEqual(messages([invented]), [
                "aws:lb:Listener l: sslPolicy=ELBSecurityPolicy-Made-Up is not valid; allowed: a published ELBSecurityPolicy name",
            ]);
        });
    });
});
