// --write-baseline / --baseline: a team adopts the gate on a program that already has findings; only
// findings not in the baseline fail it, and the output says how many known ones remain.
import { strict as assert } from "node:assert";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log } from "sarif";
import type { BaselineFile } from "../../plan/baseline";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { sarifErrors } from "../support/sarifSchema";

const TUTORIAL = join(ROOT, "tests", "fixtures", "programs", "tutorial");

describe("plan --baseline", function () {
    this.timeout(240_000);
    let dir: string;
    let program: string;
    let baselineFile: string;

    before(() => {
        dir = mkdtempSync(join(tmpdir(), "baseline-"));
        program = join(dir, "program");
        cpSync(TUTORIAL, program, { recursive: true });
        baselineFile = join(dir, "baseline.json");
    });

    it("round trip: today's findings are written; against them the plan passes; a new defect alone fails it", async () => {
        const written = await cli(["--program", program, "--phase", "preview", "--write-baseline", baselineFile]);
        assert.equal(written.code, 1, "writing a baseline does not hide today's result");
        const baseline = JSON.parse(readFileSync(baselineFile, "utf8")) as BaselineFile;
        assert.equal(baseline.version, 1);
        assert.ok(baseline.findings.length > 1);
        const wildcard = baseline.findings.find((f) => f.policy === "iam-no-wildcard-resource");
        assert.ok(wildcard?.urn?.endsWith("::task-s3"), JSON.stringify(baseline.findings));
        assert.ok(wildcard); // (narrowed for the compiler)
        assert.match(wildcard.message, /^task-s3: /);

        const known = await cli(["--program", program, "--phase", "preview", "--baseline", baselineFile]);
        assert.equal(known.code, 0, known.out + known.err);
        assert.match(
            known.out,
            new RegExp(`Baseline .*baseline\\.json: ${baseline.findings.length} finding\\(s\\) of the baseline remain; no new findings\\.`),
        );
        assert.match(known.out, /Result: pass at preview/);

        // A new defect: a second wildcard grant on a new role policy.
        appendFileSync(
            join(program, "index.ts"),
            '\nnew aws.iam.RolePolicy("task-extra", { role: role.id, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:*", Resource: "*" }] }) });\n',
        );
        const added = await cli(["--program", program, "--phase", "preview", "--baseline", baselineFile, "--json"]);
        assert.equal(added.code, 1, added.err);
        const json = JSON.parse(added.out) as {
            mandatoryViolations: number;
            baseline: { remaining: number; fixed: number; newFindings: { policy: string; urn: string; message: string }[]; newMandatory: number };
        };
        assert.equal(json.baseline.remaining, baseline.findings.length);
        assert.equal(json.baseline.fixed, 0);
        assert.ok(json.baseline.newFindings.length > 0);
        assert.ok(
            // The new policy's own findings, and the role's, whose message now names the new grant.
            json.baseline.newFindings.every((f) => f.urn.endsWith("::task-extra") || f.message.includes("task-extra statement")),
            JSON.stringify(json.baseline.newFindings),
        );
        assert.equal(json.mandatoryViolations, json.baseline.newMandatory);
        assert.ok(json.baseline.newFindings.some((f) => f.policy === "iam-no-wildcard-resource"));

        const sarif = join(dir, "plan.sarif");
        const text = await cli(["--program", program, "--phase", "preview", "--baseline", baselineFile, "--sarif", sarif]);
        const results = (JSON.parse(readFileSync(sarif, "utf8")) as Log).runs[0]!.results!;
        assert.deepEqual(sarifErrors(JSON.parse(readFileSync(sarif, "utf8"))), []);
        const states = (state: string) => results.filter((r) => r.baselineState === state);
        assert.equal(states("new").length, json.baseline.newFindings.length);
        assert.equal(states("unchanged").length, results.length - json.baseline.newFindings.length);
        assert.ok(states("new").every((r) => JSON.stringify(r).includes("task-extra")));
        assert.match(text.out, /new finding\(s\), \d+ mandatory \(only these count towards the result\):\n {2}- \[[\w-]+\] task-extra: /);
        assert.match(text.out, /\n {2}- \[iam-no-wildcard-resource\] task-extra: policy statement 0 allows sqs:\*/);
        assert.match(text.out, new RegExp(`Result: FAIL at preview \\(${json.mandatoryViolations} mandatory violation\\(s\\)\\)`));
    });

    it("a fixed finding is counted as fixed, not as remaining", async () => {
        const file = join(dir, "extra.json");
        const baseline = JSON.parse(readFileSync(baselineFile, "utf8")) as BaselineFile;
        const gone = { policy: "iam-no-wildcard-resource", urn: "urn:pulumi:dev::tutorial::aws:iam/rolePolicy:RolePolicy::removed", message: "removed: gone" };
        writeFileSync(file, JSON.stringify({ ...baseline, findings: [...baseline.findings, gone] }));
        const { out } = await cli(["--program", TUTORIAL, "--phase", "preview", "--baseline", file, "--json"]);
        const json = JSON.parse(out) as { baseline: { remaining: number; fixed: number } };
        assert.deepEqual([json.baseline.remaining, json.baseline.fixed], [baseline.findings.length, 1]);
    });

    it("a malformed baseline is refused, naming the file and the entry", async () => {
        const file = join(dir, "bad.json");
        writeFileSync(file, JSON.stringify({ version: 1, findings: [{ policy: "x", message: "m" }, { policy: "y" }] }));
        const { code, err } = await cli(["--program", TUTORIAL, "--baseline", file]);
        assert.equal(code, 2);
        assert.match(err, /bad\.json: baseline findings\[1\]: must have required property 'message'; write one with --write-baseline/);
        writeFileSync(file, JSON.stringify({ version: 2, findings: [] }));
        assert.match((await cli(["--program", TUTORIAL, "--baseline", file])).err, /baseline version: must be equal to constant; allowed: 1/);
    });

    it("--baseline with --write-baseline is a usage error", async () => {
        const { code, err } = await cli(["--baseline", "a.json", "--write-baseline", "b.json"]);
        assert.equal(code, 2);
        assert.match(err, /--baseline cannot be combined with --write-baseline/);
    });
});
