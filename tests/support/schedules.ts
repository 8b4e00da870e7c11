// The office-hours example of the docs: staging runs weekdays 07:00–20:00 Berlin time, at zero otherwise.
export const OFFICE_HOURS = [
    { name: "office-hours-end", schedule: "cron(0 20 ? * MON-FRI *)", timezone: "Europe/Berlin", minCount: 0, maxCount: 0 },
    { name: "office-hours-start", schedule: "cron(0 7 ? * MON-FRI *)", timezone: "Europe/Berlin", minCount: 2, maxCount: 4 },
];

/** `schedules` as a stack file holds it (structured config arrives as JSON text). */
export const officeHours = (changes: Partial<(typeof OFFICE_HOURS)[number]>[] = []): string =>
    JSON.stringify(OFFICE_HOURS.map((s, i) => ({ ...s, ...changes[i] })));
