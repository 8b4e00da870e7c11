// Every numeric setting's bounds come from its declaration's schema (settings/bounds.ts derives them): probes derived from that table,
// plain decimal text only, and docs/settings.md stating each range.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTING_BOUNDS } from "../../settings/bounds";
import { keysRead } from "../../settings/settings";
import { PROFILES } from "../../settings/profiles";
import { ROOT } from "../support/mocks";
import { settingsErrorFor } from "../support/settings";

/** Settings that are read only alongside another one. */
const CONTEXT: Record<string, Record<string, string>> = {
    ec2MinInstances: { launchType: "ec2" },
    ec2MaxInstances: { launchType: "ec2" },
    ec2VolumeGiB: { launchType: "ec2" },
    canaryPercent: { deployment: "canary" },
    canaryBakeTimeMinutes: { deployment: "canary" },
    linearStepPercent: { deployment: "linear" },
    linearStepBakeTimeMinutes: { deployment: "linear" },
    bakeTimeMinutes: { deployment: "blue-green" },
    testListenerPort: { deployment: "blue-green" },
    wafRateLimit: { waf: "true" },
};

const entries = Object.entries(SETTING_BOUNDS);
const range = (key: string) => `${SETTING_BOUNDS[key]!.min}–${SETTING_BOUNDS[key]!.max}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("settings: numeric bounds from one source", () => {
    it("bounds every numeric key the program reads, and only keys it reads", () => {
        const keys = new Set(PROFILES.flatMap((p) => keysRead({}, p)));
        for (const [key] of entries) assert.ok(keys.has(key), `${key} is bounded but not a setting`);
    });

    for (const [key, bounds] of entries) {
        it(`${key}: refuses ${bounds.min} minus one and ${bounds.max} plus one, naming key, value and range`, () => {
            for (const value of [String(bounds.max + 1), String(bounds.min - 1)]) {
                const error = settingsErrorFor({ ...CONTEXT[key], [key]: value });
                assert.match(error, new RegExp(`${key}=${escape(value)} is not valid; allowed: ${escape(range(key))}`));
            }
        });
    }

    it("reads plain decimals only: hex, exponents, padding, separators and huge numbers are refused", () => {
        for (const value of ["0x200", "5.12e2", " 512", "512 ", "1_000", "+512", "0512", "99999999999999999999", "Infinity", ""])
            assert.match(settingsErrorFor({ cpu: value }), new RegExp(`cpu=${escape(value)} is not valid; allowed: `), JSON.stringify(value));
        assert.match(settingsErrorFor({ maxCount: "99999999999999999999" }), /maxCount=99999999999999999999 is not valid; allowed: 0–1000/);
        assert.match(
            settingsErrorFor({ canaryPercent: "1e1", deployment: "canary" }),
            /canaryPercent=1e1 is not valid; allowed: a decimal number in plain digits/,
        );
    });

    it("docs/settings.md states each range", () => {
        const doc = readFileSync(join(ROOT, "docs", "settings.md"), "utf8");
        for (const [key] of entries) {
            const row = doc.split("\n").find((l) => l.startsWith(`| \`${key}\``));
            assert.ok(row, `docs/settings.md has a row for ${key}`);
            assert.ok(row.includes(range(key)), `docs/settings.md: ${key} states ${range(key)}`);
        }
    });
});
