// The app's identity: its profile (from the stack name unless set) and the name resources derive from.
import * as c from "./constraints";
import type { ConfigReader, RawConfig } from "./configReader";
import { APP } from "./declarations";
import { resourceNames } from "./naming";
import { PROFILES, type Profile } from "./profiles";
import { readGroup } from "./readGroup";
import type { SettingsOf } from "./types";

export function readApp(r: ConfigReader, raw: RawConfig, stack: string): SettingsOf<"app"> {
    const isProfile = (PROFILES as readonly string[]).includes(stack);
    const profile = r.value<Profile>("profile", isProfile ? (stack as Profile) : "dev");
    if (raw.profile === undefined && !isProfile) {
        r.fail(`profile is not set for stack '${stack}'; allowed: ${PROFILES.join(", ")} (set it with: pulumi config set profile dev)`);
    }
    const app = readGroup(r, APP, profile, { values: { profile } });
    const names = resourceNames(app.appName, stack);
    // One limit per message: the names derived from appName are checked once it is well-formed.
    if (!r.refused("appName"))
        r.expect("appName", app.appName, c.checkAlbName(names.alb) ?? c.checkEcrRepositoryName(names.repository) ?? c.checkLogGroupName(names.logGroup));
    return { ...app, names };
}
