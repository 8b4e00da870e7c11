// Remote components (awsx's) are opaque under mocks: the plan names them, and the result is
// "incomplete" (exit 4) unless --accept-incomplete; a failure still wins.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { runProgram } from "../../plan/runProgram";
import { loadStackConfig } from "../../plan/stackConfig";
import { CHILDREN_UNJUDGED_BY_OWN_PACK, OPAQUE_MEANING, opaqueComponents } from "../../plan/opaqueComponents";
import { exitCodeOf, planResult } from "../../plan/outcome";
import { T } from "../../policy/knowledge/types";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { sharedAnalyzer } from "../support/analyzer";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";
import { resourceRecord } from "../policy/harness";
import { writeTemp } from "../support/policyConfig";

/** Every policy advisory: what the awsx-<rule> policies find on the components' inputs does not fail the plan, so "incomplete" shows. */
const ADVISORY = () => writeTemp("advisory.json", JSON.stringify({ all: "advisory" }));

const PROGRAM = join(ROOT, "tests", "fixtures", "programs", "awsx-service");
const LB = { urn: "urn:pulumi:dev::awsx-demo::awsx:lb:ApplicationLoadBalancer::web", type: "awsx:lb:ApplicationLoadBalancer", name: "web" };
const SERVICE = { urn: "urn:pulumi:dev::awsx-demo::awsx:ecs:FargateService::web", type: "awsx:ecs:FargateService", name: "web" };

interface JsonPlan {
    result: string;
    acceptIncomplete: boolean;
    opaqueComponents: { urn: string; type: string; name: string; meaning: string }[];
    mandatoryViolations: number;
}

const byType = (a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type);

