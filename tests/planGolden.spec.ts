// The plan's text output for every shipped stack, pinned in golden files (tests/golden/plan-<stack>.txt)
// so a change in what a person reads shows up in review; the docs quote these files. Shipped stacks
// are the ones with a golden file: a stack an adopter adds is checked by the other stack-level specs.
// `UPDATE_GOLDEN=1 npm run mocha` rewrites them after an intended change.
import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { renderText } from "../plan/render";
import { listStacks } from "../plan/stackInfo";
import { assertGolden, withoutPolicyCounts } from "./support/golden";
import { ROOT } from "./support/mocks";
import { stackPlan } from "./support/stackPlans";

const GOLDEN = join(ROOT, "tests", "golden");
const SHIPPED = readdirSync(GOLDEN)
    .map((f) => /^plan-(.+)\.txt$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);

describe("plan output (golden files)", () => {
    it("pins dev, staging and prod, each a stack with its file", () => {
        assert.deepEqual([...SHIPPED].sort(), ["dev", "prod", "staging"]);
        for (const stack of SHIPPED) assert.ok(listStacks(ROOT).includes(stack), `tests/golden/plan-${stack}.txt has no Pulumi.${stack}.yaml`);
    });

    for (const stack of SHIPPED) {
        it(`${stack}: the text a person reads is unchanged`, async () => {
            const plan = await stackPlan(stack);
            assertGolden(join(GOLDEN, `plan-${stack}.txt`), withoutPolicyCounts(renderText(plan, ROOT)));
        });
    }
});
