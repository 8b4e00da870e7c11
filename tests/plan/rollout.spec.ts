import { strict as assert } from "node:assert";
import {
    DeploymentInputs,
    ECS_DEFAULTS,
    alarmWindowSeconds,
    deploymentInputsFrom,
    describeRollout,
    estimateDeployment,
    estimateRollout,
    withEcsDefaults,
} from "../../plan/rollout";
import { stackPlan } from "../support/stackPlans";

/** Three tasks, 10 s × 2 health check, 30 s drain, 45 s start. */
const inputs = (o: Partial<DeploymentInputs>): DeploymentInputs => ({
    desiredCount: 3,
    minHealthyPercent: 100,
    maxPercent: 200,
    healthCheckIntervalSeconds: 10,
    healthyThreshold: 2,
    deregistrationDelaySeconds: 30,
    taskStartSeconds: 45,
    strategy: "rolling",
    bakeTimeMinutes: 10,
    canaryPercent: 10,
    canaryBakeTimeMinutes: 10,
    linearStepPercent: 25,
    linearStepBakeTimeMinutes: 4,
    alarmWatchSeconds: 0,
    ...o,
});

describe("rollout estimate for every strategy", () => {
    it("rolling batch: start + interval × healthy + deregistration, one batch for a doubled fleet", () => {
        assert.deepEqual(estimateRollout(inputs({})), { batchSize: 3, batches: 1, perBatchSeconds: 95, totalSeconds: 95 });
    });
    it("rolling batches when max percent limits extra tasks", () => {
        const e = estimateRollout(inputs({ desiredCount: 4, maxPercent: 150, deregistrationDelaySeconds: 0 }));
        assert.deepEqual([e.batchSize, e.batches, e.totalSeconds], [2, 2, 130]);
    });
    it("ECS's rolling defaults are 30 s × 5 healthy and 300 s deregistration", () => {
        assert.equal(estimateRollout({ desiredCount: 1, taskStartSeconds: 45, ...ECS_DEFAULTS }).totalSeconds, 45 + 150 + 300);
    });

    it("rolling: the batches, plus the alarm watch ECS adds when deployment alarms are on", () => {
        const plain = estimateDeployment(inputs({}));
        assert.deepEqual([plain.rolling?.batches, plain.totalSeconds], [1, 95]);
        const watched = estimateDeployment(inputs({ alarmWatchSeconds: 300 }));
        assert.equal(watched.totalSeconds, 395);
        assert.equal(describeRollout(watched), "6 min 35 s: 1 batch of 3 tasks, 1 min 35 s each, then a 5 min alarm watch");
    });

    it("blue/green: start at full size, one shift, bake, drain", () => {
        const e = estimateDeployment(inputs({ strategy: "blue-green" }));
        assert.deepEqual([e.startSeconds, e.shiftSteps, e.shiftWaitSeconds, e.bakeSeconds, e.drainSeconds, e.totalSeconds], [65, 1, 0, 600, 30, 695]);
        assert.equal(describeRollout(e), "11 min 35 s: 1 min 5 s to start the new tasks, all traffic at once, 10 min bake, 30 s drain");
    });

    it("canary: two shifts with the canary bake between them", () => {
        const e = estimateDeployment(inputs({ strategy: "canary" }));
        assert.deepEqual([e.shiftSteps, e.shiftWaitSeconds, e.totalSeconds], [2, 600, 65 + 600 + 600 + 30]);
        assert.equal(describeRollout(e), "21 min 35 s: 1 min 5 s to start the new tasks, 10% then 100%, 10 min canary bake, 10 min bake, 30 s drain");
    });

    it("linear: 100 ÷ step shifts, a step bake between each (none after the last)", () => {
        const e = estimateDeployment(inputs({ strategy: "linear" }));
        assert.deepEqual([e.shiftSteps, e.shiftWaitSeconds], [4, 3 * 240]);
        const odd = estimateDeployment(inputs({ strategy: "linear", linearStepPercent: 30 }));
        assert.deepEqual([odd.shiftSteps, odd.shiftWaitSeconds], [4, 720]);
        assert.match(describeRollout(e), /^23 min 35 s: 1 min 5 s to start the new tasks, 4 steps of 25%, 12 min between them, 10 min bake, 30 s drain$/);
    });

    it("ECS defaults: 30 s × 5 health check, 300 s drain, canary 5% for 10 min, linear 10% every 6 min, no alarm watch", () => {
        const canary = estimateDeployment(withEcsDefaults(inputs({ strategy: "canary", alarmWatchSeconds: 300 })));
        assert.deepEqual([canary.startSeconds, canary.canaryPercent, canary.shiftWaitSeconds, canary.drainSeconds], [195, 5, 600, 300]);
        const linear = estimateDeployment(withEcsDefaults(inputs({ strategy: "linear" })));
        assert.deepEqual([linear.shiftSteps, linear.shiftWaitSeconds], [10, 9 * 360]);
        assert.equal(estimateDeployment(withEcsDefaults(inputs({ alarmWatchSeconds: 300 }))).bakeSeconds, 0);
    });

    it("reads strategy, bakes and the alarm windows from the planned service and alarms", () => {
        const alarms = [
            {
                name: "five",
                evaluationPeriods: 5,
                metricQueries: [
                    { id: "e", metric: { period: 60 } },
                    { id: "r", expression: "e" },
                ],
            },
            { name: "unhealthy", evaluationPeriods: 3, period: 60 },
            { name: "unrelated", evaluationPeriods: 60, period: 60 },
        ];
        assert.equal(alarmWindowSeconds(["five", "unhealthy"], alarms), 300);
        const service = {
            desiredCount: 3,
            deploymentConfiguration: { strategy: "LINEAR", bakeTimeInMinutes: "15", linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: "2" } },
            alarms: { enable: true, rollback: true, alarmNames: ["five"] },
        };
        const read = deploymentInputsFrom(service, { healthCheck: { interval: 10, healthyThreshold: 2 }, deregistrationDelay: 30 }, alarms);
        assert.deepEqual(
            [read.strategy, read.bakeTimeMinutes, read.linearStepPercent, read.linearStepBakeTimeMinutes, read.alarmWatchSeconds],
            ["linear", 15, 20, 2, 0],
        );
        const rolling = deploymentInputsFrom({ ...service, deploymentConfiguration: { strategy: "ROLLING" } }, {}, alarms);
        assert.deepEqual([rolling.strategy, rolling.alarmWatchSeconds], ["rolling", 300]);
    });

    it("the plan prints each stack's strategy against ECS defaults", async function () {
        this.timeout(120_000);
        const prod = await stackPlan("prod");
        assert.equal(prod.rollout?.planned.strategy, "canary");
        assert.equal(
            describeRollout(prod.rollout!.planned),
            "21 min 35 s: 1 min 5 s to start the new tasks, 10% then 100%, 10 min canary bake, 10 min bake, 30 s drain",
        );
        assert.equal(prod.rollout!.ecsDefaults.totalSeconds, 195 + 600 + 600 + 300);
        const dev = await stackPlan("dev");
        assert.equal(describeRollout(dev.rollout!.planned), "6 min 10 s: 1 batch of 1 task, 1 min 10 s each, then a 5 min alarm watch");
    });
});
