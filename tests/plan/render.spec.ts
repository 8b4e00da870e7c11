// The plan reads in ten seconds: the verdict first and last, --quiet, after up only what differs
// from preview, cost columns that stay aligned, and a state's resources marked as existing.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import type { Plan } from "../../plan/plan";
import { renderQuiet, renderText } from "../../plan/render";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { stackPlan } from "../support/stackPlans";

describe("plan: reading the text", function () {
    this.timeout(180_000);
    let dev: Plan;
    before(async () => {
        dev = await stackPlan("dev");
    });

    it("states the verdict on the second line and again on the last", () => {
        const lines = renderText(dev, ROOT).split("\n");
        assert.equal(lines[1], "Result: pass at preview");
        assert.equal(lines[lines.length - 1], "Result: pass at preview");
    });

    it("--quiet prints the verdict and the gate phase's violations only", async () => {
        const quiet = renderQuiet(dev).split("\n");
        assert.equal(quiet[0], "Result: pass at preview");
        const advisory = dev.phases.preview!.evaluation.violations.filter((v) => v.enforcementLevel === "advisory" && !v.unverifiable).length;
        assert.equal(quiet[1], `  advisory (${advisory})`);
        assert.equal(quiet.length, 2 + advisory);
        assert.ok(quiet.slice(2).every((l) => /^ {4}\[[a-z0-9-]+\] /.test(l)));
        const { code, out } = await cli(["--quiet", "--program", join(ROOT, "tests", "fixtures", "programs", "tutorial"), "--phase", "preview"]);
        assert.equal(code, 1);
        assert.match(out, /^Result: FAIL at preview \(\d+ mandatory violation\(s\)\)\n {2}mandatory \(\d+\)\n/);
        assert.doesNotMatch(out, /Estimated monthly cost|pulumi:pulumi:Stack/);
        assert.equal((await cli(["--quiet", "--json"])).code, 2);
    });

    it("after up lists only what differs from preview", () => {
        const up = dev.phases.up!;
        const extra = { ...up.evaluation.violations[0]!, message: "web-dev: a finding only after up" };
        const changed: Plan = {
            ...dev,
            phases: { ...dev.phases, up: { ...up, evaluation: { ...up.evaluation, violations: [...up.evaluation.violations.slice(1), extra] } } },
        };
        const text = renderText(changed, ROOT);
        const after = text.slice(text.indexOf("After up"));
        assert.match(
            after,
            /^After up: what differs from preview:\n {2}new after up \(1\)\n {4}\[\S+\] .*a finding only after up\n {2}only at preview \(1\)\n/,
        );
        assert.equal((after.match(/^ {4}\[/gm) ?? []).length, 2, "the violations both phases share are not repeated");
        assert.match(renderText(dev, ROOT), /\nAfter up: the same violations as at preview\.\n/);
    });

    it("keeps cost amounts in one column whatever the unit's length", () => {
        const text = renderText(dev, ROOT);
        const rows = text
            .slice(text.indexOf("Estimated monthly cost"))
            .split("\n")
            .filter((l) => /^ {2}\S.*\$\d+\.\d\d/.test(l) && !l.includes("common defaults"));
        const ends = new Set(rows.map((l) => l.replace(/ {2}\(budget.*$/, "").length));
        assert.equal(ends.size, 1, rows.join("\n"));
        const long: Plan = { ...dev, cost: { ...dev.cost, lines: [...dev.cost.lines, { ...dev.cost.lines[0]!, unit: "request-units-per-second-months" }] } };
        const longRows = renderText(long, ROOT)
            .split("\n")
            .filter((l) => /^ {2}\S.*\$\d+\.\d\d$/.test(l));
        assert.equal(new Set(longRows.map((l) => l.length)).size, 1, longRows.join("\n"));
    });

    it("marks a state's resources as existing, not as creations", async () => {
        const { out } = await cli(["--state", join(ROOT, "tests", "fixtures", "state", "shop-staging.json")]);
        assert.match(out, /\n {5}Type +Name\n {5}pulumi:pulumi:Stack/);
        assert.doesNotMatch(out, /^ \+ {3}/m);
    });
});
