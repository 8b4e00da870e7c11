// --program runs the program as the Pulumi CLI does: in a child process, in its own folder, ES
// modules and .js → .ts imports loaded, its output kept off stdout. How a run fails or is
// stopped: programFailures.spec.ts.
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { sharedAnalyzer } from "../support/analyzer";
import { cli, cliProcess, programRuns } from "../support/cli";
import { ROOT } from "../support/mocks";

const FIXTURES = join(ROOT, "tests", "fixtures", "programs");

/** A copy of a fixture outside this project (no node_modules near it: it borrows this project's). */
function copied(name: string): string {
    const dir = mkdtempSync(join(tmpdir(), `${name}-`));
    cpSync(join(FIXTURES, name), dir, { recursive: true });
    return dir;
}

describe("plan --program in a child process", function () {
    this.timeout(240_000);
    const temps: string[] = [];
    const temp = (name: string) => {
        const dir = copied(name);
        temps.push(dir);
        return dir;
    };
    after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it("runs in the program's own folder: files read relative to it; the bucket's name unknown at preview, known after up", async () => {
        const dir = temp("site-files");
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: dir, analyzer: await sharedAnalyzer() });
        const objects = (phase: "preview" | "up") =>
            plan.phases[phase]!.resources.filter((r) => r.type === "aws:s3/bucketObject:BucketObject").map((r) => [r.name, r.inputs.content, r.inputs.bucket]);
        assert.deepEqual(objects("preview"), [
            ["index.html", "<h1>hello</h1>\n", ENGINE_UNKNOWN],
            ["robots.txt", "User-agent: *\nAllow: /\n", ENGINE_UNKNOWN],
        ]);
        const bucket = plan.phases.up!.resources.find((r) => r.type === "aws:s3/bucket:Bucket")!;
        // A bucket's id is its name, the provider's autoname: the logical name, "-" and 7 characters.
        assert.match(String(bucket.outputs.id), /^site-[0-9a-f]{7}$/);
        assert.equal(bucket.outputs.id, bucket.outputs.bucket);
        assert.deepEqual(
            objects("up").map(([name, , b]) => [name, b]),
            [
                ["index.html", bucket.outputs.id],
                ["robots.txt", bucket.outputs.id],
            ],
        );
        const policy = (phase: "preview" | "up") => plan.phases[phase]!.resources.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy")!.inputs.policy;
        assert.equal(policy("preview"), ENGINE_UNKNOWN);
        assert.match(String(policy("up")), new RegExp(`"Resource":"arn:aws:s3:::${String(bucket.outputs.id)}/\\*"`));
        assert.deepEqual(plan.outputs, { bucketName: bucket.outputs.id, index: "<h1>hello</h1>" });
        assert.equal(bucket.parent, undefined, "the root stack is not a record: its children are top-level, as in-process");
        assert.ok(!plan.resources.some((r) => r.type === "pulumi:pulumi:Stack"));
    });

    it("loads an ES module program in TypeScript: `./lib.js` means lib.ts, @pulumi/aws comes from this project", async () => {
        const dir = temp("esm-lib");
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: dir, analyzer: await sharedAnalyzer(), phases: ["up"] });
        const queue = plan.resources.find((r) => r.type === "aws:sqs/queue:Queue")!;
        assert.deepEqual([queue.inputs.name, queue.inputs.messageRetentionSeconds], ["orders-queue", 86400]);
        assert.equal(plan.outputs.moduleKind, "esm");
        assert.equal(plan.region, "us-east-2");
    });

    it("a program's own output never reaches stdout: --json parses, and the lines are its programOutput", () => {
        const { code, out, err } = cliProcess(["--program", join(FIXTURES, "chatty"), "--json"]);
        // Its buckets draw the S3 rules' findings (exit 1): what matters here is where its output goes.
        assert.equal(code, 1, err);
        const doc = JSON.parse(out) as { result: string; programOutput: string[] };
        assert.equal(doc.result, "fail");
        assert.deepEqual(doc.programOutput.slice(0, 7), [
            "{ not json: the program's own stdout",
            ...[0, 1, 2, 3, 4].map((i) => `creating bucket number ${i}`),
            "a warning on the program's stderr",
        ]);
        assert.ok(doc.programOutput.includes("a line written without console.log"));
        assert.ok(
            doc.programOutput.some((line) => /^bucket id logs-[0-9a-f]{7}$/.test(line)),
            "printed after up only",
        );
        assert.equal(out.trimEnd(), JSON.stringify(doc, null, 2), "stdout is the JSON document and nothing else");
        assert.doesNotMatch(err, /creating bucket/, "in JSON mode the lines are not repeated on stderr");
    });

    it("in text mode the program's lines go to stderr, each distinct line once across both phases", async () => {
        const { code, out, err } = await cli(["--program", join(FIXTURES, "chatty")]);
        assert.equal(code, 1, err);
        assert.equal(err.split("\n").filter((line) => line === "creating bucket number 3").length, 1);
        assert.match(err, /a warning on the program's stderr/);
        assert.doesNotMatch(out, /creating bucket|not json/);
        assert.match(out, /^Offline plan for stack dev/);
    });

    it("transforms run as the engine runs them: a stack transform on every resource, a resource's own on it, in both phases", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: join(FIXTURES, "transforms"), analyzer: await sharedAnalyzer(), programRuns });
        for (const phase of ["preview", "up"] as const) {
            const bucket = (name: string) => plan.phases[phase]!.resources.find((r) => r.name === name)!.inputs;
            assert.deepEqual(bucket("tagged").tags, { owner: "platform" }, phase);
            assert.deepEqual([bucket("disposable").tags, bucket("disposable").forceDestroy], [{ owner: "platform" }, true], phase);
        }
    });

    it("this project's program run in a child process gives the records of the in-process run, in both phases", async () => {
        const analyzer = await sharedAnalyzer();
        const policyConfigPath = join(ROOT, "policy", "config", "dev.json");
        const [hosted, inProcess] = [
            await buildPlan({ root: ROOT, stack: "dev", programDir: ROOT, policyConfigPath, analyzer }),
            await buildPlan({ root: ROOT, stack: "dev", policyConfigPath, analyzer }),
        ];
        for (const phase of ["preview", "up"] as const) {
            // The same records; the order of registrations may differ between two processes.
            const records = (plan: typeof hosted) =>
                // Source positions are compared by file: in a child, a resource made in a callback is placed at its caller's line.
                plan.phases[phase]!.resources.map((r) => ({
                    ...r,
                    outputs: phase === "up" ? r.outputs : undefined,
                    source: r.source?.file,
                })).sort((a, b) => a.urn.localeCompare(b.urn));
            assert.deepEqual(records(hosted), records(inProcess), phase);
            // An output exported as undefined is not sent to the engine at all (as JSON shows it).
            const outputs = (plan: typeof hosted) => JSON.parse(JSON.stringify(plan.phases[phase]!.outputs)) as unknown;
            assert.deepEqual(outputs(hosted), outputs(inProcess), phase);
        }
        assert.equal(hosted.mandatoryViolations, inProcess.mandatoryViolations);
    });
});
