// The layout's rules, checked on the source itself: no import circles, small files.
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const SOURCE_DIRS = ["components", "settings", "documents", "plan", "policy", "scripts"];
const MAX_LINES = 250;

function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === "node_modules") return [];
        if (statSync(path).isDirectory()) return sourceFiles(path);
        return path.endsWith(".ts") ? [path] : [];
    });
}

const files = [join(ROOT, "index.ts"), ...SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)))];

/** Relative imports of a file, resolved to the files they name (type-only imports count too: they shape the design). */
function importsOf(file: string): string[] {
    const source = readFileSync(file, "utf8");
    const specs = [...source.matchAll(/(?:from|import|import\(|require\()\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
    return specs.flatMap((spec) => {
        const base = resolve(dirname(file), spec);
        const found = [`${base}.ts`, join(base, "index.ts")].find((candidate) => files.includes(candidate));
        return found ? [found] : [];
    });
}

/** Every cycle of the import graph, each as a list of files (Tarjan's strongly connected components). */
function importCycles(): string[][] {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
        index.set(v, index.size);
        low.set(v, index.get(v)!);
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        if (low.get(v) === index.get(v)) {
            const component: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                component.push(relative(ROOT, w));
            } while (w !== v);
            if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
        }
    };
    for (const f of files) if (!index.has(f)) visit(f);
    return cycles;
}

describe("architecture", () => {
    it("has no import circles", () => {
        assert.deepEqual(importCycles(), []);
    });

    it(`keeps every source file under ${MAX_LINES} lines`, () => {
        const long = files.map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, "utf8").split("\n").length })).filter((f) => f.lines > MAX_LINES);
        assert.deepEqual(long, []);
    });

    it("keeps the README short (≤ 10 kB); reference material lives in docs/", () => {
        const size = statSync(join(ROOT, "README.md")).size;
        assert.ok(size <= 10_000, `README.md is ${size} bytes`);
    });
});
