#!/usr/bin/env node
// Runs an entry point (TypeScript or JavaScript) on Node 22+, which the Pulumi SDK needs, with
// .ts files loaded through the transpile cache. On Node 22+ a .ts entry runs in this process;
// on an older Node the entry runs on Node 22 from the npm registry (the `node` package): npx
// finds it once, and its path is remembered in .build so later runs skip the npx hop.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const NODE22 = "node@22.23.3";
const LOADER = join(__dirname, "transpileCache.js");
const REMEMBERED = join(__dirname, "..", ".build", `${NODE22}.path`);
const major = Number(process.versions.node.split(".")[0]);

/** The path of a Node 22 binary: remembered, or found through npx and remembered. */
function node22Binary() {
    const remembered = existsSync(REMEMBERED) ? readFileSync(REMEMBERED, "utf8").trim() : "";
    if (remembered && existsSync(remembered)) return remembered;
    const found = execFileSync("npx", ["--yes", NODE22, "-p", "process.execPath"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
        .trim()
        .split("\n")
        .pop();
    if (!found || !existsSync(found)) throw new Error(`npx ${NODE22} printed no usable path (${found})`);
    mkdirSync(join(REMEMBERED, ".."), { recursive: true });
    writeFileSync(REMEMBERED, `${found}\n`);
    return found;
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
    console.error("usage: node scripts/node22.js <entry.ts|entry.js> [args...]");
    process.exit(2);
}

if (major >= 22 && entry.endsWith(".ts")) {
    require(LOADER);
    process.argv = [process.execPath, resolve(entry), ...args];
    require(resolve(entry));
} else {
    let node = process.execPath;
    if (major < 22) {
        try {
            node = node22Binary();
        } catch (e) {
            console.error(`could not start Node 22 (${e.message}); install Node 22+ or let npx reach the npm registry`);
            process.exit(2);
        }
    }
    const env = { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(__dirname, "..", ".build", "v8") };
    const result = spawnSync(node, ["-r", LOADER, entry, ...args], { stdio: "inherit", env });
    if (result.error) {
        console.error(`could not start ${node}: ${result.error.message}`);
        process.exit(2);
    }
    // The child wrote to our stdout directly, so nothing of ours is left to drain.
    process.exit(result.status ?? 1);
}
