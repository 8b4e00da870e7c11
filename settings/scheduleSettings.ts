// Scheduled capacity: named Application Auto Scaling scheduled actions that set the service's
// min/max at given times in a given time zone (e.g. office hours on staging). Opt-in; prod may
// schedule capacity but never down to zero tasks.
import { SCHEDULE_FORMS, scheduleProblem } from "../policy/knowledge/schedules";
import { SETTING_BOUNDS, boundsProblem } from "./bounds";
import type { ConfigReader } from "./configReader";
import type { Profile } from "./profiles";
import type { AutoscalingSettings, ScheduledCapacity } from "./types";

const SHAPE = "{ name, schedule: cron(…) | at(…), timezone: <IANA name>, minCount, maxCount }";
/** Scheduled action names: letters, digits, hyphens and underscores (the program prefixes them). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

let zones: Set<string> | undefined;
/** IANA time zones this runtime knows (UTC is one AWS accepts, though the list may spell it Etc/UTC). */
function isTimeZone(name: string): boolean {
    zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]);
    return zones.has(name);
}

function count(r: ConfigReader, key: string, value: unknown, boundsKey: "minCount" | "maxCount"): number | undefined {
    const problem = typeof value === "number" || typeof value === "string" ? boundsProblem(String(value), SETTING_BOUNDS[boundsKey]!) : "a whole number";
    return r.expect(key, value, problem) ? Number(value) : undefined;
}

export function readSchedules(r: ConfigReader, profile: Profile, scaling: Pick<AutoscalingSettings, "maxCount">): ScheduledCapacity[] {
    const names = new Set<string>();
    return r.list("schedules", SHAPE, (item, key) => {
        const name = item.name;
        let ok = r.expect(`${key}.name`, name, typeof name === "string" && NAME.test(name) ? undefined : "1–64 letters, digits, hyphens, underscores");
        if (ok && names.has(name as string)) ok = r.expect(`${key}.name`, name, "a name no other schedule of the stack has");
        names.add(String(name));
        const schedule = item.schedule;
        ok = r.expect(`${key}.schedule`, schedule, typeof schedule === "string" ? scheduleProblem(schedule) : SCHEDULE_FORMS) && ok;
        const timezone = item.timezone ?? "UTC";
        const zoneOk = typeof timezone === "string" && isTimeZone(timezone);
        ok = r.expect(`${key}.timezone`, timezone, zoneOk ? undefined : "an IANA time zone name such as Europe/Berlin or America/New_York") && ok;
        const minCount = count(r, `${key}.minCount`, item.minCount, "minCount");
        const maxCount = count(r, `${key}.maxCount`, item.maxCount, "maxCount");
        if (minCount === undefined || maxCount === undefined || !ok) return undefined;
        if (minCount > maxCount) return void r.fail(`${key}: minCount=${minCount} is above maxCount=${maxCount}; allowed: minCount ≤ maxCount`);
        if (maxCount > scaling.maxCount)
            return void r.fail(`${key}.maxCount=${maxCount} is above the stack's maxCount=${scaling.maxCount}; allowed: 0–${scaling.maxCount}`);
        // Target tracking measures running tasks: scaled in to none, it has no metric to scale out on.
        if (minCount === 0 && maxCount > 0)
            return void r.fail(
                `${key}: minCount=0 with maxCount=${maxCount} lets target tracking scale in to zero tasks, and with no task it has no metric to scale out on; allowed: minCount ≥ 1, or minCount=0 and maxCount=0 for a scale-to-zero window`,
            );
        if (profile === "prod" && maxCount === 0)
            return void r.fail(`${key} scales prod to zero tasks (maxCount=0); allowed on prod: maxCount ≥ 1 (scale-to-zero is for dev and staging)`);
        if (profile === "prod" && minCount < 2)
            return void r.fail(`${key}.minCount=${minCount} is not valid for profile prod; allowed: 2 or more (one task is one AZ)`);
        return { name: name as string, schedule: schedule as string, timezone: timezone as string, minCount, maxCount };
    });
}
