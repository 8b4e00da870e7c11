// The compliance summary: controls of each anchor family (Security Hub, Checkov, cdk-nag) that pass,
// fail, are exempted or were not evaluated, in the gate phase, in JSON and text.
import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { controlOf, type ComplianceSummary } from "../../plan/compliance";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";

const TUTORIAL = join(ROOT, "tests", "fixtures", "programs", "tutorial");
const dir = mkdtempSync(join(tmpdir(), "compliance-"));

async function summary(config?: object): Promise<ComplianceSummary> {
    const args = ["--program", TUTORIAL, "--phase", "preview", "--json"];
    if (config) {
        const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
        writeFileSync(file, JSON.stringify(config));
        args.push("--policy-config", file);
    }
    const { out, err } = await cli(args);
    assert.ok(out, err);
    return (JSON.parse(out) as { compliance: ComplianceSummary }).compliance;
}
const control = (s: ComplianceSummary, family: string, id: string) => s.families.find((f) => f.family === family)!.controls.find((c) => c.id === id)!;

describe("plan: compliance summary by anchor family", function () {
    this.timeout(240_000);

    it("classifies the catalog's anchors; prose anchors belong to no family", () => {
        assert.deepEqual(controlOf("ECS.2"), { family: "Security Hub", id: "ECS.2" });
        assert.deepEqual(controlOf("AutoScaling.5"), { family: "Security Hub", id: "AutoScaling.5" });
        assert.deepEqual(controlOf("CKV2_AWS_11"), { family: "Checkov", id: "CKV2_AWS_11" });
        assert.deepEqual(controlOf("AS-IAM5"), { family: "cdk-nag", id: "AwsSolutions-IAM5" });
        assert.deepEqual(controlOf("AwsSolutions-IAM5"), { family: "cdk-nag", id: "AwsSolutions-IAM5" });
        assert.equal(controlOf("IAM least privilege"), undefined);
    });

    it("a control fails with a finding, is exempted when its only findings are, not evaluated when its policies are off", async () => {
        const plain = await summary();
        assert.deepEqual(
            plain.families.map((f) => f.family),
            ["Security Hub", "Checkov", "cdk-nag"],
        );
        for (const f of plain.families) assert.equal(f.pass + f.fail + f.exempted + f.notEvaluated, f.controls.length, f.family);
        // CKV_AWS_111: iam-no-wildcard-resource and its awsx mirror (nothing to judge here). One rule owns each Checkov check;
        // cdk-nag's AwsSolutions-IAM5 (any wildcard) is shared by several IAM rules.
        assert.deepEqual(control(plain, "Checkov", "CKV_AWS_111"), {
            id: "CKV_AWS_111",
            status: "fail",
            policies: ["iam-no-wildcard-resource", "awsx-iam-no-wildcard-resource"],
        });
        assert.equal(control(plain, "cdk-nag", "AwsSolutions-IAM5").status, "fail");

        const exemption = { name: "task-s3", reason: "migration", owner: "team-data" };
        const exempted = await summary({ "iam-no-wildcard-resource": { exemptions: [exemption] } });
        assert.equal(control(exempted, "Checkov", "CKV_AWS_111").status, "exempted");
        assert.equal(control(exempted, "cdk-nag", "AwsSolutions-IAM5").status, "fail", "another policy still fails it");
        // The rule's three Checkov checks (111, 290, 355) are exempted together: it owns each of them.
        const checkov = (s: ComplianceSummary) => s.families.find((f) => f.family === "Checkov")!;
        assert.deepEqual(
            checkov(exempted)
                .controls.filter((c) => c.status === "exempted")
                .map((c) => c.id),
            ["CKV_AWS_111", "CKV_AWS_290", "CKV_AWS_355"],
        );
        assert.equal(checkov(exempted).fail, checkov(plain).fail - 3);

        const off = await summary({ "iam-no-wildcard-resource": "disabled", "awsx-iam-no-wildcard-resource": "disabled" });
        assert.equal(control(off, "Checkov", "CKV_AWS_111").status, "not evaluated");
    });

    it("the text names failing controls per family", async () => {
        const { out } = await cli(["--program", TUTORIAL, "--phase", "preview"]);
        assert.match(out, /^Compliance at preview \(controls the pack's policies cover\):$/m);
        assert.match(out, /^ {2}Checkov: \d+ controls: \d+ pass, \d+ fail \([^)]*CKV_AWS_111[^)]*\), 0 exempted$/m);
        assert.match(out, /^ {2}Security Hub: \d+ controls: /m);
        assert.match(out, /^ {2}cdk-nag: \d+ controls: .*AwsSolutions-IAM5/m);
    });
});
