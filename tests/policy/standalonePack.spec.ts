// The pack on its own, as someone outside this repository gets it: `policy/` copied away without
// its dependencies or build, installed (the install builds the JavaScript: `prepare`), packed the
// way `pulumi policy publish` packs a Node.js pack (npm pack), unpacked, installed from the npm
// registry with nothing from this repository, started as the Pulumi CLI starts it (Node runs the
// pack's own @pulumi/pulumi/cmd/run-policy-pack in the pack directory with `<engine> .`, which
// loads package.json's main, the compiled pack, and prints the gRPC port), then driven over the
// analyzer protocol: GetAnalyzerInfo, Configure (with schema defaults, as the CLI sends them) and Analyze.
import { strict as assert } from "node:assert";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/analyzer_pb";
import { RETIRING_TAG } from "../../policy/knowledge/lifecycle";
import { policies } from "../../policy/policies";
import { ROOT } from "../support/mocks";

const PACK = join(ROOT, "policy");
/** The pack's compiled output (package.json's main lives there), built on install and pack. */
const COMPILED = "bin";
const PACKAGE = JSON.parse(readFileSync(join(PACK, "package.json"), "utf8")) as { name: string; version: string };

/** The environment a user's shell has: none of this test run's npm or ts-node settings. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|TS_NODE_|INIT_CWD$|NODE_OPTIONS$)/i.test(k)));

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, env: cleanEnv(), encoding: "utf8", stdio: "pipe" });

/** Files under `dir`, relative, as npm pack lists them. */
const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)));

/** Waits for the port the policy server prints on stdout; fails with its stderr if it exits first. */
function portOf(child: ChildProcess): Promise<number> {
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (d: Buffer) => {
            out += d.toString();
            const port = /^(\d+)\s*$/m.exec(out);
            if (port) resolve(Number(port[1]));
        });
        child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
        child.on("exit", (code) => reject(new Error(`policy pack exited (${code}) before printing its port:\n${err}${out}`)));
    });
}

