// The plan of staging with the office-hours schedule: the scheduled actions it registers, the
// pack's verdicts, and the monthly cost with and without the schedule, fixed costs named.
import { strict as assert } from "node:assert";
import { Plan, buildPlan } from "../plan/plan";
import { renderText } from "../plan/render";
import { estimateMonthlyCost } from "../policy/knowledge/cost";
import { scheduledCost } from "../policy/knowledge/costSchedule";
import { zeroShareOfWeek } from "../policy/knowledge/schedules";
import { scheduledCapacityNoZeroOnProd } from "../policy/rules/scheduledCapacity";
import { evaluatePolicies, messages } from "./policy/harness";
import { sharedAnalyzer } from "./support/analyzer";
import { cli } from "./support/cli";
import { ROOT } from "./support/mocks";
import { officeHours, OFFICE_HOURS } from "./support/schedules";
import { stackPlan } from "./support/stackPlans";

describe("plan: scheduled capacity", function () {
    this.timeout(120_000);
    let staging: Plan;
    let alwaysOn: Plan;
    before(async () => {
        const analyzer = await sharedAnalyzer();
        staging = await buildPlan({ root: ROOT, stack: "staging", configOverrides: { schedules: officeHours() }, analyzer });
        alwaysOn = await stackPlan("staging");
    });

    it("office hours are 65 of the week's 168 hours: zero tasks for the other 103", () => {
        assert.equal(zeroShareOfWeek(OFFICE_HOURS), 103 / 168);
        // A schedule that does not repeat weekly is not priced (rather than priced wrong).
        assert.equal(zeroShareOfWeek([{ schedule: "cron(0 20 1 * ? *)", maxCount: 0 }]), undefined);
        assert.equal(zeroShareOfWeek([{ schedule: "cron(0 20 ? * * *)", maxCount: 2 }]), 0);
    });

    it("registers the scheduled actions and passes the pack with no mandatory violation", () => {
        const actions = staging.resources.filter((r) => r.type === "aws:appautoscaling/scheduledAction:ScheduledAction");
        assert.deepEqual(
            actions.map((a) => [a.inputs.name, a.inputs.schedule]),
            OFFICE_HOURS.map((s) => [s.name, s.schedule]),
        );
        const mandatory = Object.values(staging.phases).flatMap((p) => p.evaluation.violations.filter((v) => v.enforcementLevel === "mandatory"));
        assert.deepEqual(mandatory, []);
    });

    it("the pack follows the program's own edges (action → scalable target → service) in both phases", async () => {
        // Held to staging's tag for this check, the rule finds the scale-to-zero action the program registered.
        const config = { "scheduled-capacity-no-zero-on-prod": { enforcementLevel: "mandatory" as const, environments: ["staging"] } };
        for (const phase of ["preview", "up"] as const) {
            const { violations } = await evaluatePolicies([scheduledCapacityNoZeroOnProd], staging.phases[phase]!.resources, config, phase);
            assert.deepEqual(
                messages(violations).map((m) => m.split(",")[0]),
                ["web-staging-schedule-office-hours-end: runs on the schedule cron(0 20 ? * MON-FRI *) against web-staging"],
                phase,
            );
        }
    });

    it("prices the schedule: task cost at most 45% of always-on, the rest named as staying on", () => {
        const s = staging.scheduled!;
        assert.ok(s, "a stack with scheduled actions has a scheduled cost");
        assert.equal(alwaysOn.scheduled, undefined);
        // The always-on figure is the stack's estimate without the schedule.
        assert.equal(s.alwaysOnUsd, staging.cost.totalUsd);
        assert.equal(s.alwaysOnUsd, alwaysOn.cost.totalUsd);
        assert.ok(s.taskAlwaysOnUsd > 0);
        assert.ok(s.taskScheduledUsd <= 0.45 * s.taskAlwaysOnUsd, `${s.taskScheduledUsd} vs ${s.taskAlwaysOnUsd}`);
        assert.ok(Math.abs(s.taskScheduledUsd - (s.taskAlwaysOnUsd * 65) / 168) <= 0.05, String(s.taskScheduledUsd));
        assert.ok(s.scheduledUsd < s.alwaysOnUsd);
        const stays = s.stayingOn.map((l) => l.item);
        assert.ok(stays.includes("Application Load Balancer"), stays.join(", "));
        assert.ok(
            stays.some((i) => /NAT/.test(i)),
            stays.join(", "),
        );
        assert.ok(!stays.some((i) => i.startsWith("Fargate ")), stays.join(", "));
    });

    it("prints the monthly figure with and without the schedule under the estimate", () => {
        const text = renderText(staging, ROOT);
        assert.match(text, /^ {2}Scheduled capacity \(cron\(0 20 \? \* MON-FRI \*\); cron\(0 7 \? \* MON-FRI \*\)\): zero tasks 61% of the week$/m);
        const figures = new RegExp(
            `^ {4}\\$\\d+\\.\\d\\d/month with the schedule, \\$${staging.cost.totalUsd.toFixed(2)}/month always on; tasks \\$\\d+\\.\\d\\d instead of \\$\\d+\\.\\d\\d \\(39%\\)$`,
            "m",
        );
        assert.match(text, figures);
        assert.match(text, /^ {4}Keeps running at zero tasks: .*Application Load Balancer \$\d+\.\d\d/m);
        assert.doesNotMatch(renderText(alwaysOn, ROOT), /Scheduled capacity/);
    });

    it("a schedule that does not repeat weekly is named, and the figures stay always-on", () => {
        const resources = [
            {
                type: "aws:appautoscaling/scheduledAction:ScheduledAction",
                props: { schedule: "at(2027-01-01T00:00:00)", scalableTargetAction: { maxCapacity: 0 } },
            },
        ];
        const s = scheduledCost(resources, estimateMonthlyCost([]))!;
        assert.equal(s.zeroShare, 0);
        assert.match(s.unpricedReason!, /does not repeat weekly/);
    });

    it("the CLI refuses a prod scale-to-zero schedule in settings, naming the key (exit 2)", async () => {
        const prodZero = JSON.stringify([{ name: "night", schedule: "cron(0 20 ? * * *)", timezone: "UTC", minCount: 0, maxCount: 0 }]);
        const run = await cli(["--stack", "prod", "--config", `schedules=${prodZero}`]);
        assert.equal(run.code, 2);
        assert.match(run.err, /schedules\[0\] scales prod to zero tasks \(maxCount=0\); allowed on prod: maxCount ≥ 1/);
    });
});
