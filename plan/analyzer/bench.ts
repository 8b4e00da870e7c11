// Measures the analyzer: pack start time by start mode, and resources/s through the real server.
// Run: node scripts/node22.js plan/analyzer/bench.ts [runs]
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PolicyAnalyzer } from "./client";
import { startPolicyServer } from "./server";
import type { ResourceRecord } from "./types";

const runs = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU ms of a process: ours from Node, the server's from /proc (Linux). */
const cpuOf = (pid: number) => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
};
const ownCpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
};

const urn = (type: string, name: string) => `urn:pulumi:bench::fargate-web::${type}::${name}`;
const record = (type: string, name: string, inputs: Record<string, unknown>): ResourceRecord => ({
    urn: urn(type, name),
    type,
    name,
    custom: true,
    protect: false,
    inputs,
    outputs: { id: `${name}-id`, ...inputs },
    dependencies: [],
    propertyDependencies: {},
});
const tags = { app: "web", environment: "bench" };
const KINDS = [
    (i: number) =>
        record("aws:ecs/service:Service", `svc-${i}`, { cluster: "c", networkConfiguration: { assignPublicIp: i % 2 === 0, subnets: ["subnet-a"] }, tags }),
    (i: number) =>
        record("aws:ec2/securityGroup:SecurityGroup", `sg-${i}`, {
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
            tags,
        }),
    (i: number) => record("aws:cloudwatch/logGroup:LogGroup", `lg-${i}`, { retentionInDays: 7, tags }),
    (i: number) => record("aws:iam/role:Role", `role-${i}`, { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }), tags }),
];

async function startTimes() {
    for (const mode of ["compiled", "ts-node"] as const) {
        for (const cache of ["cold V8 cache", "warm V8 cache"]) {
            const dir = mkdtempSync(join(tmpdir(), "v8-cache-"));
            const times: number[] = [];
            for (let i = 0; i < runs; i++) {
                // A fresh cache directory each time for cold; one shared (filled by the first run) for warm.
                const env = { NODE_COMPILE_CACHE: cache.startsWith("cold") ? mkdtempSync(join(tmpdir(), "v8-cache-")) : dir };
                const server = await startPolicyServer({ mode, env });
                times.push(server.startMs);
                await server.close();
            }
            console.log(`start ${mode}, ${cache}: median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`);
        }
    }
}

async function throughput() {
    const analyzer = await PolicyAnalyzer.start();
    try {
        for (const config of [undefined, join(__dirname, "..", "..", "policy", "config", "dev.json")]) {
            await analyzer.configureFile(config);
            for (const n of [1_000, 10_000]) {
                const records = Array.from({ length: n }, (_, i) => KINDS[i % KINDS.length]!(i));
                for (let i = 0; i < Math.min(runs, 3); i++) {
                    const [server, own, started] = [cpuOf(analyzer.server.pid), ownCpu(), performance.now()];
                    const result = await analyzer.analyze(records, { phase: "up" });
                    const seconds = (performance.now() - started) / 1000;
                    console.log(
                        `${config ? "dev.json" : "defaults"} ${n} resources: ${seconds.toFixed(2)} s, ${Math.round(n / seconds)} resources/s ` +
                            `(server CPU ${cpuOf(analyzer.server.pid) - server} ms, client CPU ${(ownCpu() - own).toFixed(0)} ms; ` +
                            `${result.violations.length} violations, ${result.remediations.length} remediations)`,
                    );
                }
            }
        }
    } finally {
        await analyzer.close();
    }
}

startTimes()
    .then(throughput)
    .catch((e: unknown) => {
        console.error(e);
        process.exitCode = 1;
    });
