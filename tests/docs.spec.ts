// What a new user reads and runs: the pack's README against the code, the deploy guide's Node,
// npm and local-run instructions, and the app's base image pinned by digest.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { policies } from "../policy/policies";
import { packFacts, ruleRows, RULE_COLUMNS, startSection } from "../scripts/policyReadme";
import { ROOT } from "./support/mocks";

const read = (...path: string[]) => readFileSync(join(ROOT, ...path), "utf8");
const DEPLOY = () => read("docs", "deploy.md");
const PACK_README = () => read("policy", "README.md");
const codeBlocks = (markdown: string) => [...markdown.matchAll(/```(\w*)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

/** Rows of the markdown table whose header starts with `first`, as trimmed cells. */
function tableRows(markdown: string, first: string): string[][] {
    const lines = markdown.split("\n");
    const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
    assert.ok(start >= 0, `no table with a '${first}' column`);
    const rows: string[][] = [];
    for (const line of lines.slice(start)) {
        if (!line.startsWith("|")) break;
        rows.push(
            line
                .slice(1, -1)
                .split(/(?<!\\)\|/)
                .map((c) => c.trim()),
        );
    }
    return rows.filter((_, i) => i !== 1); // drop the |---| separator
}

describe("documentation and packaging", () => {
    describe("policy/README.md", () => {
        it("its rule table is the code's: name, severity, default level, anchors, config keys", () => {
            const [header, ...rows] = tableRows(PACK_README(), "Rule");
            assert.deepEqual(header, RULE_COLUMNS);
            assert.deepEqual(rows, ruleRows(policies));
            assert.equal(rows.length, policies.length);
        });

        it("says how the CLI starts it, from the pack's package.json and tsconfig: compiled, built on install", () => {
            const facts = packFacts(join(ROOT, "policy"));
            assert.equal(facts.main, `${facts.outDir}/index.js`);
            assert.ok(PACK_README().includes(startSection(facts)), "the start section is the generator's (npm run docs)");
        });

        it("says how to install, publish and enforce it across an organization", () => {
            const text = PACK_README();
            for (const needle of [
                "npm install",
                "pulumi preview --policy-pack",
                "--policy-pack-config",
                "pulumi policy publish",
                "pulumi policy enable",
                "--policy-group",
                "Node.js 22",
            ])
                assert.ok(text.includes(needle), needle);
        });

        it("its config example names only real rules, valid levels and each rule's own keys", () => {
            const example = codeBlocks(PACK_README()).find((b) => b.lang === "json");
            assert.ok(example, "a JSON config example");
            const config = JSON.parse(example.text) as Record<string, string | Record<string, unknown>>;
            for (const [rule, entry] of Object.entries(config)) {
                const policy = policies.find((p) => p.name === rule);
                assert.ok(policy, `${rule} is a rule`);
                const { enforcementLevel, ...keys } = typeof entry === "string" ? { enforcementLevel: entry } : entry;
                if (enforcementLevel !== undefined) assert.ok(["advisory", "mandatory", "remediate", "disabled"].includes(String(enforcementLevel)));
                for (const key of Object.keys(keys)) assert.ok(key in (policy.configSchema?.properties ?? {}), `${rule}.${key}`);
            }
        });
    });

    describe("Node 22", () => {
        it("the project and the pack require Node 22, and the docs say so (and how it is fetched when older)", () => {
            for (const pkg of ["package.json", "policy/package.json"])
                assert.equal((JSON.parse(read(pkg)) as { engines: { node: string } }).engines.node, ">=22", pkg);
            assert.match(read("scripts", "node22.js"), /const NODE22 = "node@22\.\d+\.\d+"/);
            const deploy = DEPLOY();
            assert.match(deploy, /Node\.js 22/);
            assert.match(deploy, /scripts\/node22\.js/);
            assert.match(deploy, /npx/);
            assert.doesNotMatch(deploy + PACK_README(), /Node(\.js)? ?20\+/);
        });
    });

    describe("npm output that is parsed comes from npm run -s", () => {
        it("every documented command that pipes, captures or prints JSON uses -s", () => {
            for (const [file, text] of [
                ["docs/deploy.md", DEPLOY()],
                ["policy/README.md", PACK_README()],
            ] as const)
                for (const block of codeBlocks(text))
                    for (const line of block.text.split("\n").filter((l) => /npm run /.test(l) && /\$\(|\||>|--json/.test(l)))
                        assert.match(line, /npm run (-s|--silent) /, `${file}: ${line}`);
        });
    });

    describe("running the app locally", () => {
        it("the deploy guide shows Node and Docker runs that match the app and its task definition", () => {
            const deploy = DEPLOY();
            assert.match(deploy, /## Run the app locally/);
            assert.match(deploy, /node app\/server\.js/);
            assert.match(deploy, /curl -fsS http:\/\/localhost:8080\/health/);
            // The task runs read-only as uid 10001 with /tmp as scratch: run the image the same way.
            assert.match(deploy, /docker run --rm -p 8080:8080 --read-only --tmpfs \/tmp/);
        });
    });

    describe("app/Dockerfile", () => {
        it("pins every base image by digest", () => {
            const froms = read("app", "Dockerfile")
                .split("\n")
                .filter((l) => /^FROM\s/i.test(l));
            assert.ok(froms.length > 0);
            for (const from of froms) assert.match(from, /^FROM\s+\S+@sha256:[0-9a-f]{64}(\s|$)/, from);
        });
    });
});
