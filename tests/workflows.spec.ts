// CI that works on the first pull request: every workflow parsed, its pulumi/actions inputs
// checked against the action's declared inputs (tests/fixtures/pulumi-actions-inputs.json), its
// token permissions least-privilege, and the stack facts it reads produced by scripts/stackInfo.ts.
import { strict as assert } from "node:assert";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { main as stackInfoCli } from "../scripts/stackInfo";
import { ROOT } from "./support/mocks";
import { assertInstallBuildsPack, assertPackBuildsItsMain } from "./support/packBuilt";
import { projectWith, removeProjects, runCli } from "./support/project";

interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    "continue-on-error"?: unknown;
}
interface Job {
    if?: string;
    environment?: string;
    permissions?: Record<string, string> | string;
    steps: Step[];
    strategy?: { matrix?: Record<string, unknown> };
    outputs?: Record<string, string>;
    needs?: string | string[];
}
interface Workflow {
    on: Record<string, unknown>;
    concurrency?: { group: string; "cancel-in-progress": boolean };
    defaults?: { run?: { shell?: string } };
    permissions?: Record<string, string> | string;
    jobs: Record<string, Job>;
}

const FIXTURE = JSON.parse(readFileSync(join(__dirname, "fixtures", "pulumi-actions-inputs.json"), "utf8")) as {
    ref: string;
    commit: string;
    inputs: string[];
    commands: string[];
    requiredWithCommand: string[];
    booleanInputs: string[];
};
const DIR = join(ROOT, ".github", "workflows");
const WORKFLOWS: Record<string, Workflow> = Object.fromEntries(
    readdirSync(DIR)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => [f, parse(readFileSync(join(DIR, f), "utf8")) as Workflow]),
);
const allJobs = () => Object.entries(WORKFLOWS).flatMap(([file, wf]) => Object.entries(wf.jobs).map(([name, job]) => ({ where: `${file}#${name}`, job })));
const pulumiSteps = (job: Job) => job.steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
const listInput = (value: unknown) =>
    String(value ?? "")
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter((x) => x !== "");
const grants = (job: Job, scope: string) => typeof job.permissions === "object" && job.permissions[scope] === "write";

