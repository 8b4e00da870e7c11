#!/usr/bin/env node
// Runs a TypeScript entry point on Node 22+ (the Pulumi SDK needs it). On an older Node it
// fetches Node 22 from the npm registry (the `node` package) through npx.
"use strict";
const { spawnSync } = require("node:child_process");

const NODE22 = "node@22.23.3";
const major = Number(process.versions.node.split(".")[0]);
const args = ["-r", "ts-node/register/transpile-only", ...process.argv.slice(2)];
const [command, commandArgs] = major >= 22 ? [process.execPath, args] : ["npx", ["--yes", NODE22, ...args]];
const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, TS_NODE_PROJECT: "tsconfig.json" } });
if (result.error) {
    console.error(`could not start Node 22 (${result.error.message}); install Node 22+ or let npx reach the npm registry`);
    process.exit(2);
}
process.exit(result.status ?? 1);
