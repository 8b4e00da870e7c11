// The layout of policy/rules/: each file is one family of rules about one resource, a rule's export
// is named after the rule, and each family's one list is registered in policy/policies.ts.
import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { Policy } from "@pulumi/policy";
import { policies, ruleFamilies } from "../../policy/policies";
const RULES_DIR = join(__dirname, "..", "..", "policy", "rules");

const isPolicy = (value: unknown): value is Policy =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { name?: unknown }).name === "string" &&
    ("validateResource" in value || "validateStack" in value);

const isRuleList = (value: unknown): value is Policy[] => Array.isArray(value) && value.length > 0 && value.every(isPolicy);

/** `ecs-task-awsvpc-network-mode` → `ecsTaskAwsvpcNetworkMode`. */
const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface Family {
    file: string;
    key: string;
    exports: Record<string, unknown>;
}

async function families(): Promise<Family[]> {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts"));
    return Promise.all(
        files.map(async (file) => ({
            file: `policy/rules/${file}`,
            key: basename(file, ".ts"),
            exports: (await import(join(RULES_DIR, file))) as Record<string, unknown>,
        })),
    );
}

describe("policy rule families", () => {
    it("every exported rule is exported under the camelCase of its name", async () => {
        const misnamed = (await families()).flatMap(({ file, exports }) =>
            Object.entries(exports)
                .filter(([key, value]) => isPolicy(value) && key !== camelCase(value.name))
                .map(([key, value]) => `${file}: ${key} is rule ${(value as Policy).name}; export it as ${camelCase((value as Policy).name)}`),
        );
        assert.deepEqual(misnamed, []);
    });

    it("each family file exports one list, registered in policies.ts under the file's name, holding every rule the file exports", async () => {
        for (const { file, key, exports } of await families()) {
            const lists = Object.entries(exports).filter(([, value]) => isRuleList(value));
            assert.equal(lists.length, 1, `${file} exports ${lists.length} rule lists (${lists.map(([k]) => k).join(", ")}); a family exports exactly one`);
            const [listName, list] = lists[0]! as [string, Policy[]];
            assert.equal(
                ruleFamilies[key as keyof typeof ruleFamilies],
                list,
                `${file}'s ${listName} is not registered: add ${key}: ${listName} to ruleFamilies in policy/policies.ts`,
            );
            const unlisted = Object.values(exports).filter((value) => isPolicy(value) && !list.includes(value));
            assert.deepEqual(
                unlisted.map((p) => (p as Policy).name),
                [],
                `${file} exports rules its ${listName} leaves out, so the pack would not run them; add them to ${listName}`,
            );
        }
        const files = (await families()).map((f) => f.key).sort();
        assert.deepEqual(Object.keys(ruleFamilies).sort(), files, "ruleFamilies in policy/policies.ts names exactly the files of policy/rules/");
    });

    it("every policy of the pack comes from exactly one family list", () => {
        const owners = new Map<Policy, string[]>();
        for (const [family, list] of Object.entries(ruleFamilies)) for (const p of list) owners.set(p, [...(owners.get(p) ?? []), family]);
        const shared = [...owners].filter(([, fs]) => fs.length > 1).map(([p, fs]) => `${p.name} is listed by ${fs.join(" and ")}`);
        assert.deepEqual(shared, []);
        assert.deepEqual(
            policies.filter((p) => !owners.has(p)).map((p) => p.name),
            [],
        );
        assert.equal(policies.length, owners.size);
    });
});
