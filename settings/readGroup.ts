// Reads one group's settings by their declarations: each value from the stack's config, or its
// default for the profile. A group's own code supplies what needs more than the schema (JSON
// values, defaults computed from other settings) and then checks how the values relate.
import type { ConfigReader } from "./configReader";
import { defaultFor, type GroupValues } from "./declarations";
import type { Declared, Group } from "./declarations/declare";
import type { Profile } from "./profiles";

export interface GroupReading<G extends Group> {
    /** Values the group's own reader read (its `ownReader` settings, and any it read first). */
    values?: Partial<GroupValues<G>>;
    /** Defaults computed from other settings, instead of the declared ones. */
    fallbacks?: Partial<GroupValues<G>>;
}

export function readGroup<G extends Group>(r: ConfigReader, g: G, profile: Profile, reading: GroupReading<G> = {}): GroupValues<G> {
    const given: Record<string, unknown> = reading.values ?? {};
    const fallbacks: Record<string, unknown> = reading.fallbacks ?? {};
    const values: Record<string, unknown> = {};
    for (const [field, d] of Object.entries(g.settings)) {
        if (field in given) values[field] = given[field];
        // A setting only its group's code can read, left unread, is a bug in that code.
        else if (d.ownReader) throw new Error(`settings: the ${g.name} reader does not read ${d.key ?? field}`);
        else values[field] = r.value(d.key ?? field, field in fallbacks ? fallbacks[field] : defaultFor(d, profile));
    }
    return values as GroupValues<G>;
}

/** One setting of a group, read ahead of the rest because other settings of the group depend on it. */
export function readSetting<G extends Group, F extends keyof G["settings"] & keyof GroupValues<G>>(
    r: ConfigReader,
    g: G,
    field: F,
    profile: Profile,
): GroupValues<G>[F] {
    const d = (g.settings as Record<string, Declared>)[field as string]!;
    return r.value(d.key ?? String(field), defaultFor(d, profile) as GroupValues<G>[F]);
}
