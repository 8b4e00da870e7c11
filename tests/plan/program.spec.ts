// --program: another Pulumi TypeScript program under the same mocks, gated by our pack or another.
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import { detailOf } from "../../plan/verdicts";
import { sharedAnalyzer } from "../support/analyzer";
import { cli, programRuns } from "../support/cli";
import { ROOT } from "../support/mocks";
import { writeTemp } from "../support/policyConfig";

const TUTORIAL = join(ROOT, "tests", "fixtures", "programs", "tutorial");
const OWNER_PACK = join(ROOT, "tests", "fixtures", "packs", "owner-tags");

const mandatory = (violations: { policyName: string; enforcementLevel: string }[]) =>
    [...new Set(violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName))].sort();

describe("plan --program", function () {
    this.timeout(180_000);

    it("a tutorial-style program is caught at preview by the same rules as after up", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: TUTORIAL, analyzer: await sharedAnalyzer(), programRuns });
        assert.deepEqual([plan.project, plan.stack, plan.region, plan.policyConfigPath], ["tutorial-ecs", "dev", "us-west-2", undefined]);
        const atPreview = mandatory(plan.phases.preview!.evaluation.violations);
        assert.deepEqual(mandatory(plan.phases.up!.evaluation.violations), atPreview);
        for (const rule of [
            "ecs-service-no-public-ip",
            "ecs-container-log-configuration",
            "iam-no-broad-managed-policies",
            "iam-no-service-wildcards",
            "iam-no-wildcard-resource",
            "ecs-task-ingress-from-alb-only",
            "ecs-container-image-provenance",
        ])
            assert.ok(atPreview.includes(rule), `${rule} at preview: ${atPreview.join(", ")}`);
        const service = plan.resources.find((r) => r.type === "aws:ecs/service:Service")!;
        assert.equal(service.inputs.desiredCount, 2, "the program's stack file is read");
        const wildcard = plan.phases.preview!.evaluation.violations.find((v) => v.policyName === "iam-no-service-wildcards")!;
        assert.match(detailOf(wildcard), /s3:\*/);
    });

    it("runs a program outside this project, without its own node_modules, and exits 1", async () => {
        const dir = mkdtempSync(join(tmpdir(), "tutorial-"));
        try {
            cpSync(TUTORIAL, dir, { recursive: true });
            const { code, out } = await cli(["--program", dir, "--stack", "dev", "--phase", "preview"]);
            assert.equal(code, 1);
            assert.match(out, /Offline plan for stack dev \(us-west-2\)/);
            assert.match(out, /\[ecs-service-no-public-ip\] aws:ecs:Service app: networkConfiguration\.assignPublicIp is true/);
            assert.match(out, /Result: FAIL at preview/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("--policy-pack gates it with another pack (its own defaults), through that pack's server", async () => {
        const { code, out } = await cli(["--program", TUTORIAL, "--policy-pack", OWNER_PACK, "--phase", "up"]);
        assert.equal(code, 1);
        assert.match(out, /Policies: owner-tags@v1\.2\.0 with pack defaults/);
        assert.match(out, /\n {2}owner-tag +mandatory +3 mandatory\n/);
        assert.match(out, /\[owner-tag\] aws:ec2:Vpc app: app has no owner tag/);
        assert.match(out, /1 disabled\./);
    });

    it("a bug in a policy pack is reported as a bug: exit 3, the stack only with --debug", async () => {
        const config = writeTemp("owner.json", JSON.stringify({ "owner-tag-unchecked": "mandatory" }));
        const args = ["--program", TUTORIAL, "--policy-pack", OWNER_PACK, "--policy-config", config, "--phase", "up"];
        const plain = await cli(args);
        assert.equal(plain.code, 3);
        assert.match(plain.err, /^internal error: .*owner-tag-unchecked/);
        assert.match(plain.err, /This is a bug in the offline plan or in the policy pack, not in your input/);
        assert.match(plain.err, /\(run again with --debug for the stack trace\)$/);
        const debug = await cli([...args, "--debug"]);
        assert.equal(debug.code, 3);
        assert.match(debug.err, /TypeError: Cannot read properties of undefined \(reading 'owner'\)/);
        assert.match(debug.err, /\n\s+at /);
    });

    it("names what is wrong with the program: missing directory, stack or entry, another runtime, a throwing program", async () => {
        const missing = await cli(["--program", join(ROOT, "no-such-program")]);
        assert.deepEqual([missing.code, missing.err], [2, "error: no-such-program: program directory not found"]);
        const noStack = await cli(["--program", TUTORIAL, "--stack", "prod"]);
        assert.match(noStack.err, /^error: stack 'prod' has no tests\/fixtures\/programs\/tutorial\/Pulumi\.prod\.yaml; allowed: dev$/);

        const dir = mkdtempSync(join(tmpdir(), "program-"));
        try {
            writeFileSync(join(dir, "Pulumi.yaml"), "name: pyproj\nruntime: python\n");
            assert.match((await cli(["--program", dir])).err, /Pulumi\.yaml: runtime "python" is not supported offline; allowed: nodejs/);
            writeFileSync(join(dir, "Pulumi.yaml"), "name: broken\nruntime: nodejs\n");
            assert.match(
                (await cli(["--program", dir])).err,
                /no program entry here; allowed: an index\.ts or index\.js, or `main` in Pulumi\.yaml or package\.json/,
            );
            writeFileSync(
                join(dir, "index.ts"),
                'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b");\nthrow new Error("the bucket policy is not ready");\n',
            );
            const thrown = await cli(["--program", dir]);
            assert.equal(thrown.code, 2);
            assert.match(thrown.err, /^error: the program .*index\.ts failed at preview: the bucket policy is not ready$/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
