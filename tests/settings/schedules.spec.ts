// The `schedules` setting: AWS's schedule syntax, real time zones, capacities within the stack's
// bounds, and prod's refusal of scale-to-zero, each error naming the key, the value and what is allowed.
import { strict as assert } from "node:assert";
import { scheduleProblem } from "../../policy/knowledge/schedules";
import { officeHours } from "../support/schedules";
import { settingsErrorFor, settingsFor } from "../support/settings";

describe("settings: schedules", () => {
    it("none by default; the office-hours example reads as written", () => {
        assert.deepEqual(settingsFor("staging").schedules, []);
        assert.deepEqual(
            settingsFor("staging", { schedules: officeHours() }).schedules.map((s) => [s.name, s.schedule, s.timezone, s.minCount, s.maxCount]),
            [
                ["office-hours-end", "cron(0 20 ? * MON-FRI *)", "Europe/Berlin", 0, 0],
                ["office-hours-start", "cron(0 7 ? * MON-FRI *)", "Europe/Berlin", 2, 4],
            ],
        );
    });

    it("takes the cron and at() forms AWS takes", () => {
        for (const ok of [
            "cron(0 20 ? * MON-FRI *)",
            "cron(*/15 8-17 * * ? *)",
            "cron(0 6 1 JAN,JUL ? 2027)",
            "cron(0 9 ? * 2#1 *)",
            "at(2027-03-01T07:30:00)",
        ])
            assert.equal(scheduleProblem(ok), undefined, ok);
    });

    it("refuses schedules AWS would refuse, saying why", () => {
        const cases: [string, RegExp][] = [
            ["0 20 * * MON-FRI", /^cron\(minutes hours day-of-month month day-of-week year\)/],
            ["cron(0 20 * * MON-FRI)", /^6 cron fields \(got 5\)/],
            ["cron(0 20 * * MON-FRI *)", /^exactly one of day-of-month and day-of-week as \? \(got \* and MON-FRI\)/],
            ["cron(0 24 ? * MON-FRI *)", /^a valid hours field \(got 24\)/],
            ["cron(0 20 ? * MON-FRY *)", /^a valid day-of-week field \(got MON-FRY\)/],
            ["cron(? 20 ? * MON *)", /^a valid minutes field \(got \?\)/],
            ["at(2027-02-30T07:00:00)", /^at\(\) with a real date and time$/],
            ["rate(1 hour)", /^cron\(/],
        ];
        for (const [expression, why] of cases) assert.match(scheduleProblem(expression) ?? "accepted", why, expression);
    });

    it("errors name the item's key, its value and what is allowed", () => {
        const error = settingsErrorFor(
            { schedules: officeHours([{ schedule: "cron(0 20 * * MON-FRI *)" }, { timezone: "Europe/Berlinn", maxCount: 5 }]) },
            "staging",
        );
        assert.match(error, /schedules\[0\]\.schedule=cron\(0 20 \* \* MON-FRI \*\) is not valid; allowed: exactly one of day-of-month and day-of-week as \?/);
        assert.match(error, /schedules\[1\]\.timezone=Europe\/Berlinn is not valid; allowed: an IANA time zone name/);
        const tooMany = settingsErrorFor({ schedules: officeHours([{}, { maxCount: 5 }]) }, "staging");
        assert.match(tooMany, /schedules\[1\]\.maxCount=5 is above the stack's maxCount=4; allowed: 0–4/);
        assert.match(
            settingsErrorFor({ schedules: officeHours([{ minCount: 1 }]) }, "staging"),
            /schedules\[0\]: minCount=1 is above maxCount=0; allowed: minCount ≤ maxCount/,
        );
        assert.match(settingsErrorFor({ schedules: officeHours([{ minCount: -1 }]) }, "staging"), /schedules\[0\]\.minCount=-1 is not valid; allowed: 0–1000/);
        assert.match(
            settingsErrorFor({ schedules: officeHours([{}, { minCount: 0 }]) }, "staging"),
            /schedules\[1\]: minCount=0 with maxCount=4 lets target tracking scale in to zero tasks, and with no task it has no metric to scale out on; allowed: minCount ≥ 1, or minCount=0 and maxCount=0/,
        );
        assert.match(
            settingsErrorFor({ schedules: officeHours([{}, { name: "office-hours-end" }]) }, "staging"),
            /schedules\[1\]\.name=office-hours-end is not valid; allowed: a name no other schedule/,
        );
        assert.match(settingsErrorFor({ schedules: '{"name":"x"}' }, "staging"), /schedules=\{"name":"x"\} is not valid; allowed: a list of \{ name, schedule/);
    });

    it("prod refuses scale-to-zero and windows under two tasks", () => {
        const zero = settingsErrorFor({ schedules: officeHours([{}, { minCount: 3, maxCount: 12 }]) }, "prod");
        assert.match(zero, /schedules\[0\] scales prod to zero tasks \(maxCount=0\); allowed on prod: maxCount ≥ 1/);
        const one = settingsErrorFor(
            {
                schedules: officeHours([
                    { minCount: 1, maxCount: 6 },
                    { minCount: 3, maxCount: 12 },
                ]),
            },
            "prod",
        );
        assert.match(one, /schedules\[0\]\.minCount=1 is not valid for profile prod; allowed: 2 or more/);
        // Scaling prod between non-zero bounds on a schedule is fine.
        assert.equal(
            settingsFor("prod", {
                schedules: officeHours([
                    { minCount: 3, maxCount: 6 },
                    { minCount: 3, maxCount: 12 },
                ]),
            }).schedules.length,
            2,
        );
    });
});
