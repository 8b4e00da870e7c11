// The bench's cost section: dev and staging priced always-on and with the office-hours schedule
// (weekdays 07:00–20:00), as ratios to the always-on dev stack.
import { PolicyAnalyzer } from "../plan/analyzer/client";
import { buildPlan } from "../plan/plan";
import { money } from "../plan/renderCost";

/** The office-hours example of docs/demo-lifecycle.md, with a stack's own working bounds. */
export function officeHoursSchedules(minCount: number, maxCount: number): string {
    const weekdays = (name: string, hour: number, min: number, max: number) => ({
        name,
        schedule: `cron(0 ${hour} ? * MON-FRI *)`,
        timezone: "Europe/Berlin",
        minCount: min,
        maxCount: max,
    });
    return JSON.stringify([weekdays("office-hours-end", 20, 0, 0), weekdays("office-hours-start", 7, minCount, maxCount)]);
}

/** Lines of the section; starts its own pack server (the plan judges every variant, both phases). */
export async function scheduleCostLines(root: string): Promise<string[]> {
    const analyzer = await PolicyAnalyzer.start({ packDir: `${root}/policy` });
    try {
        const variants = [
            { stack: "dev", schedules: officeHoursSchedules(1, 2) },
            { stack: "staging", schedules: officeHoursSchedules(2, 4) },
        ];
        const rows: [string, number, number][] = [];
        for (const v of variants) {
            const plan = await buildPlan({ root, stack: v.stack, configOverrides: { schedules: v.schedules }, phases: ["up"], analyzer });
            const s = plan.scheduled!;
            rows.push([`${v.stack} always on`, s.alwaysOnUsd, s.taskAlwaysOnUsd], [`${v.stack} office hours`, s.scheduledUsd, s.taskScheduledUsd]);
        }
        const devAlwaysOn = rows[0]![1];
        return [
            "",
            "Monthly cost with the office-hours schedule (weekdays 07:00–20:00, zero tasks otherwise)",
            "  stack                    total   × dev always-on        tasks",
            ...rows.map(
                ([label, total, tasks]) =>
                    `  ${label.padEnd(20)} ${money(total).padStart(9)}   ${(total / devAlwaysOn).toFixed(2).padStart(15)}   ${money(tasks).padStart(10)}`,
            ),
        ];
    } finally {
        await analyzer.close();
    }
}
