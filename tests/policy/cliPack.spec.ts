// The pack as CI runs it: `pulumi preview --policy-pack policy` starts it with the pack's own
// @pulumi/pulumi/cmd/run-policy-pack, which loads package.json's main, the compiled pack. Driven
// over gRPC by the plan's analyzer client, it must list the same policies and give the same
// verdicts, remediations included, as the plan's usual start (a transpiled copy of the source),
// on shipped stacks at preview and after up.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PolicyAnalyzer } from "../../plan/analyzer/client";
import type { Evaluation } from "../../plan/analyzer/types";
import { Plan, buildPlan } from "../../plan/plan";
import { policies } from "../../policy/policies";
import { sharedAnalyzer } from "../support/analyzer";
import { ROOT } from "../support/mocks";
import { packBuiltFromCurrentSource } from "../support/packBuilt";

const PACK = join(ROOT, "policy");

/** Violations and remediations in one comparable order. */
const verdicts = (e: Evaluation) => ({
    violations: e.violations.map((v) => JSON.stringify(v)).sort(),
    remediations: e.remediations.map((r) => JSON.stringify(r)).sort(),
});

describe("the pack started the CLI's way (compiled, through run-policy-pack)", function () {
    this.timeout(300_000);
    let cli: PolicyAnalyzer;
    let usual: PolicyAnalyzer;

    before(async () => {
        // What CI gets after `npm ci`: the pack built by its own build script, from the current source.
        packBuiltFromCurrentSource();
        cli = await PolicyAnalyzer.start({ packDir: PACK, mode: "cli" });
        usual = await sharedAnalyzer();
    });

    after(async () => {
        await cli?.close();
    });

    it("package.json's main, which the runner loads, is the compiled JavaScript", () => {
        const main = (JSON.parse(readFileSync(join(PACK, "package.json"), "utf8")) as { main: string }).main;
        assert.equal(main, "bin/index.js");
        assert.equal(require.resolve(PACK), join(PACK, "bin", "index.js"));
    });

    it("GetAnalyzerInfo lists the same pack and policies, with the same levels and schemas", () => {
        assert.deepEqual(cli.info, usual.info);
        assert.deepEqual(
            cli.info.policies.map((p) => p.name),
            policies.map((p) => p.name),
        );
    });

    for (const stack of ["prod", "dev"]) {
        it(`${stack}: the same verdicts at preview and after up`, async () => {
            const plans: Plan[] = [];
            for (const analyzer of [cli, usual]) plans.push(await buildPlan({ root: ROOT, stack, analyzer }));
            const [viaCli, viaPlan] = plans as [Plan, Plan];
            for (const phase of ["preview", "up"] as const) {
                const a = verdicts(viaCli.phases[phase]!.evaluation);
                const b = verdicts(viaPlan.phases[phase]!.evaluation);
                assert.ok(b.violations.length > 0, `${stack} ${phase}: the comparison needs verdicts to compare`);
                assert.deepEqual(a, b, `${stack} ${phase}`);
            }
            assert.deepEqual(viaCli.policies, viaPlan.policies);
        });
    }
});
