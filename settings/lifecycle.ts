// How a stack's stateful resources live and die: disposable (deleted with their contents),
// deletion protection, Pulumi `protect`, and `retiring`, the explicit, reviewed switch that turns
// protection off so a protected stack can be destroyed (and that prod's policy config honours).
import type { ConfigReader } from "./configReader";
import type { ProfileDefaults } from "./profiles";

export interface Lifecycle {
    disposable: boolean;
    deletionProtection: boolean;
    protect: boolean;
    retiring: boolean;
}

export function readLifecycle(r: ConfigReader, d: Pick<ProfileDefaults, "disposable" | "deletionProtection" | "protect">): Lifecycle {
    const retiring = r.bool("retiring", false);
    const lifecycle: Lifecycle = {
        retiring,
        disposable: r.bool("disposable", retiring || d.disposable),
        deletionProtection: r.bool("deletionProtection", !retiring && d.deletionProtection),
        protect: r.bool("protect", !retiring && d.protect),
    };
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
    return lifecycle;
}
