// The files a directory's content is made of, and their hash: what keys a cache of work done from
// them (the transpiled pack, a program's runs). Installed packages and dot-folders (VCS, caches)
// are never part of it.
import type { Hash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Files under `dir`, relative to it and sorted; `leaveOut` drops more, given an entry's relative
 * path and whether it is a directory (a dropped directory is not read).
 */
export function filesUnder(dir: string, leaveOut: (path: string, isDirectory: boolean) => boolean = () => false, prefix = ""): string[] {
    return readdirSync(join(dir, prefix), { withFileTypes: true })
        .flatMap((e) => {
            const path = join(prefix, e.name);
            if (e.name === "node_modules" || e.name.startsWith(".") || leaveOut(path, e.isDirectory())) return [];
            return e.isDirectory() ? filesUnder(dir, leaveOut, path) : e.isFile() ? [path] : [];
        })
        .sort();
}

/** Feeds each file's relative path and content to `hash`, so a renamed or edited file changes it. */
export function hashFiles(hash: Hash, dir: string, files: readonly string[]): Hash {
    for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(dir, file)));
    return hash;
}
