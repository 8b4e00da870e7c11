// The plan's text output for every shipped stack, pinned in golden files (tests/golden/plan-<stack>.txt)
// so a change in what a person reads shows up in review; the docs quote these files.
// `UPDATE_GOLDEN=1 npm run mocha` rewrites them after an intended change.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildPlan } from "../plan/plan";
import { renderText } from "../plan/render";
import { assertGolden } from "./support/golden";
import { ROOT } from "./support/mocks";

const SHIPPED = readdirSync(ROOT)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);

describe("plan output (golden files)", () => {
    for (const stack of SHIPPED) {
        it(`${stack}: the text a person reads is unchanged`, async () => {
            const plan = await buildPlan({ root: ROOT, stack });
            assertGolden(join(ROOT, "tests", "golden", `plan-${stack}.txt`), renderText(plan, ROOT));
        });
    }
});
