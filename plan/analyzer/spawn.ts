// Spawns the policy pack as the CLI does — a Node process running the pack program, whose
// PolicyPack prints the port of @pulumi/policy's gRPC server on stdout — and waits for the port.
// Three ways to run the program: the plan's cached transpiled copy, ts-node, or the CLI's own runner.
// Light on purpose (no gRPC, no SDK): a CLI can start the pack first and load the rest meanwhile.
import { ChildProcess, spawn } from "node:child_process";
import { dirname, join, delimiter, resolve, sep } from "node:path";
import { CACHE_ROOT, buildGuard, buildPack } from "./packBuild";
import { node22 } from "./node22";

export interface StartOptions {
    /** The pack's directory (holds package.json, whose version the pack reports). Default: <repo>/policy. */
    packDir?: string;
    /** The pack program, relative to packDir. Default: index.ts; with the cli mode, `.` (package.json's main). */
    entry?: string;
    /**
     * compiled: a cached transpiled copy (fastest); ts-node: ts-node's transpile-only mode;
     * cli: the pack's own @pulumi/pulumi/cmd/run-policy-pack, as `pulumi preview --policy-pack` starts it.
     */
    mode?: "compiled" | "ts-node" | "cli";
    /** Give up on the port after this long. */
    timeoutMs?: number;
    env?: NodeJS.ProcessEnv;
}

export interface SpawnedPack {
    child: ChildProcess;
    port: number;
    /** Spawn to port, in ms. */
    startMs: number;
    /** What the pack printed (its last 64 KiB), for error messages. */
    output(): string;
    stop(): Promise<void>;
}

const REPO = join(__dirname, "..", "..");
/** The preload that defers the SDK packages a process never uses (plan/host/loader/deferredModules.js). */
export const DEFER_SDK = join(REPO, "plan", "host", "loader", "deferSdk.js");

export const packDirOf = (options: StartOptions) => resolve(options.packDir ?? join(REPO, "policy")); // absolute: the pack's cwd

/** Node's lookup directories for packDir, so a copy elsewhere resolves the pack's dependencies. */
const nodePath = (dir: string): string[] => (dir === dirname(dir) ? [] : [join(dir, "node_modules"), ...nodePath(dirname(dir))]);

/** `id` from dir's own node_modules or its ancestors' (not from this process's NODE_PATH, which a program run may extend). */
const resolveFrom = (id: string, dir: string): string | undefined => {
    try {
        const found = require.resolve(id, { paths: [dir] });
        return nodePath(dir).some((modules) => found.startsWith(modules + sep)) ? found : undefined;
    } catch {
        return undefined;
    }
};

/** How to start a pack: this project's own through its cached transpiled copy; any other as the Pulumi CLI does. */
export const packModeFor = (packDir: string): StartOptions["mode"] => (resolve(packDir) === packDirOf({}) ? undefined : "cli");

