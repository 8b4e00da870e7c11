// How a stack's stateful resources live and die: disposable (deleted with their contents),
// deletion protection, Pulumi `protect`, and `retiring`, the explicit, reviewed switch that turns
// protection off so a protected stack can be destroyed (and that prod's policy config honours).
import type { ConfigReader } from "./configReader";
import { defaultFor, LIFECYCLE } from "./declarations";
import { readExpiry } from "./expiry";
import type { Profile } from "./profiles";
import { readGroup, readSetting } from "./readGroup";
import { readTags } from "./structured";
import type { SettingsOf } from "./types";

export function readLifecycle(r: ConfigReader, profile: Profile): SettingsOf<"lifecycle" | "expiry"> {
    const retiring = readSetting(r, LIFECYCLE, "retiring", profile);
    const d = LIFECYCLE.settings;
    // Retiring turns protection off: each default gives way, so the stack can be destroyed.
    const fallbacks = retiring
        ? { disposable: true, deletionProtection: false, protect: false }
        : {
              disposable: defaultFor(d.disposable, profile),
              deletionProtection: defaultFor(d.deletionProtection, profile),
              protect: defaultFor(d.protect, profile),
          };
    const lifecycle = readGroup(r, LIFECYCLE, profile, { values: { retiring, tags: readTags(r) }, fallbacks });
    if (retiring) {
        // Each of these would stop `pulumi destroy` half-way.
        const needs = [
            ["protect", lifecycle.protect, false],
            ["deletionProtection", lifecycle.deletionProtection, false],
            ["disposable", lifecycle.disposable, true],
        ] as const;
        for (const [key, value, needed] of needs)
            if (value !== needed) r.fail(`retiring=true and ${key}=${value} contradict each other; allowed: ${key}=${needed} (or unset) while retiring`);
    } else if (lifecycle.disposable && lifecycle.protect) {
        r.fail("disposable=true and protect=true contradict each other; allowed: at most one of them true");
    }
    return { ...lifecycle, expiry: readExpiry(r, profile) };
}
