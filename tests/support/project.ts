// A user's checkout in a temporary directory: symlinks to this project's files plus extra or
// replaced files (a new stack, a per-stack policy config), for tests that must not touch the repo.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./mocks";

const created: string[] = [];

/** Removes every project made by projectWith (links only: their targets stay). */
export function removeProjects(): void {
    for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function projectWith(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), "fargate-web-project-"));
    created.push(root);
    const own = (path: string) => Object.keys(files).some((f) => f === path || f.startsWith(`${path}/`));
    // Directories that receive files are recreated and linked entry by entry; the rest is one link.
    const link = (path: string) => {
        if (!own(path)) return symlinkSync(join(ROOT, path), join(root, path));
        mkdirSync(join(root, path), { recursive: true });
        for (const entry of readdirSync(join(ROOT, path), { withFileTypes: true }))
            if (entry.isDirectory() || !(`${path}/${entry.name}` in files)) link(`${path}/${entry.name}`);
    };
    for (const entry of readdirSync(ROOT)) if (!(entry in files)) link(entry);
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
    }
    return root;
}

/** Runs a CLI's main function, capturing what it prints. */
export async function runCli(main: (argv: string[], root: string) => Promise<number>, args: string[], root: string) {
    const out: string[] = [];
    const err: string[] = [];
    const [log, error] = [console.log, console.error];
    console.log = (...a: unknown[]) => void out.push(a.join(" "));
    console.error = (...a: unknown[]) => void err.push(a.join(" "));
    try {
        const code = await main(args, root);
        return { code, out: out.join("\n"), err: err.join("\n") };
    } finally {
        console.log = log;
        console.error = error;
    }
}
