// What the pack loads at start, which every preview waits for: its own modules and small
// dependencies, never data. Loaded in a fresh Node 22 process after @pulumi/policy (which every
// pack loads), the pack's policies must read no file besides the modules they require, load no
// JSON from a dependency, no large JSON of their own and no large dependency module: data is
// loaded on first use, through policy/lib/lazy.ts.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { delimiter, dirname, join } from "node:path";
import { buildPack } from "../../plan/analyzer/packBuild";
import { node22 } from "../../plan/analyzer/node22";
import { ROOT } from "../support/mocks";

const PACK = join(ROOT, "policy");
const LARGE_MODULE_BYTES = 100 * 1024;
/** The pack's own JSON loaded at start (prices) is small; data is not. */
const LARGE_JSON_BYTES = 10 * 1024;

interface StartLoad {
    /** Modules the pack's policies added to require.cache, with their sizes. */
    modules: { file: string; bytes: number }[];
    /** Files read while loading them that are not modules. */
    reads: string[];
}

/** Loads @pulumi/policy, then the pack's policies (the plan's transpiled copy of the current source), recording what they load. */
const PROBE = `
const fs = require("node:fs");
const [policies] = process.argv.slice(1);
require("@pulumi/policy");
const before = new Set(Object.keys(require.cache));
const reads = [];
const record = (original) => function (file, ...rest) { if (typeof file === "string") reads.push(file); return original.call(this, file, ...rest); };
fs.readFileSync = record(fs.readFileSync);
fs.readFile = record(fs.readFile);
fs.promises.readFile = record(fs.promises.readFile);
require(policies);
const modules = Object.keys(require.cache).filter((f) => !before.has(f)).map((file) => ({ file, bytes: fs.statSync(file).size }));
const loaded = new Set(modules.map((m) => m.file));
process.stdout.write(JSON.stringify({ modules, reads: reads.filter((f) => !loaded.has(f)) }));
`;

describe("the pack's start loads no data", function () {
    this.timeout(120_000);
    let load: StartLoad;
    let packCopy: string;

    before(async () => {
        const built = buildPack(PACK, "policies.ts");
        packCopy = dirname(built.entry);
        const env = { ...process.env, NODE_PATH: [join(PACK, "node_modules"), join(ROOT, "node_modules")].join(delimiter) };
        load = JSON.parse(execFileSync(await node22(), ["-e", PROBE, built.entry], { cwd: PACK, env, encoding: "utf8" })) as StartLoad;
    });

    it("loads the pack's rules (the probe sees what the pack loads)", () => {
        const own = load.modules.filter((m) => m.file.startsWith(packCopy));
        assert.ok(own.some((m) => m.file.endsWith(join("rules", "iam.js"))));
        assert.ok(
            own.some((m) => m.file.endsWith(join("lib", "iamData.js"))),
            "the module that reads AWS's action data is loaded, its data is not",
        );
    });

    it("reads no data file while loading", () => {
        assert.deepEqual(load.reads, []);
    });

    it("loads no JSON of its own over 10 kB", () => {
        assert.deepEqual(
            load.modules.filter((m) => m.file.startsWith(packCopy) && m.file.endsWith(".json") && m.bytes > LARGE_JSON_BYTES),
            [],
        );
    });

    it("loads no JSON from a dependency and no dependency module over 100 kB", () => {
        const dependencies = load.modules.filter((m) => !m.file.startsWith(packCopy));
        assert.deepEqual(
            dependencies.filter((m) => m.file.endsWith(".json")),
            [],
        );
        assert.deepEqual(
            dependencies.filter((m) => m.bytes > LARGE_MODULE_BYTES),
            [],
        );
        assert.ok(!dependencies.some((m) => m.file.includes("@cloud-copilot")), "AWS's action data package is required on first use only");
    });
});
