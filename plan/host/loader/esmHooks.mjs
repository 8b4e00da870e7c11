// Node module hooks (module.register) for a program that is an ES module: .ts/.mts loaded as
// transpiled JavaScript, `./x.js` resolving to x.ts when only the .ts exists (as TypeScript's
// nodenext resolution maps it), and packages the program has not installed resolved from the
// plan's own node_modules (as NODE_PATH does for CommonJS).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { URL, fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { javascriptFor, COMPILER_OPTIONS } = require("../../../scripts/transpileCache.js");

const ESM_OPTIONS = { ...COMPILER_OPTIONS, module: "esnext", moduleResolution: "bundler" };
const TS_FOR_JS = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };
const NOT_FOUND = new Set(["ERR_MODULE_NOT_FOUND", "ERR_UNSUPPORTED_DIR_IMPORT"]);

let fallbackParent;
let typescript = true;

export function initialize(data) {
    fallbackParent = data?.fallbackParent;
    typescript = data?.typescript !== false;
}

const isPath = (specifier) => /^(\.{1,2}\/|\/|file:)/.test(specifier);

/** The TypeScript files a missing `./x.js` (or extensionless `./x`) may mean. */
function typescriptCandidates(url) {
    const path = fileURLToPath(url);
    const ext = extname(path);
    if (TS_FOR_JS[ext]) return [path.slice(0, -ext.length) + TS_FOR_JS[ext]];
    return ext === "" ? [`${path}.ts`, join(path, "index.ts")] : [];
}

export async function resolve(specifier, context, nextResolve) {
    try {
        return await nextResolve(specifier, context);
    } catch (error) {
        if (!NOT_FOUND.has(error?.code)) throw error;
        if (isPath(specifier) && context.parentURL && typescript) {
            const found = typescriptCandidates(new URL(specifier, context.parentURL)).find((candidate) => existsSync(candidate));
            if (found) return { url: pathToFileURL(found).href, shortCircuit: true };
        } else if (!isPath(specifier) && fallbackParent) {
            return nextResolve(specifier, { ...context, parentURL: fallbackParent });
        }
        throw error;
    }
}

const packageTypes = new Map();

/** The `type` of the package a file belongs to (its nearest package.json). */
function packageType(dir) {
    if (packageTypes.has(dir)) return packageTypes.get(dir);
    const manifest = join(dir, "package.json");
    let type;
    if (existsSync(manifest)) type = JSON.parse(readFileSync(manifest, "utf8")).type ?? "commonjs";
    else type = dirname(dir) === dir ? "commonjs" : packageType(dirname(dir));
    packageTypes.set(dir, type);
    return type;
}

export async function load(url, context, nextLoad) {
    if (!typescript || !url.startsWith("file:") || !/\.[cm]?ts$/.test(url) || url.endsWith(".d.ts")) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const ext = extname(path);
    const format = ext === ".mts" ? "module" : ext === ".cts" ? "commonjs" : packageType(dirname(path)) === "module" ? "module" : "commonjs";
    // CommonJS .ts goes to the CommonJS loader, whose .ts handler (transpileCache.js) compiles it.
    if (format === "commonjs") return { format, shortCircuit: true };
    return { format, shortCircuit: true, source: javascriptFor(path, ESM_OPTIONS) };
}
