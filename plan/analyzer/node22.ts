// The Node 22 binary to run the pack on: this process's own when it is Node 22+, else the one
// scripts/node22.js fetches from the npm registry (the `node` package, through npx).
import { execFile } from "node:child_process";

const NODE22 = "node@22.23.3"; // the version scripts/node22.js uses

let found: Promise<string> | undefined;

export function node22(): Promise<string> {
    if (Number(process.versions.node.split(".")[0]) >= 22) return Promise.resolve(process.execPath);
    if (found) return found;
    found = new Promise<string>((resolve, reject) => {
        execFile("npx", ["--yes", NODE22, "-p", "process.execPath"], { timeout: 300_000 }, (error, stdout, stderr) => {
            const path = stdout.trim().split("\n").pop() ?? "";
            if (error || !path) reject(new Error(`could not find Node 22 through npx ${NODE22}: ${error?.message ?? stderr.trim()}`));
            else resolve(path);
        });
    });
    // A failed lookup is not kept: the next start tries again.
    found.catch(() => (found = undefined));
    return found;
}
