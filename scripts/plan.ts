// npm run plan -- --stack <name> [--json] [--phase preview|up] [--program <dir> | --state <file>] …
// (plan/cliArgs.ts has the options, plan/cli.ts the exit codes; docs/plan.md explains them).
// First: the SDK, loaded below, then defers the packages the plan never uses.
import "../plan/host/loader/deferSdk.js";
import { resolve } from "node:path";
import { USAGE, helpRequested, packDirFor } from "../plan/cliArgs";
import { packModeFor, prestartPack } from "../plan/analyzer/spawn";

const root = resolve(__dirname, "..");
const argv = process.argv.slice(2);
const io = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };

// The pack takes about as long to start as the Pulumi SDK takes to load: start it first.
const packDir = packDirFor(argv, root);
if (packDir !== undefined) prestartPack({ packDir, mode: packModeFor(packDir) });

// --help needs nothing of the engine: it answers before the SDK loads.
const run = helpRequested(argv) ? Promise.resolve((io.out(USAGE), 0)) : import("../plan/cli").then(({ runCli }) => runCli(argv, root, io));
void run.then((code) => {
    // Exit only once stdout and stderr have drained: a pipe takes 64 KiB at a time, and
    // process.exit() would cut the rest. (Writes are ordered, so an empty write's callback marks the end.)
    process.exitCode = code;
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
});
