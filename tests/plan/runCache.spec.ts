// Reused --program runs: the same program, config and phase give back the first run, with what it
// printed (or its failure); a changed file, another config, phase or invoke answer start it again.
import { strict as assert } from "node:assert";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProgramRunCache } from "../../plan/host/runCache";
import type { HostedRun } from "../../plan/host/hostedRun";
import { buildPlan } from "../../plan/plan";
import { loadStackConfig } from "../../plan/stackConfig";
import { sharedAnalyzer } from "../support/analyzer";
import { ROOT } from "../support/mocks";

const FIXTURES = join(ROOT, "tests", "fixtures", "programs");

describe("plan: reused --program runs", function () {
    this.timeout(240_000);
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), "run-cache-"));
        cpSync(join(FIXTURES, "s3-only"), dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const program = () => ({ dir, entry: join(dir, "index.ts"), stack: loadStackConfig(dir, "dev") });
    const fakeRun = (resources: number): HostedRun =>
        ({ resources: Array.from({ length: resources }), outputs: {}, output: [`ran with ${resources}`] }) as unknown as HostedRun;

    it("the same inputs reuse the run; a changed file, config, phase or invoke answer run it again", async () => {
        const cache = new ProgramRunCache();
        let started = 0;
        const start = () => Promise.resolve(fakeRun(++started));
        const first = cache.run(program(), "preview", {}, start);
        assert.equal(first.reused, false);
        assert.equal(cache.run(program(), "preview", {}, start).reused, true);
        assert.equal(await cache.run(program(), "preview", {}, start).run, await first.run);
        assert.equal(cache.run(program(), "up", {}, start).reused, false);
        assert.equal(cache.run(program(), "preview", { invokeResults: { "aws:ec2/getAmi:getAmi": [] } as never }, start).reused, false);
        assert.equal(cache.run({ ...program(), stack: { ...program().stack, config: { extra: "1" } } }, "preview", {}, start).reused, false);
        appendFileSync(join(dir, "index.ts"), "\n// edited\n");
        assert.equal(cache.run(program(), "preview", {}, start).reused, false);
        assert.equal(started, 5);
        assert.equal(cache.reused, 2);
    });

    it("a failed run is given back failed: the same inputs fail the same way", async () => {
        const cache = new ProgramRunCache();
        const failed = cache.run(program(), "up", {}, () => Promise.reject(new Error("bucket must be named prod-*")));
        await assert.rejects(failed.run, /prod-\*/);
        const again = cache.run(program(), "up", {}, () => Promise.resolve(fakeRun(1)));
        assert.equal(again.reused, true);
        await assert.rejects(again.run, /prod-\*/);
    });

    it("a plan from a reused run equals the first, and passes on what the program printed", async () => {
        cpSync(join(FIXTURES, "chatty"), dir, { recursive: true });
        const programRuns = new ProgramRunCache();
        const plan = async () => {
            const printed: string[] = [];
            const built = await buildPlan({
                root: ROOT,
                stack: "dev",
                programDir: dir,
                phases: ["up"],
                analyzer: await sharedAnalyzer(),
                programRuns,
                onProgramOutput: (l) => printed.push(l),
            });
            return { built, printed };
        };
        const first = await plan();
        const second = await plan();
        assert.equal(programRuns.reused, 1);
        assert.ok(first.printed.includes("creating bucket number 3"));
        assert.deepEqual(second.printed, first.printed);
        assert.deepEqual(second.built.resources, first.built.resources);
        assert.deepEqual(second.built.policies, first.built.policies);
    });
});
