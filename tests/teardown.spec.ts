import * as aws from "@pulumi/aws";
// Retiring prod: `retiring: true` turns deletion protection and `protect` off, makes the
// repository disposable and tags every resource; prod's policy config honours that tag, so the
// last `pulumi up` before `pulumi destroy` passes the prod policy.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { standardTags } from "../documents/tags";
import { Plan, buildPlan } from "../plan/plan";
import { RETIRING_TAG } from "../policy/knowledge/lifecycle";
import { UNKNOWN } from "../policy/knowledge/unknowns";
import { albDeletionProtection } from "../policy/rules/loadBalancer";
import { ROOT } from "./support/mocks";
import { settingsErrorFor, settingsFor } from "./support/settings";
import { check, checkRaw, messages } from "./policy/harness";
import { sharedAnalyzer } from "./support/analyzer";

const LB = "aws:lb/loadBalancer:LoadBalancer";
/** Policies with a mandatory violation at preview or after up (`pulumi up` runs both). */
const mandatory = (plan: Plan) => [
    ...new Set(
        Object.values(plan.phases)
            .flatMap((p) => p.evaluation.violations)
            .filter((v) => v.enforcementLevel === "mandatory")
            .map((v) => v.policyName),
    ),
];
const prodConfig = JSON.parse(readFileSync(join(ROOT, "policy", "config", "prod.json"), "utf8")) as PolicyPackConfig;

describe("retiring prod", function () {
    this.timeout(120_000);

    describe("the retiring setting", () => {
        it("turns deletion protection and protect off, makes the repository disposable, and tags resources", () => {
            const s = settingsFor("prod", { retiring: "true" });
            assert.deepEqual([s.retiring, s.deletionProtection, s.protect, s.disposable], [true, false, false, true]);
            assert.equal(standardTags(s)[RETIRING_TAG], "true");
            assert.equal(standardTags(settingsFor("prod"))[RETIRING_TAG], undefined, "no tag unless retiring");
        });

        it("refuses settings that would keep the stack from being destroyed", () => {
            assert.match(
                settingsErrorFor({ retiring: "true", protect: "true" }, "prod"),
                /retiring=true and protect=true contradict each other; allowed: protect=false \(or unset\) while retiring/,
            );
            assert.match(settingsErrorFor({ retiring: "true", deletionProtection: "true" }, "prod"), /retiring=true and deletionProtection=true contradict/);
            assert.match(settingsErrorFor({ retiring: "true", disposable: "false" }, "prod"), /retiring=true and disposable=false contradict/);
        });

        it("only the retiring setting may set the retiring tag", () => {
            assert.match(
                settingsErrorFor({ tags: JSON.stringify({ [RETIRING_TAG]: "true" }) }, "prod"),
                /tags\.retiring is set by the program from retiring; allowed: set retiring: true instead/,
            );
        });
    });

    describe("alb-deletion-protection honours the configured exempt tag", () => {
        const exempt = { "alb-deletion-protection": { enforcementLevel: "mandatory", exemptTag: RETIRING_TAG } } as PolicyPackConfig;

        it("prod's policy config names the tag the program sets", () => {
            assert.deepEqual(prodConfig["alb-deletion-protection"], { enforcementLevel: "mandatory", exemptTag: RETIRING_TAG, failClosedAtPreview: true });
        });

        it("a load balancer tagged retiring=true passes; without the tag, or with another value, it fails", async () => {
            assert.deepEqual(
                await check(albDeletionProtection, aws.lb.LoadBalancer, { enableDeletionProtection: false, tags: { [RETIRING_TAG]: "true" } }, exempt),
                [],
            );
            assert.deepEqual(
                messages(
                    await check(albDeletionProtection, aws.lb.LoadBalancer, { enableDeletionProtection: false, tags: { [RETIRING_TAG]: "soon" } }, exempt),
                ),
                ["subject: enableDeletionProtection is not true; one `pulumi destroy` or console click removes the entry point. Set it to true."],
            );
            assert.equal((await check(albDeletionProtection, aws.lb.LoadBalancer, { enableDeletionProtection: false }, exempt)).length, 1);
        });

        it("the tag means nothing unless the config names it", async () => {
            const strict = { "alb-deletion-protection": "mandatory" } as PolicyPackConfig;
            const found = await check(
                albDeletionProtection,
                aws.lb.LoadBalancer,
                { enableDeletionProtection: false, tags: { [RETIRING_TAG]: "true" } },
                strict,
            );
            assert.equal(found.length, 1);
            assert.equal(found[0]!.enforcementLevel, "mandatory");
        });

        it("tags unknown at preview never exempt: the rule still fails", async () => {
            const found = await checkRaw(albDeletionProtection, LB, { enableDeletionProtection: false, tags: UNKNOWN.object }, exempt);
            assert.deepEqual(
                found.map((v) => [v.enforcementLevel, v.unverifiable ?? false]),
                [["mandatory", false]],
            );
        });
    });

    describe("whole prod stack under prod's policy config", () => {
        it("the old way (deletionProtection=false) fails the prod policy", async () => {
            const plan = await buildPlan({
                root: ROOT,
                stack: "prod",
                configOverrides: { deletionProtection: false, protect: false },
                analyzer: await sharedAnalyzer(),
            });
            assert.deepEqual(mandatory(plan), ["alb-deletion-protection"]);
        });

        it("retiring: true passes it, with nothing protected and the repository force-deletable", async () => {
            const plan = await buildPlan({ root: ROOT, stack: "prod", configOverrides: { retiring: true }, analyzer: await sharedAnalyzer() });
            assert.deepEqual(mandatory(plan), []);
            assert.deepEqual(
                plan.resources.filter((r) => r.protect).map((r) => r.name),
                [],
            );
            const alb = plan.resources.find((r) => r.type === LB)!;
            assert.equal(alb.inputs.enableDeletionProtection, false);
            assert.equal((alb.inputs.tags as Record<string, string>)[RETIRING_TAG], "true");
            assert.equal(plan.resources.find((r) => r.type === "aws:ecr/repository:Repository")!.inputs.forceDelete, true);
        });
    });
});
