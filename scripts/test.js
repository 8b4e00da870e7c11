#!/usr/bin/env node
// `npm test`: mocha, and beside it the type check, ESLint and Prettier at a lower CPU priority:
// the suite often waits on child processes (programs, pack servers), and the checks fill that time
// instead of adding theirs on a 2-core machine. Mocha's output streams as it runs; each check's
// result follows, and the closing line is mocha's own "N passed, N failed" (CI reads it).
"use strict";
const { spawn } = require("node:child_process");
const { setPriority } = require("node:os");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "node_modules", ".bin");
const CHECKS = [
    { name: "typecheck (tsc --noEmit)", command: join(BIN, "tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
    { name: "eslint", command: join(BIN, "eslint"), args: ["."] },
    { name: "prettier --check", command: join(BIN, "prettier"), args: ["--check", "--log-level", "warn", "."] },
];
/** Niceness of the checks: they take the CPU mocha leaves idle. */
const CHECK_NICENESS = 10;

/** Runs a command; resolves with its exit code, its output (both streams) and its time. */
function run(command, args, { onOutput, nice } = {}) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
        if (nice !== undefined && child.pid !== undefined) {
            try {
                setPriority(child.pid, nice);
            } catch {
                // Not allowed here: the check runs at normal priority.
            }
        }
        let output = "";
        for (const stream of [child.stdout, child.stderr])
            stream.on("data", (chunk) => {
                output += chunk;
                onOutput?.(chunk, stream === child.stderr);
            });
        child.on("error", (error) => resolve({ code: 1, output: `${output}${error.message}\n`, seconds: (Date.now() - started) / 1000 }));
        child.on("close", (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
    });
}

async function main() {
    const checks = CHECKS.map((check) => run(check.command, check.args, { nice: CHECK_NICENESS }).then((result) => ({ ...check, ...result })));
    const mocha = await run(process.execPath, [join(ROOT, "scripts", "node22.js"), join(ROOT, "node_modules", "mocha", "bin", "mocha.js")], {
        onOutput: (chunk, isError) => (isError ? process.stderr : process.stdout).write(chunk),
    });
    const results = await Promise.all(checks);
    console.log("");
    for (const check of results) {
        console.log(`${check.code === 0 ? "ok  " : "FAIL"} ${check.name} (${check.seconds.toFixed(1)} s)`);
        if (check.code !== 0) console.log(check.output.trimEnd());
    }
    const counts = mocha.output.match(/^\d+ passed, \d+ failed.*$/gm);
    console.log(counts ? counts[counts.length - 1] : `mocha ended with exit code ${mocha.code} before reporting its counts`);
    process.exitCode = mocha.code !== 0 || results.some((check) => check.code !== 0) ? 1 : 0;
}

main();
