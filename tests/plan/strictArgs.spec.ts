// Strict command lines: typos get "did you mean", repeated flags and empty values are refused,
// and stack-info's prod guard cannot be switched off by a mistyped profile.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli as runPlanCli } from "../../plan/cli";
import { main as stackInfoCli } from "../../scripts/stackInfo";
import { UsageError, parseStrict } from "../../plan/strictArgs";
import { sharedAnalyzer } from "../support/analyzer";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { runCli } from "../support/project";
import { helpRequested } from "../../plan/cliArgs";

const OPTIONS = { stack: { type: "string" }, config: { type: "string", multiple: true }, json: { type: "boolean" } } as const;
const usageError = (argv: string[]) => {
    try {
        parseStrict(argv, OPTIONS);
    } catch (e) {
        assert.ok(e instanceof UsageError);
        return e.message;
    }
    assert.fail(`accepted ${argv.join(" ")}`);
};

describe("strict command lines", () => {
    it("reads flags, lists and --flag=value", () => {
        assert.deepEqual(parseStrict(["--stack=prod", "--config", "a=1", "--config", "b=2", "--json"], OPTIONS), {
            stack: "prod",
            config: ["a=1", "b=2"],
            json: true,
        });
    });

    it("an unknown flag names the one meant", () => {
        assert.equal(usageError(["--stak", "prod"]), "unknown option --stak; did you mean --stack?");
        assert.equal(usageError(["--verbose"]), "unknown option --verbose; allowed: --stack, --config, --json");
    });

    it("a flag given twice is refused, never last-one-wins; lists repeat", () => {
        assert.equal(usageError(["--stack", "prod", "--stack", "staging"]), "--stack is given twice; allowed: once (the plan never picks one silently)");
        assert.equal(usageError(["--json", "--json"]), "--json is given twice; allowed: once (the plan never picks one silently)");
    });

    it("an empty value is refused", () => {
        assert.equal(usageError(["--stack", ""]), "--stack needs a value; it was given an empty one");
        assert.equal(usageError(["--stack= "]), "--stack needs a value; it was given an empty one");
    });

    describe("stack-info", () => {
        it("refuses a --refuse-profile that is no profile, so the guard is never off by a typo", async () => {
            const typo = await runCli(stackInfoCli, ["--stack", "dev", "--refuse-profile", "prd"], ROOT);
            assert.equal(typo.code, 2);
            assert.match(typo.err, /^error: --refuse-profile prd is not a profile; allowed: dev, staging, prod \(did you mean prod\?\)/);
        });

        it("suggests the flag meant, refuses repeats, and has --help", async () => {
            const typo = await runCli(stackInfoCli, ["--stak", "dev"], ROOT);
            assert.equal(typo.code, 2);
            assert.match(typo.err, /^error: unknown option --stak; did you mean --stack\?/);
            assert.equal((await runCli(stackInfoCli, ["--stack", "dev", "--stack", "prod"], ROOT)).code, 2);
            const help = await runCli(stackInfoCli, ["--help"], ROOT);
            assert.equal(help.code, 0);
            assert.match(help.out, /^usage: npm run -s stack-info -- --list \| .*--stack <name>/);
        });
    });
});

describe("plan: strict command line", () => {
    it("refuses a repeated flag, an empty --program and a mistyped flag, exit 2 with the reason", async () => {
        const repeated = await cli(["--stack", "prod", "--stack", "staging"]);
        assert.equal(repeated.code, 2);
        assert.match(repeated.err, /^error: --stack is given twice; allowed: once/);
        const empty = await cli(["--program", ""]);
        assert.equal(empty.code, 2);
        assert.match(empty.err, /^error: --program needs a value; it was given an empty one/);
        const typo = await cli(["--polcy-config", "x.json"]);
        assert.equal(typo.code, 2);
        assert.match(typo.err, /^error: unknown option --polcy-config; did you mean --policy-config\?/);
    });

    it("with --json, an error or a limit is still one JSON document on stdout", async () => {
        const error = await cli(["--stack", "nosuch", "--json"]);
        assert.equal(error.code, 2);
        assert.deepEqual(JSON.parse(error.out), { result: "error", exitCode: 2, message: error.err.split("\n")[0] });
        assert.match(error.err, /^error: stack 'nosuch' has no Pulumi\.nosuch\.yaml/);
        const limit = await cli(["--program", join(ROOT, "tests", "fixtures", "programs", "unanswered-invoke"), "--phase", "preview", "--json"]);
        assert.equal(limit.code, 3);
        const doc = JSON.parse(limit.out) as { result: string; exitCode: number; message: string };
        assert.deepEqual([doc.result, doc.exitCode], ["limit", 3]);
        assert.match(doc.message, /^limit of the offline plan: no answer for this invoke/);
    });

    it("resolves relative paths from where the user ran the command, not the project root", async () => {
        const out: string[] = [];
        const err: string[] = [];
        const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
        const fixtures = join(ROOT, "tests", "fixtures");
        const code = await runPlanCli(["--program", "programs/tutorial", "--phase", "preview"], ROOT, io, { analyzer: await sharedAnalyzer(), cwd: fixtures });
        assert.equal(code, 1, err.join("\n"));
        assert.match(out.join("\n"), /Offline plan for stack dev \(us-west-2\)/);
        const missing = await runPlanCli(["--program", "programs/tutorial"], ROOT, io, { analyzer: await sharedAnalyzer(), cwd: ROOT });
        assert.equal(missing.valueOf(), 2, "programs/tutorial is not under the project root");
    });
});

describe("every script has --help", function () {
    this.timeout(120_000);
    it("plan.ts answers --help before loading the engine, only when the command is otherwise valid", () => {
        assert.equal(helpRequested(["--help"]), true);
        assert.equal(helpRequested(["--stack", "prod", "--help"]), true);
        assert.equal(helpRequested(["--help", "--bogus"]), false, "a bad option gets its error from the CLI");
        assert.equal(helpRequested(["--stack", "prod"]), false);
    });
    for (const [script, usage] of [
        ["plan.ts", /^usage: npm run plan -- \[options\]/],
        ["stackInfo.ts", /^usage: npm run -s stack-info -- /],
        ["docs.ts", /^usage: npm run docs/],
        ["bench.ts", /^usage: npm run bench/],
        ["taggableTypes.ts", /^usage: npm run taggable-types/],
    ] as const)
        it(`${script}: prints its usage and exits 0`, () => {
            const run = spawnSync(process.execPath, [join(ROOT, "scripts", "node22.js"), join(ROOT, "scripts", script), "--help"], { encoding: "utf8" });
            assert.equal(run.status, 0, run.stderr);
            assert.match(run.stdout, usage);
        });
});
