// Rewrites the figures of the docs (docs/*.md and README.md) from the real plan: see
// plan/docFigures.ts for the markers. `npm run docs` runs it; tests/docFigures.spec.ts checks it.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import type { PolicyAnalyzer } from "../plan/analyzer/client";
import { FigureSpec, planKey, refreshFigures } from "../plan/docFigures";
import { Plan, buildPlan } from "../plan/plan";

const ROOT = resolve(__dirname, "..");

/** Every document that may hold figures. */
export const FIGURE_DOCS = [join(ROOT, "README.md"), ...readdirSync(join(ROOT, "docs")).map((f) => join(ROOT, "docs", f))].filter((f) => f.endsWith(".md"));

/** Plans by stack and config (planKey), shared by the documents that quote the same one. */
export type FigurePlans = Map<string, Promise<Plan>>;

/** A document's text with its figures as the plan gives them today, formatted as the repository formats it. */
export async function refreshedDoc(file: string, analyzer: PolicyAnalyzer, plans: FigurePlans = new Map()): Promise<string> {
    const text = readFileSync(file, "utf8");
    if (!text.includes("<!--fig ")) return text;
    const planFor = (spec: FigureSpec) => {
        const key = planKey(spec);
        // Cost and rollout come from the resources after up; the preview's verdicts are no figure's.
        if (!plans.has(key)) plans.set(key, buildPlan({ root: ROOT, stack: spec.stack, configOverrides: spec.config, analyzer, phases: ["up"] }));
        return plans.get(key)!;
    };
    const fresh = await refreshFigures(text, planFor, analyzer.info.policies.length);
    return format(fresh, { ...(await resolveConfig(file)), filepath: file });
}

export async function writeFigures(analyzer: PolicyAnalyzer): Promise<string[]> {
    const changed: string[] = [];
    const plans: FigurePlans = new Map();
    for (const file of FIGURE_DOCS) {
        const fresh = await refreshedDoc(file, analyzer, plans);
        if (fresh !== readFileSync(file, "utf8")) {
            writeFileSync(file, fresh);
            changed.push(file);
        }
    }
    return changed;
}
