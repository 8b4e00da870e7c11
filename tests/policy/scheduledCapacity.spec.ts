// scheduled-capacity-no-zero-on-prod through the pack's own analyzer server, at preview (names and
// resource ids unknown: the edges the engine records decide) and after up (resource ids decide).
import { strict as assert } from "node:assert";
import type { PolicyPackConfig } from "@pulumi/policy";
import type { Phase } from "../../plan/analyzer/types";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { scheduledCapacityNoZeroOnProd } from "../../policy/rules/scheduledCapacity";
import { evaluatePolicies, messages, StackBuilder } from "./harness";

const TARGET = "aws:appautoscaling/target:Target";
const ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
const SERVICE = "aws:ecs/service:Service";
const RESOURCE_ID = "service/web-prod/web-prod";
const PROD_CONFIG: PolicyPackConfig = { "scheduled-capacity-no-zero-on-prod": { enforcementLevel: "mandatory", failClosedAtPreview: true } };

/** A service with its scalable target and scheduled actions, as the program registers them in `phase`. */
function stack(phase: Phase, environment: string, actions: [string, number, number][], tags: unknown = { environment, app: "web" }): StackBuilder {
    const preview = phase === "preview";
    const b = new StackBuilder()
        .add(SERVICE, "svc", { name: preview ? UNKNOWN.string : "web-prod", tags })
        .add(
            TARGET,
            "scaling",
            { resourceId: preview ? UNKNOWN.string : RESOURCE_ID, minCapacity: 3, maxCapacity: 12 },
            preview ? { resourceId: ["svc"] } : {},
        );
    for (const [name, min, max] of actions)
        b.add(
            ACTION,
            name,
            {
                resourceId: preview ? UNKNOWN.string : RESOURCE_ID,
                schedule: "cron(0 20 ? * MON-FRI *)",
                scalableTargetAction: { minCapacity: min, maxCapacity: max },
            },
            preview ? { resourceId: ["scaling"] } : {},
        );
    return b;
}

const judge = async (b: StackBuilder, phase: Phase) =>
    messages((await evaluatePolicies([scheduledCapacityNoZeroOnProd], b.records, PROD_CONFIG, phase)).violations);

describe("policy: scheduled-capacity-no-zero-on-prod (graph, both phases)", () => {
    for (const phase of ["preview", "up"] as const) {
        it(`${phase}: refuses scheduled actions that take a prod service to zero, or let it scale in to zero`, async () => {
            const found = await judge(
                stack(phase, "prod", [
                    ["night", 0, 0],
                    ["loose", 0, 6],
                    ["day", 3, 12],
                ]),
                phase,
            );
            assert.deepEqual(found, [
                "night: runs on the schedule cron(0 20 ? * MON-FRI *) against svc, a service of a stack tagged environment=prod, and scales it to zero tasks (maxCapacity 0); prod keeps serving at every hour.",
                "loose: runs on the schedule cron(0 20 ? * MON-FRI *) against svc, a service of a stack tagged environment=prod, and lets it scale in to zero tasks (minCapacity 0); prod keeps serving at every hour.",
            ]);
        });

        it(`${phase}: passes scale-to-zero on staging and dev, and non-zero schedules on prod`, async () => {
            assert.deepEqual(await judge(stack(phase, "staging", [["night", 0, 0]]), phase), []);
            assert.deepEqual(await judge(stack(phase, "dev", [["night", 0, 0]]), phase), []);
            assert.deepEqual(await judge(stack(phase, "prod", [["night", 3, 6]]), phase), []);
        });
    }

    it("actions on a scalable target of another stack are not this stack's to judge", async () => {
        const b = new StackBuilder().add(SERVICE, "svc", { name: "web-prod", tags: { environment: "prod" } }).add(ACTION, "elsewhere", {
            resourceId: "service/shared/other",
            schedule: "cron(0 20 ? * * *)",
            scalableTargetAction: { minCapacity: 0, maxCapacity: 0 },
        });
        assert.deepEqual(await judge(b, "up"), []);
    });

    it("preview: a capacity unknown on a prod service is undecided, and prod's fail-closed names it", async () => {
        const b = stack("preview", "prod", []).add(
            ACTION,
            "computed",
            { resourceId: UNKNOWN.string, schedule: "cron(0 20 ? * MON-FRI *)", scalableTargetAction: UNKNOWN.object },
            { resourceId: ["scaling"] },
        );
        assert.deepEqual(
            (await judge(b, "preview")).map((m) => m.split(",")[0]),
            ["scalableTargetAction is unknown at preview"],
        );
    });
});
