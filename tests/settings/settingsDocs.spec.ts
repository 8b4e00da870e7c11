// The declarations against the program and the docs: every declared setting is read (and nothing
// undeclared), each reader falls back to the declared default, and docs/settings.md's table is
// what `npm run docs` generates from the declarations.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readProject } from "../../plan/stackConfig";
import { SETTINGS_DOC, settingsMarkdown } from "../../scripts/settingsDoc";
import { defaultFor, GROUPS, SETTINGS } from "../../settings/declarations";
import { PROFILES } from "../../settings/profiles";
import { keysRead, readSettings } from "../../settings/settings";
import { ROOT } from "../support/mocks";
import { settingsErrorFor, settingsFor } from "../support/settings";

/** Groups whose values Settings holds under the group's name; the others' values are spread into it. */
const NESTED = ["healthCheck", "autoscaling", "deployment", "costAssumptions"];
/** Groups a reader assembles into a richer object (or none): their values are checked by their own specs. */
const ASSEMBLED = ["firewall", "expiry", "ec2", "pipeline", "serviceConnect"];

describe("settings: declarations, readers and docs/settings.md", () => {
    it("quotes the error text the settings give today", () => {
        const doc = readFileSync(join(ROOT, "docs", "settings.md"), "utf8");
        const shown = /```\n(Invalid stack settings:\n[\s\S]*?)\n```/.exec(doc)?.[1];
        const raw = { cpu: "512", memory: "3000", desiredCount: "5", minCount: "1", maxCount: "2", desiredcount: "2" };
        assert.equal(shown, settingsErrorFor(raw));
    });

    it("reads every declared setting on every profile, and declares each key only once", () => {
        const declared = SETTINGS.map((d) => d.key);
        assert.equal(new Set(declared).size, declared.length, "a key is declared twice");
        for (const profile of PROFILES) assert.deepEqual(keysRead({}, profile).sort(), [...declared].sort(), profile);
    });

    it("falls back to each declared default, per profile", () => {
        for (const profile of PROFILES) {
            const settings = settingsFor(profile) as unknown as Record<string, Record<string, unknown>>;
            for (const g of GROUPS.filter((g) => !ASSEMBLED.includes(g.name))) {
                const values = NESTED.includes(g.name) ? settings[g.name]! : settings;
                for (const [field, d] of Object.entries(g.settings).filter(([, d]) => d.docDefault === undefined))
                    assert.deepEqual(values[field], defaultFor(d, profile), `${d.key ?? field} on ${profile}`);
            }
        }
    });

    it("applies a set value to the field its declaration names", () => {
        const s = readSettings({ healthCheckPath: "/ready", costImageGb: "0.5", deployment: "linear", keepImages: "7" }, "dev");
        assert.deepEqual([s.healthCheck.path, s.costAssumptions.imageGb, s.deployment.strategy, s.keepImages], ["/ready", 0.5, "linear", 7]);
    });

    it("Pulumi.yaml declares only declared settings, each with the declared default", () => {
        for (const [key, value] of Object.entries(readProject(ROOT).defaults)) {
            const d = SETTINGS.find((s) => s.key === key);
            assert.ok(d, `Pulumi.yaml declares ${key}, which settings/declarations/ does not`);
            // A default computed from other settings (the profile's, from the stack name) has no place there.
            if (d.docDefault !== undefined) assert.equal(value, undefined, `Pulumi.yaml: ${key}'s default is computed`);
            else for (const profile of PROFILES) assert.deepEqual(value, defaultFor(d, profile), `Pulumi.yaml: the default of ${key} on ${profile}`);
        }
    });

    it("docs/settings.md's table is generated from the declarations (npm run docs)", async () => {
        assert.equal(readFileSync(SETTINGS_DOC, "utf8"), await settingsMarkdown(), "docs/settings.md differs from the declarations; run npm run docs");
    });
});