describe("workflows", () => {
    after(removeProjects);
    it("ship preview, deploy-dev, destroy and expire", () => {
        assert.deepEqual(Object.keys(WORKFLOWS).sort(), ["deploy-dev.yml", "destroy.yml", "expire.yml", "preview.yml"]);
    });

    describe("permissions: least privilege", () => {
        it("the workflow-level token grants nothing beyond read", () => {
            for (const [file, wf] of Object.entries(WORKFLOWS)) {
                assert.equal(typeof wf.permissions, "object", `${file}: permissions must be explicit`);
                for (const [scope, level] of Object.entries(wf.permissions as Record<string, string>))
                    assert.ok(level === "read" || level === "none", `${file}: ${scope}: ${level} at workflow level`);
            }
        });

        it("every job states its permissions; writes are only id-token, pull-requests and security-events", () => {
            for (const { where, job } of allJobs()) {
                assert.equal(typeof job.permissions, "object", `${where}: job permissions must be explicit (no read-all/write-all)`);
                for (const [scope, level] of Object.entries(job.permissions as Record<string, string>))
                    if (level === "write") assert.ok(["id-token", "pull-requests", "security-events"].includes(scope), `${where}: ${scope}: write`);
            }
        });

        it("security-events: write exactly where upload-sarif sends code scanning results", () => {
            for (const { where, job } of allJobs()) {
                const uploads = job.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
                assert.equal(grants(job, "security-events"), uploads, `${where}: security-events: write ⇔ upload-sarif`);
            }
        });

        it("pull-requests: write exactly where pulumi/actions comments on the pull request", () => {
            for (const { where, job } of allJobs()) {
                const comments = pulumiSteps(job).some((s) => s.with?.["comment-on-pr"] === true || s.with?.["comment-on-pr"] === "true");
                assert.equal(grants(job, "pull-requests"), comments, `${where}: pull-requests: write ⇔ comment-on-pr`);
            }
            const preview = WORKFLOWS["preview.yml"]!.jobs.preview!;
            assert.ok(grants(preview, "pull-requests"), "the preview job can comment");
        });

        it("id-token: write exactly where AWS credentials come from OIDC", () => {
            for (const { where, job } of allJobs()) {
                const oidc = job.steps.some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
                assert.equal(grants(job, "id-token"), oidc, `${where}: id-token: write ⇔ role assumption`);
            }
        });
    });

    describe("pulumi/actions inputs as the action declares them", () => {
        const steps = allJobs().flatMap(({ where, job }) => pulumiSteps(job).map((step) => ({ where, job, step })));

        it("finds the action in every workflow", () => {
            assert.deepEqual([...new Set(steps.map((s) => s.where.split("#")[0]))].sort(), Object.keys(WORKFLOWS).sort());
        });

        it("uses the action version the fixture describes, and only its inputs", () => {
            for (const { where, step } of steps) {
                assert.equal(step.uses, `pulumi/actions@${FIXTURE.commit}`, where);
                for (const key of Object.keys(step.with ?? {})) assert.ok(FIXTURE.inputs.includes(key), `${where}: '${key}' is not an input of pulumi/actions`);
                for (const key of FIXTURE.requiredWithCommand) assert.ok(step.with?.[key], `${where}: ${key} is required`);
                assert.ok(FIXTURE.commands.includes(String(step.with!.command)), `${where}: command ${String(step.with!.command)}`);
                for (const key of FIXTURE.booleanInputs.filter((k) => step.with?.[k] !== undefined))
                    assert.ok([true, false, "true", "false"].includes(step.with![key] as never), `${where}: ${key} must be a boolean`);
            }
        });

        it("up and preview run the pack with one config per pack, from the stack's profile", () => {
            for (const { where, job, step } of steps.filter((s) => ["up", "preview"].includes(String(s.step.with!.command)))) {
                const packs = listInput(step.with!.policyPacks);
                const configs = listInput(step.with!.policyPackConfigs);
                assert.deepEqual(packs, ["policy"], where);
                assert.ok(existsSync(join(ROOT, packs[0]!, "PulumiPolicy.yaml")), `${where}: ${packs[0]} is a policy pack`);
                assert.equal(configs.length, packs.length, `${where}: one policyPackConfigs entry per policyPacks entry`);
                const ref = /^\$\{\{ steps\.([\w-]+)\.outputs\.policy_config \}\}$/.exec(configs[0]!);
                assert.ok(ref, `${where}: the config comes from the stack-info step, got ${configs[0]}`);
                const source = job.steps.findIndex((s) => s.id === ref[1]);
                assert.ok(source >= 0 && source < job.steps.indexOf(step), `${where}: step ${ref[1]} runs before the action`);
                assert.match(job.steps[source]!.run!, /npm run -s stack-info -- --stack "\$STACK"/, where);
                assert.equal(job.steps[source]!.env?.STACK, step.with!["stack-name"], `${where}: stack-info reads the stack the action runs`);
            }
        });

        it("the CLI starts the compiled pack: npm ci builds it (the pack's prepare) before the action", () => {
            assertPackBuildsItsMain();
            const withPack = steps.filter((s) => s.step.with?.policyPacks !== undefined);
            assert.ok(withPack.length > 0);
            for (const { where, job, step } of withPack) {
                const before = job.steps.slice(0, job.steps.indexOf(step));
                assertInstallBuildsPack(
                    before.flatMap((s) => (s.run ? [s.run] : [])),
                    where,
                );
            }
        });
    });

    describe("shell steps", () => {
        const runs = allJobs().flatMap(({ where, job }) => job.steps.filter((s) => s.run).map((s) => ({ where, run: s.run! })));

        it("parse npm's output only with npm run -s (no banner in the data)", () => {
            for (const { where, run } of runs)
                for (const line of run.split("\n").filter((l) => /npm run /.test(l) && /\$\(|\||>>/.test(l)))
                    assert.match(line, /npm run (-s|--silent) /, `${where}: ${line.trim()}`);
        });

        it("never interpolate expressions into scripts (inputs reach them through env)", () => {
            for (const { where, run } of runs) assert.doesNotMatch(run, /\$\{\{/, where);
        });
    });

    describe("preview plans and previews every stack, the list coming from the stack files", () => {
        it("uploads each stack's plan as SARIF to code scanning, one category per stack, not from forks", () => {
            const wf = WORKFLOWS["preview.yml"]!;
            const [name, job] = Object.entries(wf.jobs).find(([, j]) => j.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@")))!;
            assert.equal(job.strategy!.matrix!.stack, "${{ fromJSON(needs.test-and-plan.outputs.stacks) }}", `${name}: every listed stack`);
            assert.equal(job.if, "github.event.pull_request.head.repo.full_name == github.repository", `${name}: forks get no security-events token`);
            const plan = job.steps.find((s) => s.run?.includes("npm run -s plan"))!;
            assert.equal(plan.env?.STACK, "${{ matrix.stack }}");
            assert.match(plan.run!, /--stack "\$STACK" --sarif "plan-\$STACK\.sarif"/);
            assert.match(plan.run!, /\|\| test "\$\?" -eq 1$/, "findings (exit 1) still upload; errors fail the job");
            const upload = job.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
            assert.equal(upload.with?.sarif_file, "plan-${{ matrix.stack }}.sarif");
            assert.equal(upload.with?.category, "plan-${{ matrix.stack }}");
        });

        it("the matrix is the stack-info list of the first job", () => {
            const wf = WORKFLOWS["preview.yml"]!;
            assert.equal(wf.jobs.preview!.strategy!.matrix!.stack, "${{ fromJSON(needs.test-and-plan.outputs.stacks) }}");
            const listing = wf.jobs["test-and-plan"]!.steps.find((s) => s.id === "stacks")!;
            assert.match(listing.run!, /npm run -s stack-info -- --list/);
            assert.equal(wf.jobs["test-and-plan"]!.outputs!.stacks, "${{ steps.stacks.outputs.stacks }}");
        });

        it("stack-info lists the stack files and prints the facts a job reads", async () => {
            const list = await runCli(stackInfoCli, ["--list"], ROOT);
            assert.equal(list.code, 0);
            const files = readdirSync(ROOT).flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? []);
            assert.ok(["dev", "prod", "staging"].every((s) => files.includes(s)));
            assert.equal(list.out, `stacks=${JSON.stringify(files.sort())}`);
            const dev = await runCli(stackInfoCli, ["--stack", "dev"], ROOT);
            assert.equal(dev.code, 0);
            assert.deepEqual(dev.out.split("\n"), ["stack=dev", "profile=dev", "region=us-east-1", "policy_config=policy/config/dev.json"]);
            const field = await runCli(stackInfoCli, ["--stack", "prod", "--field", "policy_config"], ROOT);
            assert.equal(field.out, "policy/config/prod.json");
        });
    });

    describe("destroy: demo stacks only", () => {
        const wf = () => WORKFLOWS["destroy.yml"]!;

        it("runs only on manual dispatch, for a named stack", () => {
            assert.deepEqual(Object.keys(wf().on), ["workflow_dispatch"]);
            const inputs = (wf().on.workflow_dispatch as { inputs: Record<string, { required: boolean; type: string }> }).inputs;
            assert.deepEqual([inputs.stack!.required, inputs.stack!.type], [true, "string"]);
        });

        it("refuses prod before anything is destroyed", () => {
            const job = Object.values(wf().jobs)[0]!;
            const destroy = pulumiSteps(job).find((s) => s.with!.command === "destroy")!;
            const guard = job.steps.findIndex((s) => /stack-info -- --stack "\$STACK" --refuse-profile prod/.test(s.run ?? ""));
            assert.ok(guard >= 0 && guard < job.steps.indexOf(destroy), "the guard runs first");
            assert.equal(job.steps[guard]!["continue-on-error"], undefined);
            assert.equal(destroy.if, undefined, "the destroy step never runs after a failed guard");
            assert.equal(job.steps[guard]!.env!.STACK, "${{ inputs.stack }}");
            assert.equal(destroy.with!["stack-name"], "${{ inputs.stack }}");
        });

        it("the guard refuses a prod-profile stack whatever its name, and lets demo stacks through", async () => {
            const refused = await runCli(stackInfoCli, ["--stack", "prod", "--refuse-profile", "prod"], ROOT);
            assert.equal(refused.code, 2);
            assert.match(refused.err, /error: stack 'prod' has profile prod; refused/);
            const root = projectWith({ "Pulumi.live.yaml": "config:\n  aws:region: us-east-1\n  fargate-web:profile: prod\n" });
            assert.equal((await runCli(stackInfoCli, ["--stack", "live", "--refuse-profile", "prod"], root)).code, 2);
            const demo = await runCli(stackInfoCli, ["--stack", "dev", "--refuse-profile", "prod"], ROOT);
            assert.equal(demo.code, 0);
            assert.match(demo.out, /^profile=dev$/m);
        });
    });
});