export async function spawnPack(options: StartOptions = {}): Promise<SpawnedPack> {
    const packDir = packDirOf(options);
    const entry = options.entry ?? (options.mode === "cli" ? "." : "index.ts");
    const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: join(CACHE_ROOT, "v8"), ...process.env, ...options.env };
    let args: string[];
    if (options.mode === "cli") {
        // `<runner> <engine address> <program>` in the pack's directory, with the shell's environment:
        // none of this process's compile cache, loaders or ts-node settings. The guard only ends the
        // pack with its parent; it loads nothing else.
        const own = resolveFrom("@pulumi/pulumi/cmd/run-policy-pack", packDir);
        args = ["-r", buildGuard(), own ?? require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:0", entry];
        for (const key of Object.keys(env)) if (/^(NODE_COMPILE_CACHE|NODE_OPTIONS|NODE_PATH|TS_NODE_.*)$/.test(key)) delete env[key];
        // A pack without its own dependencies (no node_modules) borrows this project's, as a program does.
        if (own === undefined) env.NODE_PATH = nodePath(REPO).join(delimiter);
        Object.assign(env, options.env);
    } else if (options.mode === "ts-node") {
        args = ["-r", "ts-node/register/transpile-only", "-r", join(__dirname, "packGuard.ts"), entry];
        env.TS_NODE_PROJECT = join(packDir, "tsconfig.json");
    } else {
        const built = buildPack(packDir, entry);
        // The CLI's way (mode cli) loads the SDK whole; this one defers what the pack never uses.
        args = ["--enable-source-maps", "-r", built.guard, "-r", DEFER_SDK, built.entry];
        env.NODE_PATH = [...nodePath(packDir), env.NODE_PATH].filter(Boolean).join(delimiter);
    }
    const node = await node22();
    const started = performance.now();
    const child = spawn(node, args, { cwd: packDir, env, stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.on("error", () => undefined); // EPIPE once the pack has gone; its exit is reported instead
    let tail = "";
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-65536));
    child.stderr.on("data", keep);
    // Killing the child with this process covers a caller that never closes; the guard covers SIGKILL.
    const killOnExit = () => child.kill("SIGKILL");
    process.on("exit", killOnExit);
    const stopIt = async () => {
        await stop(child);
        process.off("exit", killOnExit);
    };
    try {
        const port = await readPort(child, options.timeoutMs ?? 60_000, keep, () => tail);
        return { child, port, startMs: performance.now() - started, output: () => tail, stop: stopIt };
    } catch (e) {
        await stopIt();
        throw e;
    }
}

const prestarted = new Map<string, Promise<SpawnedPack>>();

/** Starts the pack now, for the next startPolicyServer of the same pack directory to take. */
export function prestartPack(options: StartOptions = {}): void {
    const spawned = spawnPack(options);
    spawned.catch(() => undefined); // reported to whoever takes it
    prestarted.set(`${packDirOf(options)}\0${options.mode ?? ""}`, spawned);
}

/** The prestarted pack of this directory, once. */
export function takePrestarted(options: StartOptions): Promise<SpawnedPack> | undefined {
    const key = `${packDirOf(options)}\0${options.mode ?? ""}`;
    const spawned = prestarted.get(key);
    prestarted.delete(key);
    return options.entry === undefined && options.env === undefined ? spawned : undefined;
}

/** The first line of stdout that is a number is the port; the pack may print other lines first. */
function readPort(child: ChildProcess, timeoutMs: number, keep: (chunk: Buffer) => void, output: () => string): Promise<number> {
    return new Promise((resolve, reject) => {
        let buffered = "";
        const done = (error?: Error, port?: number) => {
            clearTimeout(timer);
            child.off("exit", onExit).off("error", onError);
            child.stdout!.off("data", onData).on("data", keep);
            if (error) reject(error);
            else resolve(port!);
        };
        const onData = (chunk: Buffer) => {
            buffered += chunk.toString();
            const lines = buffered.split("\n");
            buffered = lines.pop()!;
            for (const line of lines) {
                if (/^\d+$/.test(line.trim())) return done(undefined, Number(line.trim()));
                keep(Buffer.from(`${line}\n`));
            }
        };
        const onExit = (code: number | null, signal: string | null) =>
            done(new Error(`the policy pack exited (${signal ?? `code ${code}`}) before printing its port:\n${output()}`));
        const onError = (error: Error) => done(new Error(`could not start the policy pack: ${error.message}`));
        const timer = setTimeout(() => done(new Error(`the policy pack printed no port within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
        child.stdout!.on("data", onData);
        child.on("exit", onExit).on("error", onError);
    });
}

/** Ends the pack: EOF on stdin and SIGTERM let it exit normally; SIGKILL if it has not within 3 s. */
function stop(child: ChildProcess): Promise<void> {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        child.once("exit", () => {
            clearTimeout(timer);
            resolve();
        });
        child.stdin?.end();
        child.kill("SIGTERM");
    });
}
