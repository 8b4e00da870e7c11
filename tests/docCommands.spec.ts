// Every shell command in the docs works when pasted: the plan and stack-info commands of fenced
// blocks run here (exit 0 or 1, no error), npm scripts exist, no command holds an ellipsis, and
// blocks with Pulumi CLI commands are marked as needing AWS (```sh aws).
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runCli } from "../plan/cli";
import { main as stackInfoCli } from "../scripts/stackInfo";
import { FIGURE_DOCS } from "../scripts/docFigures";
import { sharedAnalyzer } from "./support/analyzer";
import { ROOT } from "./support/mocks";
import { runCli as runScript } from "./support/project";

const DOCS = [...FIGURE_DOCS, join(ROOT, "policy", "README.md")];
const scriptsOf = (file: string) => Object.keys((JSON.parse(readFileSync(file, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {});
const SCRIPTS = scriptsOf(join(ROOT, "package.json"));

interface Command {
    where: string;
    text: string;
    fenced: boolean;
    info: string;
}

/** Commands of fenced shell blocks (one per line, comments dropped) and inline code that starts like a command. */
function commands(): Command[] {
    return DOCS.flatMap((file) => {
        const markdown = readFileSync(file, "utf8");
        const where = relative(ROOT, file);
        const fenced = [...markdown.matchAll(/```(sh|bash|shell)([^\n]*)\n([\s\S]*?)```/g)].flatMap((m) =>
            m[3]!
                .split("\n")
                .map((line) => line.replace(/\s+#\s.*$/, "").trim())
                .filter((line) => line !== "" && !line.startsWith("#"))
                .map((text) => ({ where, text, fenced: true, info: m[2]!.trim() })),
        );
        const inline = [...markdown.matchAll(/`((?:npm|npx|pulumi|node) [^`]+)`/g)].map((m) => ({ where, text: m[1]!, fenced: false, info: "" }));
        return [...fenced, ...inline];
    });
}

/** A command line's words, as a shell splits them (quotes kept together, no expansion needed here). */
const words = (text: string) => [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe("docs: every shell command works when pasted", function () {
    this.timeout(300_000);
    const all = commands();

    it("finds the commands", () => {
        assert.ok(all.filter((c) => c.fenced).length >= 25, `${all.length} commands`);
    });

    it("no command holds an ellipsis, nor a placeholder in a block that runs here", () => {
        for (const c of all) assert.doesNotMatch(c.text, /…|\.\.\./, `${c.where}: ${c.text}`);
        // Blocks marked `sh aws` name the user's own account or organization (<org>); the others must run as they are.
        for (const c of all.filter((x) => x.fenced && x.info !== "aws"))
            assert.doesNotMatch(c.text, /<[a-z][\w -]*>/i, `${c.where}: ${c.text} (a placeholder in a block to paste)`);
    });

    it("a fenced block with Pulumi CLI commands is marked as needing AWS (```sh aws); no other block is", () => {
        for (const c of all.filter((x) => x.fenced)) {
            const pulumi = /^pulumi /.test(c.text);
            if (pulumi) assert.equal(c.info, "aws", `${c.where}: ${c.text} needs the Pulumi CLI and AWS: mark its block \`\`\`sh aws`);
        }
    });

    it("npm scripts named by the docs exist", () => {
        for (const c of all)
            for (const m of c.text.matchAll(/npm run (?:-s )?([\w:-]+)( -w (\S+))?/g)) {
                // The pack's README runs commands in the pack's folder (its scripts) and names the program's.
                const pack = c.where.startsWith("policy/") ? scriptsOf(join(ROOT, "policy", "package.json")) : [];
                const scripts = m[3] ? scriptsOf(join(ROOT, m[3], "package.json")) : [...SCRIPTS, ...pack];
                assert.ok(scripts.includes(m[1]!), `${c.where}: npm run ${m[1]}${m[2] ?? ""} is not a script`);
            }
    });

    it("runs every plan and stack-info command of a fenced block: exit 0 or 1, no error", async () => {
        const runnable = all.filter((c) => c.fenced && /^npm run (-s )?(plan|stack-info)\b/.test(c.text));
        assert.ok(runnable.length >= 8, `${runnable.length} runnable commands`);
        const analyzer = await sharedAnalyzer();
        for (const c of runnable) {
            const argv = words(c.text.split(" | ")[0]!);
            const args = argv.slice(argv.indexOf("--") + 1);
            const err: string[] = [];
            const io = { out: () => undefined, err: (t: string) => void err.push(t) };
            const code = argv.includes("stack-info")
                ? (await runScript(stackInfoCli, args, ROOT)).code
                : await runCli(args, ROOT, io, { analyzer: args.includes("--policy-pack") ? undefined : analyzer, cwd: ROOT });
            assert.ok(code === 0 || code === 1, `${c.where}: ${c.text} exited ${code}\n${err.join("\n")}`);
        }
    });
});
