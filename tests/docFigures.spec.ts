// Docs that can't go stale: every figure between <!--fig …--> markers is what the plan says today
// (npm run docs rewrites them), and figures outside markers are not left in the cost and rollout docs.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { figureSpecs, figureValue, parseFigureSpec, withFigures } from "../plan/docFigures";
import { FIGURE_DOCS, FigurePlans, refreshedDoc } from "../scripts/docFigures";
import { sharedAnalyzer } from "./support/analyzer";
import { ROOT } from "./support/mocks";
import { stackPlan } from "./support/stackPlans";

describe("docs: figures from the plan", function () {
    this.timeout(300_000);

    it("every figure in the docs is the plan's today (npm run docs rewrites them)", async () => {
        const analyzer = await sharedAnalyzer();
        let figures = 0;
        const plans: FigurePlans = new Map();
        for (const file of FIGURE_DOCS) {
            const committed = readFileSync(file, "utf8");
            figures += figureSpecs(committed).length;
            assert.equal(committed, await refreshedDoc(file, analyzer, plans), `${relative(ROOT, file)}: a figure differs from the plan; run npm run docs`);
        }
        assert.ok(figures >= 30, `${figures} figures`);
    });

    it("cost and rollout figures live only between markers in the docs that quote the plan", () => {
        for (const doc of ["egress-and-cost.md", "deployments.md", "ec2.md"]) {
            const text = readFileSync(`${ROOT}/docs/${doc}`, "utf8").replace(/<!--fig [^>]*-->[\s\S]*?<!--\/fig-->/g, "");
            const totals = text.split("\n").filter((l) => /\*\*\$\d|Total.*\$\d+\.\d\d|= \*\*\d+ min/.test(l));
            assert.deepEqual(totals, [], `${doc}: totals outside figure markers`);
        }
    });

    it("markers are read strictly: unknown keys and values, and cost lines that match none or several, are errors", async () => {
        assert.deepEqual(parseFigureSpec("stack=prod config=egress:nat-single,costImageGb:1 value=line:NAT+gateway"), {
            stack: "prod",
            config: { egress: "nat-single", costImageGb: "1" },
            value: "line:NAT gateway".replace(" ", "+"),
        });
        assert.throws(() => parseFigureSpec("stak=prod value=total"), /figure marker key stak is not known; allowed: stack, config, value/);
        assert.throws(() => parseFigureSpec("stack=prod"), /names no value/);
        const plan = await stackPlan("dev", ["up"]);
        assert.match(figureValue(plan, "total", 1), /^\$\d+\.\d\d$/);
        assert.throws(() => figureValue(plan, "totl", 1), /figure value totl is not known/);
        assert.throws(() => figureValue(plan, "line:Public IPv4", 1), /matches 2 cost lines of stack dev; it must match one/);
        assert.throws(() => figureValue(plan, "sum:Lambda", 1), /matches no cost line/);
        assert.equal(
            withFigures("a <!--fig value=total-->old<!--/fig--> b", () => "$1.00"),
            "a <!--fig value=total-->$1.00<!--/fig--> b",
        );
    });
});
