// --sarif: the gate phase's findings as SARIF 2.1.0, validated by the official schema, each result at
// the line of the program that declared the resource (read back from the program's own files).
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log, Result } from "sarif";
import { sarifLog } from "../../plan/sarif";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { sarifErrors } from "../support/sarifSchema";
import { stackPlan } from "../support/stackPlans";

const TUTORIAL = join(ROOT, "tests", "fixtures", "programs", "tutorial");
const SHIPPED = readdirSync(join(ROOT, "tests", "golden"))
    .map((f) => /^plan-(.+)\.txt$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);

const locationOf = (r: Result) => {
    const physical = r.locations?.[0]?.physicalLocation;
    return { uri: physical?.artifactLocation?.uri ?? "", line: physical?.region?.startLine ?? 0 };
};
const lineOf = (dir: string, r: Result) => {
    const { uri, line } = locationOf(r);
    return readFileSync(join(dir, uri), "utf8").split("\n")[line - 1] ?? "";
};
/** `aws:ec2/securityGroup:SecurityGroup` → `SecurityGroup`: the class the program constructs. */
const classOf = (type: string) => type.split(":").pop()!;

function assertDeclaredAt(log: Log, dir: string, types: Map<string, string>): void {
    for (const r of log.runs[0]!.results!) {
        const urn = r.properties?.urn as string | null;
        const line = lineOf(dir, r);
        if (urn === null) continue; // a stack-level finding: placed at the program's entry
        const type = types.get(urn)!;
        assert.match(line, new RegExp(`new [\\w.]*\\b${classOf(type)}\\(`), `${r.ruleId} on ${urn} points at ${JSON.stringify(line)}`);
    }
}

describe("plan --sarif", function () {
    this.timeout(240_000);

    for (const stack of SHIPPED) {
        it(`${stack}: valid SARIF 2.1.0, one rule per policy, each result at the line that declared its resource`, async () => {
            const plan = await stackPlan(stack);
            const log = sarifLog(plan, { docsBaseUrl: "https://github.com/example/fargate-web/blob/0123abc/" });
            assert.deepEqual(sarifErrors(log), []);
            const run = log.runs[0]!;
            assert.deepEqual(
                run.tool.driver.rules!.map((r) => r.id),
                plan.pack.policies.map((p) => p.name),
            );
            for (const rule of run.tool.driver.rules!) {
                assert.ok(rule.shortDescription?.text, `${rule.id} has its description`);
                assert.equal(rule.helpUri, `https://github.com/example/fargate-web/blob/0123abc/docs/policies.md#${rule.id}`);
                assert.ok((rule.properties?.anchors as string[]).length > 0, `${rule.id} lists its anchors`);
            }
            const gate = plan.phases[plan.gate]!.evaluation.violations;
            assert.equal(run.results!.length, gate.length);
            assertDeclaredAt(log, ROOT, new Map(plan.resources.map((r) => [r.urn, r.type])));
            for (const r of run.results!) {
                assert.equal(r.properties?.stack, stack);
                assert.match(locationOf(r).uri, /^(components|app)\/[\w/]+\.ts$|^index\.ts$/, "relative to the repository root");
            }
        });
    }

    it("a failing program: mandatory findings are errors, advisory ones warnings, at the declaring line (the CLI writes the file)", async () => {
        const file = join(mkdtempSync(join(tmpdir(), "sarif-")), "plan.sarif");
        const { code, err } = await cli(["--program", TUTORIAL, "--sarif", file]);
        assert.equal(code, 1, err);
        const log = JSON.parse(readFileSync(file, "utf8")) as Log;
        assert.deepEqual(sarifErrors(log), []);
        const results = log.runs[0]!.results!;
        assert.ok(results.some((r) => r.level === "error") && results.some((r) => r.level === "warning"));
        const source = readFileSync(join(TUTORIAL, "index.ts"), "utf8").split("\n");
        for (const r of results) {
            const urn = r.properties?.urn as string | null;
            if (urn === null) continue;
            const name = urn.split("::").pop()!;
            assert.equal(locationOf(r).uri, "index.ts");
            assert.match(source[locationOf(r).line - 1]!, new RegExp(`new aws\\.\\w+\\.\\w+\\("${name}"`), `${r.ruleId} on ${name}`);
        }
        // The wildcard grant: the RolePolicy's own line, found in the file rather than hard-coded.
        const wildcard = results.find((r) => r.ruleId === "iam-no-wildcard-resource" && String(r.properties?.urn).endsWith("::task-s3"));
        assert.ok(wildcard, JSON.stringify(results.map((r) => r.ruleId)));
        assert.equal(wildcard.level, "error");
        assert.equal(locationOf(wildcard).line, source.findIndex((l) => l.includes('new aws.iam.RolePolicy("task-s3"')) + 1);
        assert.equal(wildcard.properties?.stack, "dev");
        assert.match(wildcard.message.text!, /^iam-no-wildcard-resource: task-s3: /);
    });

    it("a file it cannot write is the user's error, naming the file", async () => {
        const { code, err } = await cli(["--program", TUTORIAL, "--phase", "preview", "--sarif", join(TUTORIAL, "no-such-dir", "plan.sarif")]);
        assert.equal(code, 2);
        assert.match(err, /no-such-dir\/plan\.sarif: cannot write the SARIF file \(ENOENT\)/);
    });
});
