// --policy-pack loads any pack the Pulumi CLI loads: JavaScript or TypeScript, its package.json
// `main`, with or without its own node_modules, started through run-policy-pack as the CLI does.
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import Module from "node:module";
import { delimiter, join } from "node:path";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";

const EMPTY_JS = join(ROOT, "tests", "fixtures", "packs", "empty-js");

describe("plan --policy-pack: any pack the CLI loads", function () {
    this.timeout(180_000);

    it("a JavaScript pack (main: index.js) gates this program: its policies, its verdicts", async () => {
        const { code, out, err } = await cli(["--policy-pack", EMPTY_JS, "--phase", "preview"]);
        assert.notEqual(code, 3, err);
        assert.match(out, /Policies: empty-js@v1\.0\.0 with pack defaults/);
        assert.doesNotMatch(err, /internal error|bug/);
    });

    it("a JavaScript pack copied outside the project, without node_modules, borrows this project's dependencies", async () => {
        const dir = mkdtempSync(join(tmpdir(), "js-pack-"));
        // As after a --program run that borrowed this project's SDK: this process's NODE_PATH names our node_modules.
        const saved = process.env.NODE_PATH;
        process.env.NODE_PATH = [saved, join(ROOT, "node_modules")].filter(Boolean).join(delimiter);
        (Module as unknown as { _initPaths(): void })._initPaths();
        try {
            cpSync(EMPTY_JS, dir, { recursive: true });
            const { code, out, err } = await cli(["--policy-pack", dir, "--program", join(ROOT, "tests", "fixtures", "programs", "tutorial"), "--phase", "up"]);
            assert.equal(code, 0, err);
            assert.match(out, /Policies: empty-js@v1\.0\.0 with pack defaults/);
            assert.match(out, /Result: pass after up/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
            if (saved === undefined) delete process.env.NODE_PATH;
            else process.env.NODE_PATH = saved;
            (Module as unknown as { _initPaths(): void })._initPaths();
        }
    });
});
