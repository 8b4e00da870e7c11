import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * A tag derived from the build context's files: the same sources give the same tag, so
 * immutable repositories accept every push and an unchanged app is not rebuilt.
 */
export function contentTag(dir: string): string {
    const hash = createHash("sha256");
    const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true })
            .flatMap((e) => (e.isDirectory() ? (e.name === "node_modules" ? [] : walk(join(d, e.name))) : [join(d, e.name)]))
            .sort();
    for (const file of walk(dir)) {
        hash.update(relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
    }
    return `app-${hash.digest("hex").slice(0, 16)}`;
}
