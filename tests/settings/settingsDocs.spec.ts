// docs/settings.md against the code: every key the program reads is documented (and nothing
// else), with each profile's default as the code has it.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { settingDefaults } from "../../settings/settings";
import { PROFILES } from "../../settings/profiles";
import { ROOT } from "../support/mocks";
import { settingsErrorFor } from "../support/settings";

interface DocRow {
    key: string;
    defaults: Record<string, string>;
}

function documentedRows(): DocRow[] {
    const lines = readFileSync(join(ROOT, "docs", "settings.md"), "utf8").split("\n");
    const header = lines.findIndex((l) => /^\|\s*Key\s*\|\s*dev\s*\|\s*staging\s*\|\s*prod\s*\|/.test(l));
    assert.ok(header >= 0, "docs/settings.md has a | Key | dev | staging | prod | … table");
    const rows: DocRow[] = [];
    for (const line of lines.slice(header + 2)) {
        if (!line.startsWith("|")) break;
        const [key, dev, staging, prod] = line
            .split(/(?<!\\)\|/)
            .slice(1, 5)
            .map((c) => c.trim());
        rows.push({ key: key!.replace(/`/g, ""), defaults: { dev: dev!, staging: staging!, prod: prod! } });
    }
    return rows;
}

/** How the table writes a default: `value`, or "none" when the setting is off until set. */
const cell = (value: unknown) => (value === undefined ? "none" : `\`${String(value)}\``);

describe("settings: docs/settings.md", () => {
    it("quotes the error text the settings give today", () => {
        const doc = readFileSync(join(ROOT, "docs", "settings.md"), "utf8");
        const shown = /```\n(Invalid stack settings:\n[\s\S]*?)\n```/.exec(doc)?.[1];
        const raw = { cpu: "512", memory: "3000", desiredCount: "5", minCount: "1", maxCount: "2", desiredcount: "2" };
        assert.equal(shown, settingsErrorFor(raw));
    });

    it("documents every key the program reads, and no other (besides aws:region)", () => {
        const rows = documentedRows();
        const programKeys = new Set(PROFILES.flatMap((p) => [...settingDefaults(p).keys()]));
        const documented = rows.map((r) => r.key).filter((k) => k !== "aws:region");
        assert.deepEqual([...documented].sort(), [...programKeys].sort());
    });

    it("states each profile's default as the code has it", () => {
        const rows = documentedRows();
        for (const profile of PROFILES) {
            const defaults = settingDefaults(profile);
            for (const row of rows.filter((r) => r.key !== "profile" && r.key !== "aws:region")) {
                assert.equal(row.defaults[profile], cell(defaults.get(row.key)), `docs/settings.md: ${row.key} on ${profile}`);
            }
        }
    });
});
