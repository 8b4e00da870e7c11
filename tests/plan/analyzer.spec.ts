// The analyzer client against @pulumi/policy's own server, started once from policy/index.ts.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { PolicyAnalyzer } from "../../plan/analyzer/client";
import { parsePolicyConfig, resolvePolicyConfig } from "../../plan/analyzer/policyConfig";
import { startPolicyServer } from "../../plan/analyzer/server";
import type { PackInfo, ResourceRecord, Violation } from "../../plan/analyzer/types";
import { SECRET_SIG, SIG_KEY, UNKNOWN, encodeProperties } from "../../plan/analyzer/wire";
import { PACK_NAME, policies } from "../../policy/policies";

const ROOT = join(__dirname, "..", "..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "policy", "package.json"), "utf8")) as { version: string }).version;
const PACK = `'${PACK_NAME}@v${VERSION}'`;
const SERVICE = "aws:ecs/service:Service";

const urnOf = (type: string, name: string) => `urn:pulumi:test::fargate-web::${type}::${name}`;

/** `deps` maps an input to the URNs of the resources that fed it, as the engine records them. */
function resource(type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): ResourceRecord {
    const dependencies = [...new Set(Object.values(propertyDependencies).flat())];
    return {
        urn: urnOf(type, name),
        type,
        name,
        custom: true,
        protect: false,
        inputs,
        outputs: { id: `${name}-id`, ...inputs },
        dependencies,
        propertyDependencies,
    };
}

const service = (name: string, extra: Record<string, unknown> = {}) =>
    resource(SERVICE, name, {
        cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/c",
        networkConfiguration: { assignPublicIp: true, subnets: ["subnet-1"] },
        ...extra,
    });

const of = (violations: Violation[], policy: string) => violations.filter((v) => v.policyName === policy);

/** A tiny network: a private subnet (NAT route) and a public one (IGW route), with the engine's property dependencies. */
const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const subnet = (name: string) => urnOf(SUBNET, name);
const table = (name: string) => urnOf(ROUTE_TABLE, name);
const network = (): ResourceRecord[] => [
    resource("aws:ec2/internetGateway:InternetGateway", "igw", { id: "igw-0abc" }),
    resource(SUBNET, "public", { mapPublicIpOnLaunch: false, id: "subnet-public" }),
    resource(SUBNET, "private", { mapPublicIpOnLaunch: false, id: "subnet-private" }),
    resource("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-public" }, { subnetId: [subnet("public")] }),
    resource(ROUTE_TABLE, "public-rt", {}),
    resource(
        "aws:ec2/route:Route",
        "public-default",
        { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" },
        { routeTableId: [table("public-rt")], gatewayId: [urnOf("aws:ec2/internetGateway:InternetGateway", "igw")] },
    ),
    resource("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-assoc", {}, { subnetId: [subnet("public")], routeTableId: [table("public-rt")] }),
    resource(ROUTE_TABLE, "private-rt", {}),
    resource(
        "aws:ec2/route:Route",
        "private-default",
        { destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-id" },
        { routeTableId: [table("private-rt")], natGatewayId: [urnOf("aws:ec2/natGateway:NatGateway", "nat")] },
    ),
    resource(
        "aws:ec2/routeTableAssociation:RouteTableAssociation",
        "private-assoc",
        {},
        { subnetId: [subnet("private")], routeTableId: [table("private-rt")] },
    ),
];

describe("plan: analyzer client (through @pulumi/policy's server)", () => {
    let analyzer: PolicyAnalyzer;
    const configure = (raw: Record<string, unknown>) => analyzer.configure(resolvePolicyConfig(analyzer.info, raw, "inline.json"));

    before(async () => {
        analyzer = await PolicyAnalyzer.start();
        console.log(`      (policy server started in ${analyzer.server.startMs.toFixed(0)} ms)`);
    });
    after(async () => analyzer?.close());

    it("GetAnalyzerInfo lists the pack's policies with their levels, kinds and schemas", () => {
        assert.equal(analyzer.info.name, PACK_NAME);
        assert.equal(analyzer.info.version, VERSION);
        assert.deepEqual(
            analyzer.info.policies.map((p) => p.name),
            policies.map((p) => p.name),
        );
        const byName = new Map(analyzer.info.policies.map((p) => [p.name, p]));
        assert.equal(byName.get("ecs-service-no-public-ip")?.type, "resource");
        assert.equal(byName.get("ecs-service-private-subnets")?.type, "stack");
        assert.equal(byName.get("log-group-kms")?.enforcementLevel, "advisory");
        assert.equal(byName.get("ecs-service-no-public-ip")?.severity, "high");
        assert.deepEqual(byName.get("security-group-no-world-ingress")?.configSchema?.properties.allowedWorldPorts, {
            type: "array",
            items: { type: "integer" },
            default: [80, 443],
        });
    });

    it("reports a violated rule at the level the config gives it", async () => {
        await configure({});
        const [mandatory] = of((await analyzer.analyze([service("web")], { phase: "up" })).violations, "ecs-service-no-public-ip");
        assert.equal(mandatory?.enforcementLevel, "mandatory");

        await configure({ "ecs-service-no-public-ip": "advisory" });
        const found = of((await analyzer.analyze([service("web")], { phase: "up" })).violations, "ecs-service-no-public-ip");
        assert.deepEqual(found, [
            {
                policyName: "ecs-service-no-public-ip",
                policyPackName: PACK_NAME,
                policyPackVersion: VERSION,
                enforcementLevel: "advisory",
                severity: "high",
                description: "ECS services and task sets must not assign public IPs to tasks.",
                // The server's message: the description, then what the rule reported.
                message:
                    "ECS services and task sets must not assign public IPs to tasks.\nweb: networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets.",
                urn: urnOf(SERVICE, "web"),
                unverifiable: false,
            },
        ]);
    });

    it('{"all": "disabled"} silences every resource and stack policy; a named policy overrides it', async () => {
        const records = [...network(), service("web", { networkConfiguration: { assignPublicIp: true, subnets: ["subnet-elsewhere"] } })];
        await configure({ all: "disabled" });
        assert.deepEqual(await analyzer.analyze(records, { phase: "up" }), { violations: [], remediations: [] });
        await configure({ all: "disabled", "ecs-service-private-subnets": "advisory" });
        const { violations } = await analyzer.analyze(records, { phase: "up" });
        assert.deepEqual(
            violations.map((v) => [v.policyName, v.enforcementLevel]),
            [["ecs-service-private-subnets", "advisory"]],
        );
        assert.match(violations[0]!.message, /subnet "?subnet-elsewhere"? is not in this stack and not in approvedPrivateSubnetIds/);
    });

    it("refuses a config file with a typo, an unknown policy or a wrongly typed setting, naming file and key", async () => {
        const dir = mkdtempSync(join(tmpdir(), "analyzer-config-"));
        const write = (name: string, body: unknown) => {
            const file = join(dir, name);
            writeFileSync(file, JSON.stringify(body));
            return file;
        };
        const typo = write("typo.json", { "ecs-service-no-public-ip": "mandatroy" });
        await assert.rejects(analyzer.configureFile(typo), {
            message: `${typo}: "ecs-service-no-public-ip": "mandatroy" is not an enforcement level; allowed: advisory, mandatory, remediate, disabled (did you mean "mandatory"?)`,
        });
        const unknown = write("unknown.json", { "ecs-service-no-publc-ip": "advisory" });
        await assert.rejects(analyzer.configureFile(unknown), (e: Error) => {
            assert.ok(e.message.startsWith(`${unknown}: "ecs-service-no-publc-ip" is not a policy of ${PACK_NAME}; allowed: all, ecs-service-no-public-ip, `));
            assert.ok(e.message.endsWith(' (did you mean "ecs-service-no-public-ip"?)'));
            return true;
        });
        const wrongType = write("type.json", { "security-group-no-world-ingress": { allowedWorldPorts: [80, "443"] } });
        await assert.rejects(analyzer.configureFile(wrongType), {
            message: `${wrongType}: "security-group-no-world-ingress": setting allowedWorldPorts[1] must be integer (got "443")`,
        });
    });

    it("resolves the shipped stack configs", async () => {
        for (const stack of ["dev", "staging", "prod"]) {
            const resolved = await analyzer.configureFile(join(ROOT, "policy", "config", `${stack}.json`));
            assert.equal(Object.keys(resolved).length, policies.length);
        }
        const dev = await analyzer.configureFile(join(ROOT, "policy", "config", "dev.json"));
        assert.deepEqual(dev["log-group-retention"], {
            enforcementLevel: "remediate",
            properties: { minimumRetentionDays: 7, defaultRetentionDays: 7, failClosedAtPreview: false, exemptions: [] },
        });
        assert.deepEqual(dev["security-group-no-world-ingress"], {
            enforcementLevel: "mandatory",
            properties: { allowedWorldPorts: [80, 443], failClosedAtPreview: false, exemptions: [] },
        });
    });

    it("at preview, a rule that reads an unknown value gives an advisory, unverifiable diagnostic", async () => {
        await configure({});
        const expected = `can't run policy 'ecs-task-awsvpc-network-mode' from policy pack ${PACK} during preview: string value at .networkMode can't be known during preview`;
        // The sentinel string as it travels, and the SDK's own unknown as a dry-run recording holds it.
        for (const networkMode of [UNKNOWN, pulumi.unknown]) {
            const task = resource("aws:ecs/taskDefinition:TaskDefinition", "task", { networkMode, family: "web" });
            const [diagnostic] = of((await analyzer.analyze([task], { phase: "preview" })).violations, "ecs-task-awsvpc-network-mode");
            assert.ok(diagnostic?.message.startsWith(expected), diagnostic?.message);
            assert.equal(diagnostic?.enforcementLevel, "advisory");
            assert.equal(diagnostic?.unverifiable, true);
            assert.equal(diagnostic?.urn, task.urn);
        }
        const task = resource("aws:ecs/taskDefinition:TaskDefinition", "task", { networkMode: UNKNOWN });
        await assert.rejects(analyzer.analyze([task], { phase: "up" }), /networkMode is unknown, but every value is known during up/);
    });

    it("at preview, a remediation that reads an unknown value gives a diagnostic, not a crash", async () => {
        await configure({ "log-group-retention": "remediate" });
        const logs = resource("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/ecs/web", retentionInDays: UNKNOWN });
        const { violations, remediations } = await analyzer.analyze([logs], { phase: "preview" });
        assert.deepEqual(remediations, []);
        const own = of(violations, "log-group-retention").map((v) => [v.enforcementLevel, v.unverifiable, v.message.split("\n").pop()!.split(";")[0]]);
        assert.deepEqual(own, [
            [
                "advisory",
                true,
                `can't run remediation 'log-group-retention' from policy pack ${PACK} during preview: string value at .retentionInDays can't be known during preview`,
            ],
            // Nothing was remediated, so Analyze reads the same unknown: the policy cannot run either.
            [
                "advisory",
                true,
                `can't run policy 'log-group-retention' from policy pack ${PACK} during preview: string value at .retentionInDays can't be known during preview`,
            ],
        ]);
    });

    it("AnalyzeStack follows property dependencies: a preview service's unknown subnets are proven from the graph", async () => {
        await configure({ all: "disabled", "ecs-service-private-subnets": "mandatory" });
        const preview = (deps: Record<string, string[]>) =>
            resource(SERVICE, "web", { cluster: "c", networkConfiguration: { assignPublicIp: false, subnets: [UNKNOWN] } }, deps);
        const run = async (svc: ResourceRecord) => (await analyzer.analyze([...network(), svc], { phase: "preview" })).violations;

        assert.deepEqual(await run(preview({ networkConfiguration: [subnet("private")] })), []);
        const [publicSubnet] = await run(preview({ networkConfiguration: [subnet("public")] }));
        assert.equal(publicSubnet?.enforcementLevel, "mandatory");
        assert.equal(publicSubnet?.urn, urnOf(SERVICE, "web"));
        assert.match(
            publicSubnet?.message ?? "",
            /web: runs in subnet public, which is public: route public-default in public-rt sends .* to an internet gateway/,
        );
        const [unverifiable] = await run(preview({}));
        assert.equal(unverifiable?.unverifiable, true);
        assert.equal(unverifiable?.enforcementLevel, "advisory");
        assert.match(unverifiable?.message ?? "", /string value at \.(web\.)?networkConfiguration\.subnets(\.0)? can't be known during preview/);
    });

    it("secrets travel in the SDK's secret encoding and policies read their values", async () => {
        await configure({});
        const secret = { [SIG_KEY]: SECRET_SIG, value: { assignPublicIp: true, subnets: ["subnet-1"] } };
        const found = of((await analyzer.analyze([service("web", { networkConfiguration: secret })], { phase: "up" })).violations, "ecs-service-no-public-ip");
        assert.equal(found.length, 1);
    });

    // Growth to 10,000 resources is measured by npm run bench; here, that a large stack is judged whole.
    it("analyses 1,000 resources", async () => {
        const n = 1_000;
        await configure({});
        const records = Array.from({ length: n }, (_, i) =>
            i % 2 === 0
                ? service(`svc-${i}`, { tags: { app: "web", environment: "dev" } })
                : resource("aws:cloudwatch/logGroup:LogGroup", `lg-${i}`, { retentionInDays: 7, tags: { app: "web", environment: "dev" } }),
        );
        const { violations } = await analyzer.analyze(records, { phase: "up" });
        assert.equal(of(violations, "ecs-service-no-public-ip").length, n / 2);
    });
});

describe("plan: analyzer server process", () => {
    it("close() ends the pack process", async () => {
        const server = await startPolicyServer();
        assert.doesNotThrow(() => process.kill(server.pid, 0));
        await server.close();
        assert.throws(() => process.kill(server.pid, 0), { code: "ESRCH" });
    });

    it("a pack that fails to start is reported with its output", async () => {
        await assert.rejects(
            startPolicyServer({ entry: "no-such-entry.ts", mode: "ts-node" }),
            /exited \(code 1\) before printing its port:[\s\S]*no-such-entry/,
        );
    });
});

// A stand-in pack for the pure config functions: no server needed.
const PACK_INFO: PackInfo = {
    name: "demo-pack",
    version: "1.0.0",
    initialConfig: {},
    policies: [
        { name: "no-public-ip", description: "", type: "resource", enforcementLevel: "mandatory" },
        { name: "kms", description: "", type: "resource", enforcementLevel: "advisory" },
        {
            name: "retention",
            description: "",
            type: "resource",
            enforcementLevel: "mandatory",
            configSchema: { properties: { days: { type: "integer", minimum: 1, default: 30 }, mode: { enum: ["strict", "lax"] } }, required: ["days"] },
        },
    ],
};

describe("plan: policy config resolution", () => {
    const resolve = (raw: Record<string, unknown>) => resolvePolicyConfig(PACK_INFO, raw, "dev.json");

    it("fills schema defaults and the policies' own levels", () => {
        assert.deepEqual(resolve({}), {
            "no-public-ip": { enforcementLevel: "mandatory", properties: {} },
            kms: { enforcementLevel: "advisory", properties: {} },
            retention: { enforcementLevel: "mandatory", properties: { days: 30 } },
        });
    });

    it('applies "all" before the per-policy entries, and keeps it as the CLI sends it', () => {
        assert.deepEqual(resolve({ all: "advisory", retention: { days: 7 }, kms: "mandatory" }), {
            "no-public-ip": { enforcementLevel: "advisory", properties: {} },
            kms: { enforcementLevel: "mandatory", properties: {} },
            retention: { enforcementLevel: "advisory", properties: { days: 7 } },
            all: { enforcementLevel: "advisory", properties: {} },
        });
    });

    it("applies the pack's initial config between the defaults and the file", () => {
        const pack = { ...PACK_INFO, initialConfig: { kms: { enforcementLevel: "disabled" as const }, retention: { properties: { days: 90 } } } };
        const resolved = resolvePolicyConfig(pack, { retention: "advisory" }, "dev.json");
        assert.deepEqual(
            [resolved.kms, resolved.retention],
            [
                { enforcementLevel: "disabled", properties: {} },
                { enforcementLevel: "advisory", properties: { days: 90 } },
            ],
        );
    });

    it("refuses bad levels, unknown policies and settings, and schema violations, all at once", () => {
        assert.throws(
            () => resolve({ kms: { enforcementLevel: "advisroy" }, "no-public-ipp": "mandatory", retention: { days: 0, mode: "loose", dayz: 3 }, all: 5 }),
            {
                message: [
                    'dev.json: "all": 5 is not valid; use an enforcement level or an object of settings',
                    'dev.json: "kms": "advisroy" is not an enforcement level; allowed: advisory, mandatory, remediate, disabled (did you mean "advisory"?)',
                    'dev.json: "no-public-ipp" is not a policy of demo-pack; allowed: all, no-public-ip, kms, retention (did you mean "no-public-ip"?)',
                    'dev.json: "retention": "dayz" is not a setting of this policy; allowed: days, mode (did you mean "days"?)',
                    'dev.json: "retention": setting days must be >= 1 (got 0)',
                    'dev.json: "retention": setting mode must be equal to one of the allowed values (got "loose"); allowed: "strict", "lax"',
                ].join("\n"),
            },
        );
        assert.throws(() => resolve({ kms: { depth: 1 } }), { message: 'dev.json: "kms": "depth" is not a setting of this policy; it has no settings' });
        assert.throws(() => resolve({ kms: ["mandatory"] }), {
            message: 'dev.json: "kms": ["mandatory"] is not valid; use an enforcement level or an object of settings',
        });
    });

    it("refuses malformed JSON and files that are not objects, naming the file", () => {
        assert.throws(() => parsePolicyConfig("{ not json", "policy/config/dev.json"), /^Error: policy\/config\/dev.json: not valid JSON: /);
        assert.throws(() => parsePolicyConfig("null", "policy/config/dev.json"), {
            message: "policy/config/dev.json: must be a JSON object of policy names to settings, not null",
        });
        assert.throws(() => parsePolicyConfig("[]", "x.json"), /x.json: must be a JSON object/);
        // The CLI reads an empty file as no config; the plan names it, since it is most likely a mistake.
        assert.throws(() => parsePolicyConfig("  \n", "empty.json"), {
            message: "empty.json: the file is empty; allowed: a JSON object of policy names to settings ({} for the pack's defaults)",
        });
    });
});

describe("plan: analyzer wire encoding", () => {
    const opts = { phase: "preview" as const, skipInternalKeys: true, where: "urn:test" };

    it("uses the SDK's wire constants", () => {
        assert.deepEqual([UNKNOWN, SIG_KEY, SECRET_SIG], [rpc.unknownValue, rpc.specialSigKey, rpc.specialSecretSig]);
    });

    it("encodes unknowns, secrets, undefined and internal keys as the engine does", async () => {
        const encoded = await encodeProperties(
            {
                __defaults: ["x"],
                a: pulumi.unknown,
                b: { [SIG_KEY]: SECRET_SIG, value: { c: UNKNOWN, d: undefined } },
                e: [1, undefined, null],
                f: undefined,
                g: pulumi.secret("s"),
                h: pulumi.output("known"),
            },
            opts,
        );
        assert.deepEqual(encoded, {
            a: UNKNOWN,
            b: { [SIG_KEY]: SECRET_SIG, value: { c: UNKNOWN } },
            e: [1, null, null],
            g: { [SIG_KEY]: SECRET_SIG, value: "s" },
            h: "known",
        });
        assert.deepEqual(await encodeProperties({ __meta: 1 }, { ...opts, skipInternalKeys: false }), { __meta: 1 });
    });
});
