// Reports the plan writes to files beside its stdout (--sarif): a file that cannot be written is the
// user's to fix, named with the reason.
import { writeFileSync } from "node:fs";
import { FileError } from "./errors";
import { BaselineFile, baselineOf, inBaseline } from "./baseline";
import type { Plan } from "./plan";
import { sarifLog } from "./sarif";

export function writeReportFile(path: string, what: string, text: string): void {
    try {
        writeFileSync(path, text);
    } catch (e) {
        throw new FileError(path, `cannot write the ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
    }
}

/** The repository's docs at this commit when run in GitHub Actions: help links of code scanning alerts. */
export function docsBaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
    return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : undefined;
}

export function writeSarif(path: string, plan: Plan, baseline?: BaselineFile): void {
    const log = sarifLog(plan, { docsBaseUrl: docsBaseUrlFromEnv(), ...(baseline ? { inBaseline: inBaseline(baseline) } : {}) });
    writeReportFile(path, "SARIF", `${JSON.stringify(log, null, 2)}\n`);
}

export function writeBaseline(path: string, plan: Plan): void {
    writeReportFile(path, "baseline", `${JSON.stringify(baselineOf(plan), null, 2)}\n`);
}
