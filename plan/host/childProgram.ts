// Runs a Pulumi program the way the Pulumi CLI's Node.js language host does: a child Node 22
// process running the program's own @pulumi/pulumi/cmd/run (else this project's), with the
// language host's arguments and environment, in the program's folder, against the monitor and
// engine this process serves. Its stdout and stderr are captured (never this process's stdout),
// and the run is bounded in time: past the bound the child is killed and the run says why.
import { spawn } from "node:child_process";
import { delimiter, join } from "node:path";
import { node22 } from "../analyzer/node22";
import type { StackConfig } from "../stackConfig";
import { ChildExit, PENDING_MARKER, TimedOut } from "./childOutcome";
import type { MonitorServer } from "./monitorServer";
import type { RuntimeOptions } from "./runtimeOptions";

const ROOT = join(__dirname, "..", "..");
const PRELOAD = join(__dirname, "loader", "childPreload.js");
/** The CLI's default: no bound on parallel resource operations. */
const PARALLEL = "2147483647";
/** What a self-managed (diy) backend reports as the organization. */
const ORGANIZATION = "organization";
/** Output lines kept for error messages. */
const KEPT_LINES = 200;

export interface ChildRun {
    dir: string;
    /** The entry file, as the plan resolved it (Pulumi.yaml `main`, package.json `main`, index). */
    entry: string;
    stack: StackConfig;
    preview: boolean;
    runtime: RuntimeOptions;
    timeoutMs: number;
    server: MonitorServer;
    /** Each line the program prints, on stdout or stderr, as it prints it. */
    onLine(line: string): void;
}

/** The run script of the SDK the program resolves (its node_modules first), else this project's. */
export function runScript(dir: string): string {
    for (const paths of [[dir], [ROOT]]) {
        try {
            return require.resolve("@pulumi/pulumi/cmd/run", { paths });
        } catch {
            // not installed there: try the next place
        }
    }
    throw new Error("@pulumi/pulumi is not installed in this project");
}

/** Config as the language host hands it over: JSON, keys in the `ns:config:key` form every SDK reads. */
function configJson(config: Record<string, string>): string {
    const entries = Object.entries(config).map(([key, value]) => {
        const colon = key.indexOf(":");
        return [colon < 0 ? key : `${key.slice(0, colon)}:config:${key.slice(colon + 1)}`, value];
    });
    return JSON.stringify(Object.fromEntries(entries));
}

function childEnv(run: ChildRun): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    // Settings meant for another run (the plan's own, or a CLI's) must not leak in.
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("PULUMI_NODEJS_") && !key.startsWith("PULUMI_CONFIG")) env[key] = value;
    const nodePath = [process.env.NODE_PATH, join(ROOT, "node_modules")].filter(Boolean).join(delimiter);
    return {
        ...env,
        PULUMI_CONFIG: configJson(run.stack.config),
        PULUMI_CONFIG_SECRET_KEYS: "[]",
        // Packages the program has not installed come from this project, after its own.
        NODE_PATH: nodePath,
        // TypeScript is transpiled by the preload's hooks, not by the SDK's ts-node.
        PULUMI_NODEJS_TYPESCRIPT: "false",
        OFFLINE_PLAN_TYPESCRIPT: String(run.runtime.typescript),
    };
}

function childArgs(run: ChildRun): string[] {
    const { stack, server } = run;
    return [
        ...run.runtime.nodeargs,
        "--require",
        PRELOAD,
        runScript(run.dir),
        ...["--monitor", server.address, "--engine", server.address],
        ...["--organization", ORGANIZATION, "--project", stack.project, "--stack", stack.stack],
        ...["--pwd", run.dir, "--root-directory", run.dir],
        ...(run.preview ? ["--dry-run"] : []),
        ...["--parallel", PARALLEL],
        run.entry,
    ];
}

/** Runs the program once; resolves when the child has exited (or was killed at the bound). */
export async function runChild(run: ChildRun): Promise<ChildExit> {
    const node = await node22();
    const child = spawn(node, childArgs(run), { cwd: run.dir, env: childEnv(run), stdio: ["ignore", "pipe", "pipe"] });
    const killChild = () => child.kill("SIGKILL");
    process.once("exit", killChild);
    const lines: string[] = [];
    let pendingInChild: string[] | undefined;
    const take = (text: string) => {
        const marker = text.indexOf(PENDING_MARKER);
        if (marker >= 0) pendingInChild = JSON.parse(text.slice(marker + PENDING_MARKER.length)) as string[];
        const line = marker >= 0 ? text.slice(0, marker) : text;
        if (marker >= 0 && line === "") return;
        lines.push(line);
        if (lines.length > KEPT_LINES) lines.shift();
        run.onLine(line);
    };
    for (const stream of [child.stdout, child.stderr]) {
        let partial = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
            const parts = (partial + chunk).split(/\r?\n/);
            partial = parts.pop() ?? "";
            parts.forEach(take);
        });
        stream.on("end", () => partial && take(partial));
    }

    let timedOut: TimedOut | undefined;
    const timer = setTimeout(() => {
        // Ask the program's SDK what it still waits for, then end it.
        timedOut = { seconds: run.timeoutMs / 1000, monitorPending: run.server.pending(), programPending: [] };
        child.kill("SIGUSR2");
        setTimeout(killChild, 500).unref();
    }, run.timeoutMs);
    try {
        const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
            child.once("error", reject);
            child.once("close", (c, s) => resolve([c, s]));
        });
        if (timedOut) timedOut.programPending = pendingInChild ?? [];
        return { code, signal, lines, timedOut };
    } finally {
        clearTimeout(timer);
        process.off("exit", killChild);
    }
}
