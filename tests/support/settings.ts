import { readSettings, Settings } from "../../settings/settings";

/** Valid settings for a profile, with overrides as raw config strings. */
export function settingsFor(stack: string, raw: Record<string, string> = {}): Settings {
    return readSettings(raw, stack);
}

/** The SettingsError text for bad raw config (fails the test when the config is accepted). */
export function settingsErrorFor(raw: Record<string, string>, stack = "dev"): string {
    try {
        readSettings(raw, stack);
    } catch (e) {
        return (e as Error).message;
    }
    throw new Error(`settings were accepted: ${JSON.stringify(raw)}`);
}
