// What makes the CLI start the compiled pack: package.json's main lies in the build's output
// folder, the pack's prepare script runs that build, and CI installs with `npm ci` (which runs
// workspaces' prepare) before the CLI, never with --ignore-scripts.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { packSources } from "../../plan/analyzer/packBuild";
import { ROOT } from "./mocks";

interface PackManifest {
    main: string;
    scripts?: Record<string, string>;
}

/** The pack's main is built by its prepare script into the tsconfig's outDir. */
export function assertPackBuildsItsMain(): void {
    const pack = join(ROOT, "policy");
    const manifest = JSON.parse(readFileSync(join(pack, "package.json"), "utf8")) as PackManifest;
    const tsconfig = JSON.parse(readFileSync(join(pack, "tsconfig.json"), "utf8")) as { compilerOptions: { outDir: string } };
    assert.equal(manifest.scripts?.prepare, "npm run build");
    assert.equal(manifest.scripts?.build, "tsc -p tsconfig.json");
    assert.equal(normalize(manifest.main), join(tsconfig.compilerOptions.outDir, "index.js"));
}

/** Some command before the CLI's installs the project with its scripts (so the pack is built). */
export function assertInstallBuildsPack(commandsBeforeCli: string[], where: string): void {
    const installs = commandsBeforeCli.filter((c) => /\bnpm (ci|install)\b/.test(c));
    assert.ok(installs.length > 0, `${where}: npm ci runs before the CLI, building the pack`);
    for (const install of installs) assert.doesNotMatch(install, /--ignore-scripts/, `${where}: the pack's build is an install script`);
}

/**
 * The compiled pack as CI has it after `npm ci` (whose prepare builds it): built again with the
 * pack's own build script when a source is newer than the build, or it is missing.
 */
export function packBuiltFromCurrentSource(): void {
    const pack = join(ROOT, "policy");
    const main = join(pack, "bin", "index.js");
    const built = existsSync(main) ? statSync(main).mtimeMs : 0;
    if (packSources(pack).some((file) => statSync(join(pack, file)).mtimeMs > built))
        execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "build"], { cwd: pack, stdio: "pipe" });
}
