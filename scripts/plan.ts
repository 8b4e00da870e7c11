// npm run plan -- --stack <name> [--json] [--phase preview|up] [--program <dir> | --state <file>] …
// (plan/cli.ts has the options and exit codes; docs/plan.md explains them).
import { resolve } from "node:path";
import { runCli } from "../plan/cli";

const io = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };

void runCli(process.argv.slice(2), resolve(__dirname, ".."), io).then((code) => {
    // Exit only once stdout and stderr have drained: a pipe takes 64 KiB at a time, and
    // process.exit() would cut the rest. (Writes are ordered, so an empty write's callback marks the end.)
    process.exitCode = code;
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
});
