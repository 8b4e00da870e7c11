// Expiry of demo stacks: the setting and its errors, the tag on every resource, the finder that
// reads the stack files, and the scheduled workflow that destroys through the guarded path.
import { strict as assert } from "node:assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { standardTags } from "../documents/tags";
import { expiredStacks } from "../plan/stackExpiry";
import { main as stackInfoCli } from "../scripts/stackInfo";
import { ROOT } from "./support/mocks";
import { projectWith, removeProjects, runCli } from "./support/project";
import { settingsErrorFor, settingsFor } from "./support/settings";

interface Step {
    id?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}
interface Job {
    if?: string;
    needs?: string;
    environment?: string;
    concurrency?: { group: string; "cancel-in-progress": boolean };
    strategy?: { matrix?: Record<string, unknown> };
    steps: Step[];
}
const workflow = () =>
    parse(readFileSync(join(ROOT, ".github", "workflows", "expire.yml"), "utf8")) as { on: Record<string, unknown>; jobs: Record<string, Job> };

const stackFile = (profile: string, extra: string) => `config:\n  aws:region: eu-central-1\n  fargate-web:profile: ${profile}\n${extra}`;
const NOW = new Date("2026-12-03T09:00:00Z");

describe("expiry", () => {
    after(removeProjects);

    it("settings: expiresAt as a date or UTC time, ttl as a duration; the moment tags every resource", () => {
        assert.equal(settingsFor("dev").expiry, undefined);
        const dated = settingsFor("dev", { expiresAt: "2026-12-24" });
        assert.deepEqual(dated.expiry, { at: "2026-12-24T00:00:00Z" });
        assert.equal(standardTags(dated)["expires-at"], "2026-12-24T00:00:00Z");
        assert.equal(standardTags(settingsFor("dev"))["expires-at"], undefined);
        const before = Date.now();
        const ttl = settingsFor("staging", { ttl: "36h" }).expiry!;
        assert.equal(ttl.ttl, "36h");
        const at = Date.parse(ttl.at);
        assert.ok(at > before + 36 * 3_600_000 - 60_000 && at <= Date.now() + 36 * 3_600_000, ttl.at);
    });

    it("settings: errors name the key, the value and what is allowed; prod never expires", () => {
        assert.match(
            settingsErrorFor({ expiresAt: "2026-02-30" }),
            /expiresAt=2026-02-30 is not valid; allowed: a date YYYY-MM-DD \(midnight UTC\) or YYYY-MM-DDThh:mm\[:ss\]Z/,
        );
        assert.match(settingsErrorFor({ ttl: "7 days" }), /ttl=7 days is not valid; allowed: a duration such as 36h, 7d or 2w \(at most 90d\)/);
        assert.match(settingsErrorFor({ ttl: "91d" }), /ttl=91d is not valid/);
        assert.match(settingsErrorFor({ ttl: "7d", expiresAt: "2026-12-24" }), /expiresAt=2026-12-24 and ttl=7d contradict each other; allowed: one of them/);
        assert.match(settingsErrorFor({ expiresAt: "2026-12-24" }, "prod"), /expiresAt is not valid for profile prod; allowed: unset \(prod never expires\)/);
        assert.match(settingsErrorFor({ tags: JSON.stringify({ "expires-at": "never" }) }), /tags\.expires-at is set by the program from expiresAt or ttl/);
    });

    it("the finder lists expired demo stacks only: not live ones, never prod, ttl from the last update", () => {
        const root = projectWith({
            "Pulumi.demo-old.yaml": stackFile("dev", "  fargate-web:expiresAt: 2026-12-01\n"),
            "Pulumi.demo-new.yaml": stackFile("staging", "  fargate-web:expiresAt: 2027-01-01T12:00Z\n"),
            "Pulumi.demo-ttl.yaml": stackFile("dev", "  fargate-web:ttl: 2d\n"),
            "Pulumi.live.yaml": stackFile("prod", "  fargate-web:expiresAt: 2026-01-01\n"),
        });
        const report = expiredStacks(root, NOW, { "demo-ttl": "2026-11-30T08:00:00Z" });
        assert.deepEqual(report.expired, ["demo-old", "demo-ttl"]);
        assert.deepEqual(report.live, [{ stack: "demo-new", expiresAt: "2027-01-01T12:00:00.000Z" }]);
        assert.deepEqual(report.refused, [{ stack: "live", reason: "profile prod is never destroyed by expiry (retire it by hand as docs/deploy.md says)" }]);
        // A ttl stack whose last update is not known is left alone, and says why.
        assert.deepEqual(expiredStacks(root, NOW).refused[0], {
            stack: "demo-ttl",
            reason: "its last update is not known (never deployed?); the stack is left alone",
        });
    });

    it("stack-info --expired prints the lists for $GITHUB_OUTPUT; a bad --now exits 2", async () => {
        const root = projectWith({ "Pulumi.demo-old.yaml": stackFile("dev", "  fargate-web:expiresAt: 2026-12-01\n") });
        const updates = join(root, "updates.json");
        writeFileSync(updates, "{}");
        const run = await runCli(stackInfoCli, ["--expired", "--now", NOW.toISOString(), "--last-updates", updates], root);
        assert.equal(run.code, 0, run.err);
        assert.deepEqual(run.out.split("\n"), ['stacks=["demo-old"]', "refused=[]", "live=[]"]);
        const bad = await runCli(stackInfoCli, ["--expired", "--now", "yesterday"], root);
        assert.equal(bad.code, 2);
        assert.match(bad.err, /--now yesterday is not a time; allowed: ISO 8601/);
        const project = await runCli(stackInfoCli, ["--project"], root);
        assert.deepEqual([project.code, project.out], [0, "fargate-web"]);
        // The repository's own stacks set no expiry: nothing to destroy.
        assert.equal((await runCli(stackInfoCli, ["--expired"], ROOT)).out.split("\n")[0], "stacks=[]");
    });

    it("workflow: scheduled, each expired stack destroyed in its environment and concurrency group after the prod guard", () => {
        const wf = workflow();
        assert.deepEqual(Object.keys(wf.on), ["schedule"]);
        const find = wf.jobs.find!;
        const lastUpdates = find.steps.findIndex((s) => /api\.pulumi\.com\/api\/user\/stacks/.test(s.run ?? ""));
        const expired = find.steps.findIndex((s) => s.id === "expired");
        assert.ok(lastUpdates >= 0 && lastUpdates < expired, "the last updates are read before the finder runs");
        assert.match(find.steps[lastUpdates]!.run!, /> "\$RUNNER_TEMP\/last-updates\.json"$/m);
        assert.match(find.steps[expired]!.run!, /npm run -s stack-info -- --expired --last-updates "\$RUNNER_TEMP\/last-updates\.json"/);
        const job = wf.jobs.destroy!;
        assert.equal(job.needs, "find");
        assert.equal(job.if, "needs.find.outputs.stacks != '[]'");
        assert.equal(job.strategy!.matrix!.stack, "${{ fromJSON(needs.find.outputs.stacks) }}");
        assert.equal(job.environment, "${{ matrix.stack }}");
        assert.deepEqual(job.concurrency, { group: "stack-${{ matrix.stack }}", "cancel-in-progress": false });
        const destroy = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@") && s.with?.command === "destroy")!;
        const guard = job.steps.findIndex((s) => /stack-info -- --stack "\$STACK" --refuse-profile prod/.test(s.run ?? ""));
        assert.ok(guard >= 0 && guard < job.steps.indexOf(destroy), "the prod guard runs before destroy");
        assert.equal(job.steps[guard]!.env!.STACK, "${{ matrix.stack }}");
        assert.equal(destroy.if, undefined, "destroy never runs after a failed guard");
        assert.equal(destroy.with!["stack-name"], "${{ matrix.stack }}");
        const summary = job.steps[job.steps.length - 1]!;
        assert.equal(summary.if, "always()");
        assert.match(summary.run!, /destroyed \$STACK/);
        assert.match(summary.run!, /refused \$STACK/);
        assert.match(summary.run!, /GITHUB_STEP_SUMMARY/);
    });

    it("the guard the workflow runs refuses a prod-profile stack whatever its name", async () => {
        const root = projectWith({ "Pulumi.demo.yaml": stackFile("prod", "") });
        const refused = await runCli(stackInfoCli, ["--stack", "demo", "--refuse-profile", "prod"], root);
        assert.equal(refused.code, 2);
        assert.match(refused.err, /stack 'demo' has profile prod; refused/);
    });
});
