// Exemptions in the offline plan, as the CLI reads them from --policy-config: the exempted finding
// is not enforced, shows in text and JSON as policy-exemptions reports it, and in SARIF as its own
// policy's result with a suppression carrying the reason; a missing reason is the user's error.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log } from "sarif";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { sarifErrors } from "../support/sarifSchema";

const TUTORIAL = join(ROOT, "tests", "fixtures", "programs", "tutorial");
const EXEMPTION = { name: "task-s3", reason: "bucket list for the migration", owner: "team-data", expires: "2999-06-30" };

describe("plan: exemptions from the policy config", function () {
    this.timeout(240_000);
    const dir = mkdtempSync(join(tmpdir(), "exemptions-"));
    const config = (exemptions: unknown[]) => {
        const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
        writeFileSync(file, JSON.stringify({ "iam-no-wildcard-resource": { exemptions } }));
        return file;
    };

    it("text, JSON and SARIF show the exempted finding with its reason; it is not enforced", async () => {
        const file = config([EXEMPTION]);
        const before = JSON.parse((await cli(["--program", TUTORIAL, "--phase", "preview", "--json"])).out) as { mandatoryViolations: number };
        const sarif = join(dir, "plan.sarif");
        const json = await cli(["--program", TUTORIAL, "--phase", "preview", "--policy-config", file, "--json", "--sarif", sarif]);
        const doc = JSON.parse(json.out) as {
            mandatoryViolations: number;
            phases: { preview: { violations: { policyName: string; urn: string; detail: string; enforcementLevel: string }[] } };
        };
        const violations = doc.phases.preview.violations;
        assert.ok(!violations.some((v) => v.policyName === "iam-no-wildcard-resource" && v.urn.endsWith("::task-s3")), "not reported by its policy");
        const reported = violations.filter((v) => v.policyName === "policy-exemptions");
        assert.equal(reported.length, 1);
        assert.match(
            reported[0]!.detail,
            /^exempted \[iam-no-wildcard-resource\] task-s3: .* \(reason: bucket list for the migration; owner: team-data; expires 2999-06-30\)$/,
        );
        assert.equal(reported[0]!.enforcementLevel, "advisory");
        assert.equal(doc.mandatoryViolations, before.mandatoryViolations - 1);

        const text = await cli(["--program", TUTORIAL, "--phase", "preview", "--policy-config", file]);
        assert.match(text.out, /\[policy-exemptions\] aws:iam:RolePolicy task-s3: exempted \[iam-no-wildcard-resource\] task-s3: /);

        const log = JSON.parse(readFileSync(sarif, "utf8")) as Log;
        assert.deepEqual(sarifErrors(log), []);
        const suppressed = log.runs[0]!.results!.filter((r) => r.suppressions);
        assert.equal(suppressed.length, 1);
        assert.equal(suppressed[0]!.ruleId, "iam-no-wildcard-resource");
        assert.equal(suppressed[0]!.level, "error", "the level its policy enforces when not exempted");
        assert.deepEqual(suppressed[0]!.suppressions, [
            { kind: "external", status: "accepted", justification: "bucket list for the migration (owner: team-data; expires 2999-06-30)" },
        ]);
        const source = readFileSync(join(TUTORIAL, "index.ts"), "utf8").split("\n");
        assert.match(source[suppressed[0]!.locations![0]!.physicalLocation!.region!.startLine! - 1]!, /new aws\.iam\.RolePolicy\("task-s3"/);
    });

    it("an exemption without a reason is refused, naming the file and the field", async () => {
        const { code, err } = await cli(["--program", TUTORIAL, "--policy-config", config([{ name: "task-s3", owner: "team-data" }])]);
        assert.equal(code, 2);
        assert.match(err, /config-\w+\.json: "iam-no-wildcard-resource": setting exemptions\[0\]\.reason is required/);
    });
});