const call = <Req, Res>(fn: (req: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => unknown, req: Req) =>
    new Promise<Res>((resolve, reject) => fn(req, (e, r) => (e ? reject(e) : resolve(r))));

type Overrides = Record<string, { level: proto.EnforcementLevel; properties?: Record<string, unknown> }>;

/**
 * Configure as the CLI does before any Analyze: every policy of the pack, its enforcement level
 * (overridden or its own) and its config schema's defaults under the overridden properties.
 */
async function configure(client: AnalyzerClient, overrides: Overrides = {}): Promise<void> {
    const info = await call<Empty, proto.AnalyzerInfo>(client.getAnalyzerInfo.bind(client), new Empty());
    const request = new proto.ConfigureAnalyzerRequest();
    for (const policy of info.getPoliciesList()) {
        const schema = (policy.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, { default?: unknown }>;
        const defaults = Object.fromEntries(Object.entries(schema).flatMap(([key, s]) => (s.default === undefined ? [] : [[key, s.default]])));
        const override = overrides[policy.getName()];
        const entry = new proto.PolicyConfig();
        entry.setEnforcementlevel(override?.level ?? policy.getEnforcementlevel());
        entry.setProperties(Struct.fromJavaScript({ ...defaults, ...override?.properties } as never));
        request.getPolicyconfigMap().set(policy.getName(), entry);
    }
    await call(client.configure.bind(client), request);
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>): proto.AnalyzeRequest {
    const req = new proto.AnalyzeRequest();
    req.setUrn(`urn:pulumi:dev::consumer::${type}::${name}`);
    req.setType(type);
    req.setName(name);
    req.setProperties(Struct.fromJavaScript(props as never));
    req.setOptions(new proto.AnalyzerResourceOptions());
    return req;
}

describe("the pack installed and run on its own", function () {
    this.timeout(600_000); // an install from the npm registry, two builds
    let work: string;
    let installed: string;
    let copy: string;
    let packedFiles: string[];
    let child: ChildProcess | undefined;
    let client: AnalyzerClient;

    before(async () => {
        work = mkdtempSync(join(tmpdir(), "standalone-pack-"));
        copy = join(work, "copy");
        cpSync(PACK, copy, { recursive: true, filter: (src) => !["node_modules", COMPILED].includes(relative(PACK, src)) });
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], copy);
        // The install's prepare has just built it: packing builds nothing again.
        const [packed] = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], copy)) as {
            filename: string;
            files: { path: string }[];
        }[];
        packedFiles = packed!.files.map((f) => f.path);
        installed = join(work, "installed");
        mkdirSync(installed);
        run("tar", ["-xzf", join(work, packed!.filename), "-C", installed, "--strip-components=1"], work);
        // The install there must build the pack itself. Its dependencies are the ones the first
        // install took from the registry (moved, not fetched and unpacked again); npm still checks
        // them against package.json and runs prepare.
        rmSync(join(installed, COMPILED), { recursive: true });
        renameSync(join(copy, "node_modules"), join(installed, "node_modules"));
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], installed);

        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [installed] });
        assert.ok(runner.startsWith(installed), `the pack's own SDK runs it, not ${runner}`);
        child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: installed, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
        const port = await portOf(child);
        client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        await configure(client);
    });

    after(() => {
        client?.close();
        child?.kill();
        if (work) rmSync(work, { recursive: true, force: true });
    });

    it("a standalone npm install builds the pack to JavaScript, and package.json's main is the compiled entry", () => {
        const main = (JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { main: string }).main;
        assert.equal(main, `${COMPILED}/index.js`);
        assert.ok(existsSync(join(copy, main)), "npm install in a copy of the pack built it");
        assert.ok(existsSync(join(installed, main)), "npm install of the unpacked tarball (its compiled files removed) built it");
        assert.equal(require.resolve(installed), join(installed, main), "what the CLI's runner loads for `.`");
    });

    it("the published tarball holds every source file of the pack and its compiled JavaScript, nothing else", () => {
        const sources = filesUnder(PACK).filter((f) => !f.startsWith("node_modules") && !f.startsWith(`${COMPILED}/`));
        const compiled = filesUnder(join(copy, COMPILED)).map((f) => join(COMPILED, f));
        assert.ok(compiled.includes(join(COMPILED, "index.js")));
        assert.ok(!compiled.some((f) => f.endsWith(".ts")), "no TypeScript among the compiled files");
        assert.deepEqual([...packedFiles].sort(), [...sources, ...compiled].sort());
    });

    it("installs its own TypeScript 5 and Node types (its build needs them) and ts-node (the CLI's runner registers it for any Node.js pack)", () => {
        const version = (pkg: string) =>
            (JSON.parse(readFileSync(join(installed, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
        assert.match(version("typescript"), /^5\./);
        assert.match(version("ts-node"), /^10\./);
        assert.match(version("@types/node"), /^22\./);
    });

    it("GetAnalyzerInfo: name, version and every policy", async () => {
        const info = await call<Empty, proto.AnalyzerInfo>(client.getAnalyzerInfo.bind(client), new Empty());
        assert.equal(info.getName(), "fargate-web-policy");
        assert.equal(info.getVersion(), PACKAGE.version);
        assert.equal(info.getSupportsconfig(), true);
        assert.deepEqual(
            info
                .getPoliciesList()
                .map((p) => p.getName())
                .sort(),
            policies.map((p) => p.name).sort(),
        );
    });

    it("Analyze gates a resource: a public IP is a mandatory violation, a private service passes", async () => {
        const service = "aws:ecs/service:Service";
        const bad = await call<proto.AnalyzeRequest, proto.AnalyzeResponse>(
            client.analyze.bind(client),
            analyzeRequest(service, "web", { networkConfiguration: { assignPublicIp: true, subnets: ["subnet-1"] } }),
        );
        const found = bad.getDiagnosticsList().filter((d) => d.getPolicyname() === "ecs-service-no-public-ip");
        assert.equal(found.length, 1);
        assert.equal(found[0]!.getEnforcementlevel(), proto.EnforcementLevel.MANDATORY);
        assert.equal(found[0]!.getPolicypackname(), "fargate-web-policy");
        assert.match(found[0]!.getMessage(), /web: networkConfiguration\.assignPublicIp is true; tasks get public IPs/);
        const good = await call<proto.AnalyzeRequest, proto.AnalyzeResponse>(
            client.analyze.bind(client),
            analyzeRequest(service, "web", {
                networkConfiguration: { assignPublicIp: false, subnets: ["subnet-1"], securityGroups: ["sg-1"] },
                tags: { app: "web", environment: "dev" },
            }),
        );
        assert.deepEqual(
            good.getDiagnosticsList().map((d) => d.getPolicyname()),
            [],
        );
    });

    it("Configure: prod's deletion-protection config, honouring the retiring tag", async () => {
        await configure(client, { "alb-deletion-protection": { level: proto.EnforcementLevel.MANDATORY, properties: { exemptTag: RETIRING_TAG } } });

        const alb = "aws:lb/loadBalancer:LoadBalancer";
        const verdicts = async (props: Record<string, unknown>) =>
            (await call<proto.AnalyzeRequest, proto.AnalyzeResponse>(client.analyze.bind(client), analyzeRequest(alb, "edge", props)))
                .getDiagnosticsList()
                .filter((d) => d.getPolicyname() === "alb-deletion-protection")
                .map((d) => d.getEnforcementlevel());
        const base = { loadBalancerType: "application", dropInvalidHeaderFields: true, enableDeletionProtection: false };
        assert.deepEqual(await verdicts(base), [proto.EnforcementLevel.MANDATORY]);
        assert.deepEqual(await verdicts({ ...base, tags: { [RETIRING_TAG]: "true" } }), []);
        assert.deepEqual(await verdicts({ ...base, enableDeletionProtection: true }), []);
    });
});
