// The plan of a dev stack with and without an expiry: the moment shown under the header, the tag
// on every taggable resource, and the pack's advisory for a dev stack that never expires.
import { strict as assert } from "node:assert";
import { Plan, buildPlan } from "../plan/plan";
import { renderText } from "../plan/render";
import { isTaggable } from "../policy/rules/tagging";
import { sharedAnalyzer } from "./support/analyzer";
import { ROOT } from "./support/mocks";
import { stackPlan } from "./support/stackPlans";

const expiryAdvisories = (plan: Plan) =>
    Object.values(plan.phases).flatMap((p) => p.evaluation.violations.filter((v) => v.policyName === "demo-stack-expiry").map((v) => v.enforcementLevel));

describe("plan: expiry", function () {
    this.timeout(120_000);
    let expiring: Plan;
    let forgotten: Plan;
    before(async () => {
        const analyzer = await sharedAnalyzer();
        expiring = await buildPlan({ root: ROOT, stack: "dev", configOverrides: { expiresAt: "2026-12-24" }, analyzer });
        forgotten = await stackPlan("dev");
    });

    it("every taggable resource carries the expiry, and the plan shows it", () => {
        const taggable = expiring.resources.filter((r) => isTaggable(r.type));
        assert.ok(taggable.length > 10);
        for (const r of taggable) assert.equal((r.inputs.tags as Record<string, string>)["expires-at"], "2026-12-24T00:00:00Z", r.name);
        const header = renderText(expiring, ROOT).split("\n").slice(0, 4);
        assert.match(
            header.find((l) => l.startsWith("Expires:")) ?? "no Expires line in the header",
            /^Expires: 2026-12-24T00:00:00Z \(\d+ resources tagged expires-at\); the expire workflow destroys the stack after that$/,
        );
        assert.doesNotMatch(renderText(forgotten, ROOT), /^Expires:/m);
    });

    it("the pack advises an expiry on a dev stack without one, in both phases, and is quiet with one", () => {
        assert.deepEqual(expiryAdvisories(forgotten), ["advisory", "advisory"]);
        assert.deepEqual(expiryAdvisories(expiring), []);
    });
});
