#!/usr/bin/env node
// `npm test`: the type check, ESLint and Prettier, each mostly one core, run beside mocha (whose
// output streams as it runs): the machine's cores are busy the whole time instead of the checks
// first and the suite after. Mocha runs even when a check fails, so one run shows every problem;
// the closing line is mocha's own "N passed, N failed" (CI reads it).
"use strict";
const { spawn } = require("node:child_process");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
/** package.json's own scripts, so each check is stated once. */
const CHECKS = [
    { name: "npm run typecheck", command: NPM, args: ["run", "-s", "typecheck"] },
    { name: "npm run lint:code", command: NPM, args: ["run", "-s", "lint:code"] },
    { name: "npm run lint:format", command: NPM, args: ["run", "-s", "lint:format"] },
];

/** Runs a command; resolves with its exit code, its output (both streams) and its time. */
function run(command, args, onOutput) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
        let output = "";
        for (const stream of [child.stdout, child.stderr])
            stream.on("data", (chunk) => {
                output += chunk;
                onOutput?.(chunk, stream === child.stderr);
            });
        const done = (code, extra = "") => resolve({ code, output: output + extra, seconds: (Date.now() - started) / 1000 });
        child.on("error", (error) => done(1, `${error.message}\n`));
        child.on("close", (code) => done(code ?? 1));
    });
}

async function main() {
    const status = (check) => `${check.code === 0 ? "ok  " : "FAIL"} ${check.name} (${check.seconds.toFixed(1)} s)`;
    const checks = CHECKS.map((check) =>
        run(check.command, check.args).then((result) => {
            const done = { ...check, ...result };
            console.log(status(done));
            return done;
        }),
    );
    const mocha = await run(NPM, ["run", "-s", "mocha"], (chunk, isError) => (isError ? process.stderr : process.stdout).write(chunk));
    const failed = (await Promise.all(checks)).filter((check) => check.code !== 0);
    for (const check of failed) console.log(`\n${status(check)}\n${check.output.trimEnd()}`);
    const counts = mocha.output.match(/^\d+ passed, \d+ failed.*$/gm);
    if (failed.length > 0) console.log(`\nfailed beside mocha: ${failed.map((check) => check.name).join(", ")} (output above)`);
    if (!counts) console.log(`mocha ended with exit code ${mocha.code} before reporting its counts`);
    else if (failed.length > 0) console.log(counts[counts.length - 1]);
    process.exitCode = mocha.code !== 0 || failed.length > 0 ? 1 : 0;
}

main();
