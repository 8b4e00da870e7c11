// The plan's cost for each egress mode of the dev stack, the assumptions it prints, and the same
// app priced with the common defaults.
import { strict as assert } from "node:assert";
import { Plan, buildPlan } from "../plan/plan";
import { costAssumptionsOf } from "../plan/costComparison";
import { renderText } from "../plan/render";
import { sharedAnalyzer } from "./support/analyzer";
import { cli } from "./support/cli";
import { ROOT } from "./support/mocks";

/** Mandatory violations at preview (the gate) and after up. */
const mandatory = (plan: Plan) =>
    Object.values(plan.phases)
        .flatMap((p) => p.evaluation.violations)
        .filter((v) => v.enforcementLevel === "mandatory")
        .map((v) => v.policyName);
const line = (plan: Plan, item: string) => plan.cost.lines.find((l) => l.item === item)?.monthlyUsd;

describe("plan: egress cost", function () {
    this.timeout(120_000);
    const plans: Record<string, Plan> = {};
    before(async () => {
        for (const egress of ["nat-instance", "nat-single", "endpoints-only"])
            plans[egress] = await buildPlan({
                root: ROOT,
                stack: "dev",
                configOverrides: egress === "nat-instance" ? {} : { egress },
                analyzer: await sharedAnalyzer(),
            });
    });

    it("dev (a NAT instance) costs at most $56 a month and at most half the common defaults, with private tasks and clean verdicts", () => {
        const dev = plans["nat-instance"]!;
        assert.ok(dev.commonDefaults, "this project's shape: an ECS service behind an ALB");
        assert.ok(dev.cost.totalUsd <= 56, String(dev.cost.totalUsd));
        assert.ok(dev.cost.totalUsd <= 0.5 * dev.commonDefaults.estimate.totalUsd, `${dev.cost.totalUsd} vs ${dev.commonDefaults.estimate.totalUsd}`);
        assert.ok(dev.commonDefaults.ratio <= 0.5, String(dev.commonDefaults.ratio));
        assert.deepEqual(mandatory(dev), []);
        const service = dev.resources.find((r) => r.type === "aws:ecs/service:Service")!;
        assert.equal((service.inputs.networkConfiguration as { assignPublicIp: boolean }).assignPublicIp, false);
        assert.equal(line(dev, "EC2 t4g.nano (NAT instance)"), 3.07);
        assert.equal(line(dev, "NAT gateway"), undefined);
    });

    it("each egress mode prices its own lines and stays clean", () => {
        const [instance, single, endpoints] = [plans["nat-instance"]!, plans["nat-single"]!, plans["endpoints-only"]!];
        assert.deepEqual(
            [line(single, "NAT gateway"), line(single, "Public IPv4 (NAT EIPs)"), line(single, "NAT gateway data processing")],
            [32.85, 3.65, 0.27],
        );
        assert.equal(line(endpoints, "Interface endpoints (ecr.api, ecr.dkr, logs)"), 43.8);
        assert.equal(line(endpoints, "NAT gateway"), undefined);
        for (const plan of [single, endpoints]) assert.deepEqual(mandatory(plan), []);
        // The cheapest to the dearest, for a one-task demo.
        assert.ok(instance.cost.totalUsd < single.cost.totalUsd && single.cost.totalUsd < endpoints.cost.totalUsd);
        // The comparison does not depend on the stack's own egress choice.
        assert.equal(single.commonDefaults?.estimate.totalUsd, instance.commonDefaults?.estimate.totalUsd);
    });

    it("prints the assumptions and the common-defaults comparison under the estimate", () => {
        const text = renderText(plans["nat-instance"]!, ROOT);
        const total = text.split("\n").findIndex((l) => /^ {2}Total /.test(l));
        const below = text.split("\n").slice(total + 1, total + 4);
        assert.match(below[0]!, /^ {2}Assumed usage: 60 image pulls of 0\.2 GB, 1 GB of logs per task, 5 GB of app traffic through the NAT, per month$/);
        assert.match(below[1]!, /costImageGb, costImagePullsPerMonth, costLogGbPerTaskMonth, costNatDataGbPerMonth; in the plan: --config <key>=<value>/);
        assert.match(
            below[2]!,
            /^ {2}Same app with the common defaults \(a NAT gateway in each of 2 AZs, no VPC endpoints, on-demand tasks\): \$\d+\.\d\d\/month; this stack costs 0\.\d\d× of that$/,
        );
    });

    it("--config changes the assumptions; a bad value exits 2 naming the key", async () => {
        const heavy = await buildPlan({
            root: ROOT,
            stack: "dev",
            configOverrides: { egress: "nat-single", costNatDataGbPerMonth: "200" },
            analyzer: await sharedAnalyzer(),
        });
        assert.equal(heavy.cost.assumptions.natDataGbPerMonth, 200);
        assert.equal(line(heavy, "NAT gateway data processing"), Math.round((1 + 200) * 0.045 * 100) / 100);
        assert.deepEqual(costAssumptionsOf({ project: "fargate-web", config: { "fargate-web:costImageGb": "1.5", "other:costImageGb": "9" } }).imageGb, 1.5);
        const bad = await cli(["--stack", "dev", "--config", "costImageGb=-1"]);
        assert.equal(bad.code, 2);
        assert.match(bad.err, /costImageGb=-1 is not valid; allowed: 0–100 GB/);
    });
});
