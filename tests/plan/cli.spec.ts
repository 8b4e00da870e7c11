// The CLI as users run it: whole --json output through a slow pipe on Node 20 and 22, and errors
// that name the file (malformed stack YAML, malformed or null policy config, missing paths).
import { strict as assert } from "node:assert";
import { listStacks } from "../../plan/stackInfo";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, cliProcess } from "../support/cli";
import { ROOT } from "../support/mocks";
import { writeTemp } from "../support/policyConfig";

/** A Node 22 binary: this one, or the one scripts/node22.js runs (it prints its own path). */
function node22(): string {
    if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
    const script = writeTemp("execPath.js", "console.log(process.execPath)");
    return execFileSync(process.execPath, [join(ROOT, "scripts", "node22.js"), script], { encoding: "utf8" }).trim();
}

describe("plan CLI in a child process", function () {
    this.timeout(240_000);

    // A reader that waits a second first: the 64 KiB pipe buffer fills, and the plan must wait for it.
    const SLOW_READER = "(sleep 1; cat)";

    const pathNode = execFileSync("node", ["--version"], { encoding: "utf8" }).trim();

    it(`--json is complete through a slow pipe, launched by the node on PATH (${pathNode}; before 22 it runs Node 22 from the npm registry)`, () => {
        const { code, out, err } = cliProcess(["--stack", "dev", "--json"], { consumer: SLOW_READER });
        assert.equal(code, 0, err);
        assert.ok(out.length > 65536, `more than one pipe buffer (${out.length} bytes)`);
        const doc = JSON.parse(out) as { result: string; phases: Record<string, unknown> };
        assert.deepEqual([doc.result, Object.keys(doc.phases)], ["pass", ["preview", "up"]]);
    });

    it("--json is complete through a slow pipe on Node 22 directly, and the exit code survives the pipe", () => {
        const node = node22();
        assert.match(execFileSync(node, ["--version"], { encoding: "utf8" }), /^v2[2-9]\./);
        const config = writeTemp("strict.json", JSON.stringify({ "alb-access-logs": "mandatory" }));
        const { code, out } = cliProcess(["--stack", "staging", "--json", "--policy-config", config], { node, consumer: SLOW_READER });
        assert.equal(code, 1);
        const doc = JSON.parse(out) as { result: string; mandatoryViolations: number };
        assert.deepEqual([doc.result, doc.mandatoryViolations], ["fail", 1]);
    });

    it("a user error is a message and exit 2 on stderr; stdout has only the JSON document that --json promises", () => {
        const { code, out, err } = cliProcess(["--stack", "nosuch", "--json"]);
        const message = `error: stack 'nosuch' has no Pulumi.nosuch.yaml; allowed: ${listStacks(ROOT).join(", ")}`;
        assert.equal(code, 2);
        assert.equal(err.trim(), message);
        assert.deepEqual(JSON.parse(out), { result: "error", exitCode: 2, message });
        assert.equal(cliProcess(["--stack", "nosuch"]).out, "", "without --json, nothing on stdout");
    });
});

describe("plan CLI: errors name the file", function () {
    this.timeout(120_000);

    it("a policy config that is missing, malformed, null or names a typo", async () => {
        const missing = await cli(["--policy-config", join(ROOT, "policy", "config", "nosuch.json")]);
        assert.deepEqual([missing.code, missing.err], [2, "error: policy/config/nosuch.json: policy config file not found"]);
        const malformed = await cli(["--policy-config", writeTemp("bad.json", '{ "log-group-kms": "mandatory", }')]);
        assert.equal(malformed.code, 2);
        assert.match(malformed.err, /^error: \S*bad\.json: not valid JSON: /);
        const nullConfig = await cli(["--policy-config", writeTemp("null.json", "null")]);
        assert.match(nullConfig.err, /^error: \S*null\.json: must be a JSON object of policy names to settings, not null$/);
        const typo = await cli(["--policy-config", writeTemp("typo.json", '{ "log-group-kms": "mandatroy", "all": "advisory" }')]);
        assert.equal(typo.code, 2);
        assert.match(
            typo.err,
            /typo\.json: "log-group-kms": "mandatroy" is not an enforcement level; allowed: advisory, mandatory, remediate, disabled \(did you mean "mandatory"\?\)/,
        );
        for (const r of [missing, malformed, nullConfig, typo]) assert.doesNotMatch(r.err, /ENOENT|\n\s+at /);
    });

    it("`all` in a policy config is applied: every policy at its level unless named", async () => {
        const config = writeTemp("all.json", JSON.stringify({ all: "advisory", "monthly-cost-budget": { monthlyBudgetUsd: 1 } }));
        const { code, out } = await cli(["--policy-config", config, "--phase", "up"]);
        assert.equal(code, 0, "the budget is exceeded, but only advisory now");
        assert.match(out, /\n {2}monthly-cost-budget +advisory +1 advisory\n/);
    });

    it("a malformed stack file or project file names the file and the line", async () => {
        const dir = mkdtempSync(join(tmpdir(), "project-"));
        try {
            cpSync(join(ROOT, "tests", "fixtures", "programs", "tutorial"), dir, { recursive: true });
            writeFileSync(join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: us-west-2\n    desiredCount: [2\n");
            const stack = await cli(["--program", dir]);
            assert.equal(stack.code, 2);
            assert.match(stack.err, /^error: \S*Pulumi\.dev\.yaml: stack config is not valid YAML \(line \d+, column \d+\): /);
            writeFileSync(join(dir, "Pulumi.dev.yaml"), "config: [1, 2]\n");
            assert.match((await cli(["--program", dir])).err, /Pulumi\.dev\.yaml: config must be a mapping of config keys to values$/);
            writeFileSync(join(dir, "Pulumi.yaml"), "runtime: nodejs\n");
            assert.match((await cli(["--program", dir])).err, /Pulumi\.yaml: a Pulumi project file needs `name: <project name>` at the top level$/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("a missing policy pack directory is named", async () => {
        const { code, err } = await cli(["--policy-pack", join(ROOT, "no-such-pack")]);
        assert.deepEqual([code, err], [2, "error: no-such-pack: policy pack directory not found"]);
    });
});
