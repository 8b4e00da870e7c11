// Pulumi.yaml runtime options as the language host reads them: nodeargs split as a shell would.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRuntimeOptions, splitArgs } from "../../plan/host/runtimeOptions";

describe("Pulumi.yaml runtime options", () => {
    it("nodeargs split like a shell: quotes and backslashes, nothing expanded", () => {
        assert.deepEqual(splitArgs("--max-old-space-size=4096  --enable-source-maps"), ["--max-old-space-size=4096", "--enable-source-maps"]);
        assert.deepEqual(splitArgs(`--title "my app" --x='a b'\\ c $HOME`), ["--title", "my app", "--x=a b c", "$HOME"]);
        assert.deepEqual(splitArgs(""), []);
        assert.equal(splitArgs('--title "open'), undefined);
    });

    it("reads typescript and nodeargs, and names the file and what is allowed when they are wrong", () => {
        const dir = mkdtempSync(join(tmpdir(), "runtime-"));
        try {
            const write = (options: string) => writeFileSync(join(dir, "Pulumi.yaml"), `name: p\nruntime:\n  name: nodejs\n  options:\n${options}`);
            write('    typescript: false\n    nodeargs: "--no-warnings"\n');
            assert.deepEqual(readRuntimeOptions(dir), { typescript: false, nodeargs: ["--no-warnings"] });
            write("    typescript: maybe\n");
            assert.throws(() => readRuntimeOptions(dir), /Pulumi\.yaml: runtime\.options\.typescript="maybe" is not valid; allowed: true, false$/);
            write('    nodeargs: "--title \'open"\n');
            assert.throws(() => readRuntimeOptions(dir), /runtime\.options\.nodeargs="--title 'open" is not valid; allowed: Node\.js arguments as one string$/);
            writeFileSync(join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
            assert.deepEqual(readRuntimeOptions(dir), { typescript: true, nodeargs: [] });
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