describe("plan --program: components the plan cannot see into", function () {
    this.timeout(180_000);

    for (const phase of ["preview", "up"]) {
        it(`awsx FargateService and ApplicationLoadBalancer: incomplete, exit 4, both named (--phase ${phase})`, async () => {
            const text = await cli(["--program", PROGRAM, "--phase", phase, "--policy-config", ADVISORY()]);
            assert.equal(text.code, 4, text.err);
            assert.match(text.out, /\nNot judged offline: 2 remote component\(s\); their children are judged only by a real `pulumi preview`:\n/);
            assert.match(text.out, /\n {2}- awsx:lb:ApplicationLoadBalancer web\n/);
            assert.match(text.out, /\n {2}- awsx:ecs:FargateService web\n/);
            assert.match(text.out, /The other \d+ policies pass on what the plan can see\./);
            assert.match(
                text.out,
                /\nResult: INCOMPLETE (at preview|after up): 2 component\(s\) not judged offline; run `pulumi preview` with the pack, or pass --accept-incomplete$/,
            );

            const json = await cli(["--program", PROGRAM, "--phase", phase, "--json", "--policy-config", ADVISORY()]);
            assert.equal(json.code, 4);
            const plan = JSON.parse(json.out) as JsonPlan;
            assert.equal(plan.result, "incomplete");
            assert.equal(plan.acceptIncomplete, false);
            assert.deepEqual(plan.opaqueComponents.sort(byType), [LB, SERVICE].map((c) => ({ ...c, meaning: OPAQUE_MEANING })).sort(byType));
        });
    }

    it("--accept-incomplete: the verdicts decide the exit code, and the components are still named", async () => {
        const text = await cli(["--program", PROGRAM, "--accept-incomplete", "--policy-config", ADVISORY()]);
        assert.equal(text.code, 0, text.err);
        assert.match(text.out, /\(accepted with --accept-incomplete\):\n {2}- awsx:lb:ApplicationLoadBalancer web\n {2}- awsx:ecs:FargateService web\n/);
        assert.match(text.out, /\nResult: pass at preview; 2 component\(s\) not judged offline \(accepted\)$/);
        const plan = JSON.parse((await cli(["--program", PROGRAM, "--accept-incomplete", "--json", "--policy-config", ADVISORY()])).out) as JsonPlan;
        assert.deepEqual([plan.result, plan.acceptIncomplete, plan.opaqueComponents.length], ["pass", true, 2]);
    });

    it("a failure wins over incomplete: exit 1", () => {
        const outcome = { mandatoryViolations: 1, limitProblems: [], opaqueComponents: [{ ...LB, meaning: OPAQUE_MEANING }], acceptIncomplete: false };
        assert.deepEqual([planResult(outcome), exitCodeOf(outcome)], ["fail", 1]);
        assert.deepEqual([planResult({ ...outcome, mandatoryViolations: 0 }), exitCodeOf({ ...outcome, mandatoryViolations: 0 })], ["incomplete", 4]);
    });

    it("a remote component with children (as a state holds it) is not opaque", () => {
        const component = { ...resourceRecord("awsx:ecs:FargateService", "web", {}), custom: false, remote: true };
        const child = { ...resourceRecord("aws:ecs/service:Service", "web", {}), parent: component.urn };
        assert.deepEqual(opaqueComponents([component, child], false), []);
        assert.deepEqual(
            opaqueComponents([component], false).map((c) => c.type),
            ["awsx:ecs:FargateService"],
        );
    });

    it("this project's program: awsx.ecr.Image is remote, and counts as opaque only with another pack", async () => {
        const run = await runProgram(ROOT, loadStackConfig(ROOT, "dev"), undefined, "preview");
        const image = run.resources.find((r) => r.type === "awsx:ecr:Image")!;
        assert.equal(image.remote, true);
        assert.equal(run.resources.filter((r) => r.remote).length, 1, "the image build is the program's only remote component");
        assert.deepEqual(opaqueComponents(run.resources, true), []);
        assert.deepEqual(
            opaqueComponents(run.resources, false).map((c) => c.type),
            ["awsx:ecr:Image"],
        );
    });

    it("awsx.ecr.Image's child (a docker-build Image; a docker Image in awsx 2.x) is judged by no rule of this pack, even with credentials and build args", async () => {
        assert.ok(
            !Object.values(T)
                .flat()
                .some((type) => type.startsWith("docker")),
            "no rule kind names a docker type",
        );
        // Each child as its component creates it; the registry password comes from an invoke:
        // unknown at preview, a token after up.
        const registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        const inputs: Record<string, (password: string) => object> = {
            "docker-build:index:Image": (password) => ({
                tags: [`${registry}/web:abc`],
                push: true,
                context: { location: "./app" },
                buildArgs: { DB_PASSWORD: "hunter2-not-a-real-one" },
                registries: [{ address: registry, username: "AWS", password }],
            }),
            "docker:index/image:Image": (password) => ({
                imageName: `${registry}/web:abc`,
                build: { context: "./app", args: { DB_PASSWORD: "hunter2-not-a-real-one" } },
                registry: { server: registry, username: "AWS", password },
            }),
        };
        assert.deepEqual(Object.keys(inputs), CHILDREN_UNJUDGED_BY_OWN_PACK["awsx:ecr:Image"]);
        const analyzer = await sharedAnalyzer();
        for (const [type, given] of Object.entries(inputs)) {
            for (const phase of ["preview", "up"] as const) {
                const records = [resourceRecord(type, "web-image", given(phase === "preview" ? ENGINE_UNKNOWN : "not-a-real-token"))];
                const evaluation = await analyzer.analyze(records, { phase, stack: { stack: "dev", project: "fargate-web", config: {} } });
                assert.deepEqual(evaluation.violations, [], `${type} ${phase}`);
            }
        }
    });

    it("the usage text documents every exit code", async () => {
        const { code, out } = await cli(["--help"]);
        assert.equal(code, 0);
        assert.match(out, /exit codes: 0 pass; 1 mandatory violations at the gate phase, or values AWS would reject;/);
        assert.match(out, /3 a bug or a limit of the offline plan; 4 incomplete/);
    });
});
