// Finds a Pulumi TypeScript program as the Pulumi CLI does: the project directory's Pulumi.yaml
// (nodejs runtime), its entry (`main`, else package.json `main`, else index), and its stack file.
// In-process runs (this project's program) borrow this project's Pulumi SDKs when a program has no
// node_modules; another program (--program) runs in a child process instead (host/programHost.ts).
import { existsSync } from "node:fs";
import Module from "node:module";
import { delimiter, join, resolve } from "node:path";
import { FileError, PlanLimitError, ProgramError, isUserError, shownPath } from "./errors";
import type { InvokeResults } from "./mocks/invokeResults";
import { requireDirectory } from "./files";
import { Phase, ProgramRun, runProgram } from "./runProgram";
import { Project, StackConfig, existingStacks, loadStackConfig, projectFile, readProject, stackFile } from "./stackConfig";

export interface ProgramSource {
    /** The project directory (holds Pulumi.yaml). */
    dir: string;
    /** The file Node loads to run the program. */
    entry: string;
    stack: StackConfig;
    /** Set when the project has no stack files at all and runs on its declared defaults. */
    note?: string;
}

const OUR_MODULES = join(__dirname, "..", "node_modules");

export function resolveProgram(dir: string, stackName: string, overrides: Record<string, unknown> = {}, entry?: string): ProgramSource {
    const root = resolve(dir);
    requireDirectory(root, "program directory");
    const project = readProject(root);
    checkRuntime(root, project);
    let note: string | undefined;
    let stack: StackConfig;
    if (!existsSync(stackFile(root, stackName, project)) && existingStacks(join(root, project.stackConfigDir ?? "")).length === 0) {
        // Pulumi runs a stack without a file on the project's defaults; so does the plan, and says so.
        stack = withDefaults(root, stackName, overrides);
        note = `${project.name} has no stack files: stack ${stackName} runs on the defaults in Pulumi.yaml`;
    } else stack = loadStackConfig(root, stackName, overrides);
    borrowSdkIfMissing(root);
    return { dir: root, entry: entry ?? programEntry(root, project.main), stack, note };
}

/** The stack config of a project with no stack files: Pulumi.yaml's defaults and the overrides. */
function withDefaults(root: string, stackName: string, overrides: Record<string, unknown>): StackConfig {
    const project = readProject(root);
    const config: Record<string, string> = {};
    const namespaced = (key: string) => (key.includes(":") ? key : `${project.name}:${key}`);
    for (const [key, value] of Object.entries({ ...project.defaults, ...overrides })) {
        if (value !== undefined && value !== null) config[namespaced(key)] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { project: project.name, stack: stackName, config, region: config["aws:region"] ?? "us-east-1" };
}

function checkRuntime(root: string, project: Project): void {
    if (project.runtime !== "nodejs")
        throw new FileError(
            projectFile(root),
            `runtime ${JSON.stringify(project.runtime)} is not supported offline; allowed: nodejs (a TypeScript or JavaScript program)`,
        );
}

/** `main` (a file or directory) or the project directory, resolved the way Node resolves a package. */
function programEntry(root: string, main: string | undefined): string {
    const target = join(root, main ?? "");
    try {
        return require.resolve(target);
    } catch {
        throw new FileError(target, "no program entry here; allowed: an index.ts or index.js, or `main` in Pulumi.yaml or package.json naming the entry");
    }
}

/** Lets `require("@pulumi/aws")` in a program without node_modules find this project's copy. */
function borrowSdkIfMissing(root: string): void {
    try {
        require.resolve("@pulumi/pulumi", { paths: [root] });
        return;
    } catch {
        // not installed next to the program: fall through
    }
    const paths = (process.env.NODE_PATH ?? "").split(delimiter).filter(Boolean);
    if (paths.includes(OUR_MODULES)) return;
    process.env.NODE_PATH = [...paths, OUR_MODULES].join(delimiter);
    (Module as unknown as { _initPaths(): void })._initPaths();
}

/**
 * Runs the program in one phase. What it throws is the program's (the user's) to fix: its own
 * message, the program named unless the message already is the user's (settings, RunError).
 */
export async function runProgramSource(program: ProgramSource, phase: Phase, invokeResults?: InvokeResults): Promise<ProgramRun> {
    try {
        return await runProgram(program.dir, program.stack, program.entry, phase, invokeResults);
    } catch (e) {
        if (isUserError(e) || e instanceof PlanLimitError) throw e;
        throw new ProgramError(`the program ${shownPath(program.entry)} failed at ${phase}: ${(e as Error).message ?? String(e)}`, { cause: e });
    }
}
