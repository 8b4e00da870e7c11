// How a --program run ends when it does not simply finish: the program's own errors are the user's
// (exit 2), what the plan cannot serve is a limit of the plan (exit 3), and a run still waiting at
// the time bound is stopped, naming what it waited for.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";

const FIXTURES = join(ROOT, "tests", "fixtures", "programs");

describe("plan --program: errors, limits and the time bound", function () {
    this.timeout(240_000);

    it("a promise that never settles: the program ends, naming the resource and the input it waited for (exit 2)", async () => {
        const { code, err } = await cli(["--program", join(FIXTURES, "never-settles"), "--phase", "up"]);
        assert.equal(code, 2);
        assert.match(err, /error: the program \S+index\.ts failed at up: the program exited with code 1:/);
        assert.match(err, /"data" \[aws:s3\/bucketPolicy:BucketPolicy\] was waiting for the value of its input property "policy"/);
    });

    it("a program still waiting at the bound is stopped, naming what it waited for (exit 3)", async () => {
        const started = Date.now();
        const { code, err } = await cli(["--program", join(FIXTURES, "hangs"), "--phase", "preview", "--timeout", "10"]);
        assert.equal(code, 3);
        assert.ok(Date.now() - started < 30_000, `ended ${Date.now() - started} ms after it started`);
        assert.match(
            err,
            /^limit of the offline plan: the program \S+index\.ts did not finish at preview within 10 s and was stopped: the program itself did not finish: its resources "data" \[aws:s3\/bucketPolicy:BucketPolicy\] still waited for input values\. Raise the bound with --timeout <seconds> if it only needs longer\.\nThis is a limit of the offline plan, not an error in your program or input\.$/,
        );
    });

    it("the program's own error at up is the user's: exit 2 with its message; preview (name unknown) passed", async () => {
        const { code, err } = await cli(["--program", join(FIXTURES, "throws-at-up")]);
        assert.equal(code, 2);
        // The last line: what the program printed comes first (Node may warn of a rejection it handled late).
        assert.match(err.split("\n").pop()!, /^error: the program \S+index\.ts failed at up: bucket assets-[0-9a-f]{7} must be named prod-\*$/);
        const preview = await cli(["--program", join(FIXTURES, "throws-at-up"), "--phase", "preview"]);
        // At preview the program runs through (its bucket draws the S3 rules' findings: exit 1, not 2).
        assert.equal(preview.code, 1, preview.err);
        assert.match(preview.out, /Result: FAIL at preview/);
    });

    it("a protocol feature the plan does not serve (an invoke transform) is a limit of the plan: exit 3", async () => {
        const { code, err } = await cli(["--program", join(FIXTURES, "invoke-transform"), "--phase", "preview"]);
        assert.equal(code, 3);
        assert.match(
            err,
            /^limit of the offline plan: the program \S+index\.ts failed at preview: the offline plan does not support invoke transforms \(registerInvokeTransform\)/,
        );
        assert.match(err, /This is a limit of the offline plan, not an error in your program or input\.$/);
    });

    it("an invoke the mocks cannot answer is a limit of the plan, naming the call: exit 3", async () => {
        const { code, err } = await cli(["--program", join(FIXTURES, "unanswered-invoke"), "--phase", "preview"]);
        assert.equal(code, 3);
        assert.match(
            err,
            /(^|\n)limit of the offline plan: no answer for this invoke .*\n {2}aws:ec2\/getInstance:getInstance\(\{"instanceId":"i-0abc1234def567890"\}\)\n/,
        );
        assert.match(err, /This is a limit of the offline plan, not an error in your program or input\.$/);
    });

    it("--timeout takes whole seconds from 1 to 3600", async () => {
        for (const bad of ["0", "1.5", "abc", "3601", "-5"]) {
            const { code, err } = await cli(["--program", join(FIXTURES, "chatty"), `--timeout=${bad}`]);
            assert.equal(code, 2, bad);
            assert.match(err, new RegExp(`^error: --timeout ${bad.replace(".", "\\.")} is not valid; allowed: a whole number of seconds from 1 to 3600\\n`));
        }
    });

    it("Node's warning that a rejection was handled late is not the program's output; its other warnings are", () => {
        // What the SDK does when the plan answers an invoke with an error: the rejection is handled a tick late.
        const script = `const p = Promise.reject(new Error("no answer")); setTimeout(() => { p.catch(() => {}); process.emitWarning("old API", "DeprecationWarning"); }, 20);`;
        const preload = join(ROOT, "plan", "host", "loader", "childPreload.js");
        const child = spawnSync(process.execPath, ["--unhandled-rejections=warn", "--require", preload, "-e", script], { encoding: "utf8" });
        assert.equal(child.status, 0, child.stderr);
        assert.match(child.stderr, /DeprecationWarning: old API/);
        assert.doesNotMatch(child.stderr, /PromiseRejectionHandledWarning|handled asynchronously/);
    });
});
