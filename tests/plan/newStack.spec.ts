// Profiles, not names: a stack made as docs/deploy.md says (a new Pulumi.<stack>.yaml naming a
// profile) gets its profile's policy config, passes the plan and exits 0 — and a per-stack file
// overrides the profile's config without touching any other stack.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Plan, buildPlan } from "../../plan/plan";
import { PolicyConfigError, policyConfigPath, profileOf } from "../../plan/policyConfigPath";
import { listStacks, stackInfo } from "../../plan/stackInfo";
import { ROOT } from "../support/mocks";
import { sharedAnalyzer } from "../support/analyzer";
import { cli } from "../support/cli";
import { projectWith, removeProjects } from "../support/project";

/** Policies with a mandatory violation at preview (the gate) or after up. */
const mandatory = (plan: Plan) =>
    Object.values(plan.phases)
        .flatMap((p) => p.evaluation.violations)
        .filter((v) => v.enforcementLevel === "mandatory")
        .map((v) => v.policyName);

/** The stack file docs/deploy.md shows for a new stack (the yaml block that starts with its name). */
function documentedStackFile(stack: string): string {
    const docs = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
    const block = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith(`# Pulumi.${stack}.yaml`));
    if (!block) throw new Error(`docs/deploy.md shows no Pulumi.${stack}.yaml`);
    return block;
}

describe("policy config by profile", function () {
    this.timeout(120_000);
    after(removeProjects);

    describe("a new stack made as the docs say", () => {
        let root: string;
        before(() => {
            root = projectWith({ "Pulumi.qa.yaml": documentedStackFile("qa") });
        });

        it("is a dev-profile stack whose policy config is the dev profile's", () => {
            assert.ok(listStacks(root).includes("qa"));
            assert.deepEqual(stackInfo(root, "qa"), {
                stack: "qa",
                profile: "dev",
                region: "us-east-1",
                policyConfig: "policy/config/dev.json",
                policyConfigSource: "profile",
            });
        });

        it("passes the plan: no mandatory violation, exit 0", async () => {
            const plan = await buildPlan({ root, stack: "qa", analyzer: await sharedAnalyzer() });
            assert.equal(relative(root, plan.policyConfigPath!), join("policy", "config", "dev.json"));
            assert.deepEqual(mandatory(plan), []);
            const { code, out } = await cli(["--stack", "qa"], root);
            assert.equal(code, 0, out);
            assert.match(out, /Policies: fargate-web-policy@v0\.1\.0 with policy\/config\/dev\.json/);
            assert.match(out, /Result: pass at preview$/);
        });
    });

    describe("resolution", () => {
        it("a stack named like a profile uses that profile; another name must say its profile", () => {
            assert.equal(profileOf("staging", undefined), "staging");
            assert.equal(profileOf("feature-x", "prod"), "prod");
            assert.throws(() => profileOf("feature-x", undefined), /profile is not set for stack 'feature-x'; allowed: dev, staging, prod/);
            assert.throws(() => profileOf("qa", "development"), /profile=development is not valid; allowed: dev, staging, prod/);
        });

        it("profile decides, not the stack name: a stack named dev with profile prod gets prod's config", () => {
            const root = projectWith({ "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n  fargate-web:profile: prod\n" });
            assert.equal(stackInfo(root, "dev").policyConfig, "policy/config/prod.json");
        });

        it("policy/config/stacks/<stack>.json overrides the profile's config for that stack only", async () => {
            const override = { ...JSON.parse(readFileSync(join(ROOT, "policy", "config", "dev.json"), "utf8")), "alb-access-logs": "mandatory" };
            const root = projectWith({
                "Pulumi.qa.yaml": documentedStackFile("qa"),
                "policy/config/stacks/qa.json": JSON.stringify(override),
            });
            assert.deepEqual(policyConfigPath(root, "qa", "dev"), { path: join(root, "policy", "config", "stacks", "qa.json"), source: "stack" });
            assert.equal(stackInfo(root, "dev").policyConfig, "policy/config/dev.json", "other stacks keep their profile's");
            const plan = await buildPlan({ root, stack: "qa", analyzer: await sharedAnalyzer() });
            assert.deepEqual(mandatory(plan), ["alb-access-logs", "alb-access-logs"], "at preview and after up");
        });

        it("a missing profile config is an error naming the file, never pack defaults", () => {
            const root = mkdtempSync(join(tmpdir(), "fargate-web-empty-"));
            try {
                assert.throws(
                    () => policyConfigPath(root, "qa", "dev"),
                    (e: Error) => e instanceof PolicyConfigError && /policy config for profile dev not found: policy\/config\/dev\.json/.test(e.message),
                );
            } finally {
                rmSync(root, { recursive: true });
            }
        });

        it("every shipped stack resolves to an existing file", () => {
            for (const stack of listStacks(ROOT)) {
                const info = stackInfo(ROOT, stack);
                assert.equal(info.policyConfig, `policy/config/${info.profile}.json`, stack);
            }
        });
    });
});
