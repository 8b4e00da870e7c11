// Loads .ts files the way ts-node's transpile-only mode does (types stripped, no type check), but
// transpiles each file once: the JavaScript is cached under .build/ts by content, so a warm run
// never loads the TypeScript compiler. `node -r ./scripts/transpileCache.js entry.ts` registers it.
"use strict";
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const Module = require("node:module");

const CACHE_DIR = join(__dirname, "..", ".build", "ts");
// The project's tsconfig, as far as emitting JavaScript goes; changing these changes every key.
const COMPILER_OPTIONS = {
    module: "commonjs",
    target: "es2022",
    esModuleInterop: true,
    resolveJsonModule: true,
    inlineSourceMap: true,
    inlineSources: true,
};

let typescript;
let version;

/** What the output depends on besides the source: the compiler's version and its options. */
function cacheSalt(compilerOptions) {
    version ??= JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
    return `${version}\0${JSON.stringify(compilerOptions)}\0`;
}

function transpile(filename, source, compilerOptions) {
    typescript ??= require("typescript");
    const options = typescript.convertCompilerOptionsFromJson(compilerOptions, "").options;
    const result = typescript.transpileModule(source, { compilerOptions: options, fileName: filename, reportDiagnostics: true });
    const syntax = (result.diagnostics ?? []).find((d) => d.category === typescript.DiagnosticCategory.Error);
    if (syntax) {
        const where = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
        const at = where ? `:${where.line + 1}:${where.character + 1}` : "";
        throw new SyntaxError(`${filename}${at}: ${typescript.flattenDiagnosticMessageText(syntax.messageText, "\n")}`);
    }
    return result.outputText;
}

/** The JavaScript for a .ts file, from the cache when its content was seen before (ESM output with other options). */
function javascriptFor(filename, compilerOptions = COMPILER_OPTIONS) {
    const source = readFileSync(filename, "utf8");
    // The path is part of the key: the inline source map names the file.
    const key = createHash("sha256").update(cacheSalt(compilerOptions)).update(filename).update("\0").update(source).digest("hex");
    const cached = join(CACHE_DIR, `${key}.js`);
    if (existsSync(cached)) return readFileSync(cached, "utf8");
    const output = transpile(filename, source, compilerOptions);
    try {
        mkdirSync(CACHE_DIR, { recursive: true });
        const partial = `${cached}.${process.pid}.tmp`;
        writeFileSync(partial, output);
        renameSync(partial, cached); // atomic: a concurrent reader sees all of it or nothing
    } catch {
        // A read-only checkout still runs, only without the cache.
    }
    return output;
}

function register() {
    if (Module._extensions[".ts"]?.transpileCache) return;
    const load = (module, filename) => module._compile(javascriptFor(filename), filename);
    load.transpileCache = true;
    // The JavaScript a .ts file ran as (its inline source map maps the SDK's stack positions back).
    load.generatedJavaScript = javascriptFor;
    Module._extensions[".ts"] = load;
    // Node's own compile cache (22.1+) then skips V8 parsing of unchanged files as well.
    Module.enableCompileCache?.(join(CACHE_DIR, "..", "v8"));
    // Stack traces point at the .ts lines only when asked for (--debug): maps cost time to load.
    if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
}

register();

module.exports = { register, javascriptFor, COMPILER_OPTIONS, CACHE_DIR };
