// Rewrites the figures of the docs (docs/*.md and README.md) from the real plan: see
// plan/docFigures.ts for the markers. `npm run docs` runs it; tests/docFigures.spec.ts checks it.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import type { PolicyAnalyzer } from "../plan/analyzer/client";
import { FigureSpec, refreshFigures } from "../plan/docFigures";
import { buildPlan } from "../plan/plan";

const ROOT = resolve(__dirname, "..");

/** Every document that may hold figures. */
export const FIGURE_DOCS = [join(ROOT, "README.md"), ...readdirSync(join(ROOT, "docs")).map((f) => join(ROOT, "docs", f))].filter((f) => f.endsWith(".md"));

/** A document's text with its figures as the plan gives them today, formatted as the repository formats it. */
export async function refreshedDoc(file: string, analyzer: PolicyAnalyzer): Promise<string> {
    const text = readFileSync(file, "utf8");
    if (!text.includes("<!--fig ")) return text;
    const planFor = (spec: FigureSpec) => buildPlan({ root: ROOT, stack: spec.stack, configOverrides: spec.config, analyzer });
    const fresh = await refreshFigures(text, planFor, analyzer.info.policies.length);
    return format(fresh, { ...(await resolveConfig(file)), filepath: file });
}

export async function writeFigures(analyzer: PolicyAnalyzer): Promise<string[]> {
    const changed: string[] = [];
    for (const file of FIGURE_DOCS) {
        const fresh = await refreshedDoc(file, analyzer);
        if (fresh !== readFileSync(file, "utf8")) {
            writeFileSync(file, fresh);
            changed.push(file);
        }
    }
    return changed;
}
