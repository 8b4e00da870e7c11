// A transpiled copy of the pack, cached by content, so starting it needs neither ts-node nor the
// TypeScript compiler (loading them is most of a ts-node start). Transpile-only, like ts-node's
// transpile-only mode, with the pack's own tsconfig; inline source maps keep stack traces on .ts.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type * as TS from "typescript";
import { filesUnder, hashFiles } from "../sourceFiles";

export const CACHE_ROOT = join(tmpdir(), "fargate-web-policy-pack");

export interface BuiltPack {
    /** The transpiled entry point. */
    entry: string;
    /** The transpiled preload guard (packGuard.ts). */
    guard: string;
}

/** The pack's compiled copy (`npm run build` in the pack): output, not a source. */
const COMPILED_DIR = "bin";

/** The pack's .ts and .json files, relative to its directory (dependencies and compiled output excluded). */
export function packSources(packDir: string): string[] {
    const isSource = (name: string) => (name.endsWith(".ts") && !name.endsWith(".d.ts")) || name.endsWith(".json");
    return filesUnder(packDir, (path, isDirectory) => (isDirectory ? path === COMPILED_DIR : !isSource(path)));
}

export function buildPack(packDir: string, entry = "index.ts"): BuiltPack {
    const guardSource = readFileSync(join(__dirname, "packGuard.ts"), "utf8");
    const files = packSources(packDir);
    const hash = createHash("sha256").update(guardSource);
    // The compiler's version is part of the key; reading its package.json is cheap, loading it is not.
    hash.update((JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")) as { version: string }).version);
    const dir = join(CACHE_ROOT, hashFiles(hash, packDir, files).digest("hex").slice(0, 16));
    const built = { entry: join(dir, entry.replace(/\.ts$/, ".js")), guard: join(dir, "__packGuard.js") };
    if (existsSync(built.guard)) return built;

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require("typescript") as typeof TS;
    const options = compilerOptions(ts, packDir);
    const staging = `${dir}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    const emit = (from: string, source: string, to: string) => {
        mkdirSync(dirname(to), { recursive: true });
        writeFileSync(to, ts.transpileModule(source, { compilerOptions: options, fileName: from }).outputText);
    };
    for (const file of files) {
        const from = join(packDir, file);
        const to = join(staging, file);
        if (file.endsWith(".json")) {
            mkdirSync(dirname(to), { recursive: true });
            copyFileSync(from, to);
        } else emit(from, readFileSync(from, "utf8"), to.replace(/\.ts$/, ".js"));
    }
    emit(join(__dirname, "packGuard.ts"), guardSource, join(staging, "__packGuard.js"));
    try {
        renameSync(staging, dir);
    } catch (e) {
        // Another process built the same content first: theirs is as good as ours.
        rmSync(staging, { recursive: true, force: true });
        if (!existsSync(built.guard)) throw e;
    }
    return built;
}

/** The preload guard alone, transpiled and cached by content: for a pack started some other way (the CLI's runner). */
export function buildGuard(): string {
    const source = readFileSync(join(__dirname, "packGuard.ts"), "utf8");
    const file = join(CACHE_ROOT, `guard-${createHash("sha256").update(source).digest("hex").slice(0, 16)}.js`);
    if (existsSync(file)) return file;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require("typescript") as typeof TS;
    const staging = `${file}.${process.pid}.tmp`;
    mkdirSync(CACHE_ROOT, { recursive: true });
    writeFileSync(staging, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
    renameSync(staging, file);
    return file;
}

/** The pack's tsconfig, made to emit CommonJS with inline source maps. */
function compilerOptions(ts: typeof TS, packDir: string): TS.CompilerOptions {
    const file = join(packDir, "tsconfig.json");
    const read = existsSync(file) ? ts.readConfigFile(file, ts.sys.readFile) : { config: {} };
    if (read.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
    const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, packDir);
    return { ...options, module: ts.ModuleKind.CommonJS, noEmit: false, sourceMap: false, inlineSourceMap: true, inlineSources: true, declaration: false };
}
