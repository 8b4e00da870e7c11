// Workflows you can trust with an AWS account: pinned actions, pipefail shells, superseded
// previews cancelled, cached plugins, and deploy/destroy of a stack sharing its environment (one
// OIDC trust, an approval on destroy) and its concurrency group. docs/deploy.md shows the trust.
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "./support/mocks";

interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
}
interface Job {
    if?: string;
    environment?: string;
    steps: Step[];
}
interface Workflow {
    concurrency?: { group: string; "cancel-in-progress": boolean };
    defaults?: { run?: { shell?: string } };
    jobs: Record<string, Job>;
}

const DIR = join(ROOT, ".github", "workflows");
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string) => readFileSync(join(DIR, file), "utf8");
const workflow = (file: string) => parse(text(file)) as Workflow;
const jobsOf = (file: string) => Object.values(workflow(file).jobs);

describe("workflows: safe with an AWS account", () => {
    it("pins every action to a full commit SHA, with its version in a comment", () => {
        for (const file of FILES)
            for (const line of text(file)
                .split("\n")
                .filter((l) => /^\s*(-\s+)?uses:/.test(l)))
                // owner/repo, or owner/repo/path for an action in a subdirectory (github/codeql-action/upload-sarif)
                assert.match(line, /uses: [\w.-]+\/[\w.-]+(\/[\w.-]+)*@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, `${file}: ${line.trim()}`);
    });

    it("runs every shell step with pipefail: bash by default, set -euo pipefail in scripts of several lines", () => {
        for (const file of FILES) {
            assert.equal(workflow(file).defaults?.run?.shell, "bash", `${file}: defaults.run.shell: bash gives -eo pipefail`);
            for (const step of jobsOf(file).flatMap((j) => j.steps))
                if (step.run?.trim().includes("\n")) assert.match(step.run, /^set -euo pipefail\n/, `${file}: ${step.run.split("\n")[0]}`);
        }
    });

    it("the plan of every stack fails when the stack list is empty, instead of planning nothing", () => {
        const plan = jobsOf("preview.yml")
            .flatMap((j) => j.steps)
            .find((s) => s.run?.includes("npm run -s plan"))!;
        assert.match(plan.run!, /test -n "\$stacks" \|\| \{ echo "no stacks listed" >&2; exit 1; \}/);
    });

    it("previews cancel superseded runs of the same pull request", () => {
        assert.deepEqual(workflow("preview.yml").concurrency, { group: "preview-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
    });

    it("caches provider plugins wherever pulumi/actions runs", () => {
        for (const file of FILES)
            for (const job of jobsOf(file).filter((j) => j.steps.some((s) => s.uses?.startsWith("pulumi/actions@")))) {
                const cache = job.steps.find((s) => s.uses?.startsWith("actions/cache@"));
                assert.equal(cache?.with?.path, "~/.pulumi/plugins", file);
                assert.match(String(cache?.with?.key), /hashFiles\('package-lock\.json'\)/, file);
            }
    });

    it("deploy and destroy of a stack share its environment and its concurrency group, never cancelled midway", () => {
        const deploy = workflow("deploy-dev.yml");
        const destroy = workflow("destroy.yml");
        assert.equal(deploy.jobs.up!.environment, "dev");
        assert.equal(destroy.jobs.destroy!.environment, "${{ inputs.stack }}");
        assert.deepEqual(deploy.concurrency, { group: "stack-dev", "cancel-in-progress": false });
        assert.deepEqual(destroy.concurrency, { group: "stack-${{ inputs.stack }}", "cancel-in-progress": false });
    });

    it("destroy runs only from the default branch, with that branch's copy of the prod guard", () => {
        const job = workflow("destroy.yml").jobs.destroy!;
        assert.equal(job.if, "github.ref_name == github.event.repository.default_branch");
        const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
        assert.equal(checkout.with?.ref, "${{ github.event.repository.default_branch }}");
    });

    it("docs/deploy.md shows the GitHub OIDC trust with the exact sub of each workflow", () => {
        const doc = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
        const trust = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes("token.actions.githubusercontent.com"));
        const subs = trust.flatMap((b) => JSON.stringify(JSON.parse(b)).match(/repo:[^"]+/g) ?? []);
        assert.deepEqual(subs.sort(), ["repo:OWNER/REPO:environment:dev", "repo:OWNER/REPO:environment:staging", "repo:OWNER/REPO:pull_request"]);
        for (const block of trust) assert.match(block, /"token\.actions\.githubusercontent\.com:aud": "sts\.amazonaws\.com"/);
    });
});
