// Scheduled capacity under mocks: the scheduled actions the program registers on the service's
// scalable target, and alarms that stay quiet while the service is scheduled down to zero.
import { strict as assert } from "node:assert";
import { one, ofType } from "../support/mocks";
import { officeHours } from "../support/schedules";
import { buildWebService } from "../support/webService";

const SCHEDULED_ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
const TARGET = "aws:appautoscaling/target:Target";

describe("scheduled capacity under mocks", () => {
    it("registers no scheduled action unless the stack sets schedules", async () => {
        assert.deepEqual(ofType(await buildWebService("staging"), SCHEDULED_ACTION), []);
    });

    it("office hours on staging: two scheduled actions on the service's scalable target, in the stack's time zone", async () => {
        const resources = await buildWebService("staging", { schedules: officeHours() });
        const target = one(resources, TARGET);
        assert.deepEqual([target.inputs.minCapacity, target.inputs.maxCapacity], [2, 4]);
        const actions = ofType(resources, SCHEDULED_ACTION);
        assert.deepEqual(
            actions.map((a) => ({
                name: a.inputs.name,
                schedule: a.inputs.schedule,
                timezone: a.inputs.timezone,
                scalableTargetAction: a.inputs.scalableTargetAction,
                serviceNamespace: a.inputs.serviceNamespace,
                scalableDimension: a.inputs.scalableDimension,
            })),
            [
                {
                    name: "office-hours-end",
                    schedule: "cron(0 20 ? * MON-FRI *)",
                    timezone: "Europe/Berlin",
                    scalableTargetAction: { minCapacity: 0, maxCapacity: 0 },
                    serviceNamespace: "ecs",
                    scalableDimension: "ecs:service:DesiredCount",
                },
                {
                    name: "office-hours-start",
                    schedule: "cron(0 7 ? * MON-FRI *)",
                    timezone: "Europe/Berlin",
                    scalableTargetAction: { minCapacity: 2, maxCapacity: 4 },
                    serviceNamespace: "ecs",
                    scalableDimension: "ecs:service:DesiredCount",
                },
            ],
        );
        for (const action of actions) {
            // The same target as target tracking: its resource id, fed by the scalable target itself.
            assert.equal(action.inputs.resourceId, target.inputs.resourceId);
            assert.deepEqual(action.propertyDependencies.resourceId, [target.urn]);
        }
    });

    it("alarms stay quiet at the intended zero: target metrics only, missing data not breaching", async () => {
        const resources = await buildWebService("staging", { schedules: officeHours() });
        const alarms = ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm");
        assert.deepEqual(alarms.map((a) => a.name).sort(), ["web-staging-5xx-rate", "web-staging-high-cpu", "web-staging-unhealthy-hosts"]);
        for (const alarm of alarms) assert.equal(alarm.inputs.treatMissingData, "notBreaching", alarm.name);
        const metrics = JSON.stringify(alarms.map((a) => [a.inputs.metricName, a.inputs.metricQueries]));
        // With no targets the ALB answers 503 itself (HTTPCode_ELB_5XX) and has no healthy host: neither is alarmed on.
        assert.doesNotMatch(metrics, /HTTPCode_ELB_5XX|"HealthyHostCount"|RunningTaskCount/);
        assert.match(metrics, /HTTPCode_Target_5XX_Count/);
        assert.match(metrics, /UnHealthyHostCount/);
    });
});
