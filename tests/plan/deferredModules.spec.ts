// A program's process defers the SDK packages most programs never use (plan/host/loader/deferredModules.js):
// each loads on first use, and code that uses it sees the real package, however its import was compiled.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import { sharedAnalyzer } from "../support/analyzer";
import { ROOT } from "../support/mocks";

interface StandIns {
    moduleStandIn(load: () => unknown): Record<string, unknown>;
    namedExportsStandIn(load: () => unknown): Record<string, unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { moduleStandIn, namedExportsStandIn } = require("../../plan/host/loader/deferredModules.js") as StandIns;

class Tree {
    constructor(readonly path: string) {}
}
/** A package's exports as CommonJS gives them: a class with its named exports on it. */
const packageExports = Object.assign(Tree, { Tree, version: "7.0.0" });

/** A loader that counts its loads. */
function counted<T>(exports: T) {
    const loader = { loads: 0, load: () => (loader.loads++, exports) };
    return loader;
}

// TypeScript's helpers, as compiled code calls them.
const importStar = (mod: Record<string, unknown>) => (mod.__esModule ? mod : { ...mod, default: mod });
const importDefault = (mod: Record<string, unknown>) => (mod.__esModule ? mod : { default: mod });

describe("SDK packages deferred in a program's process", function () {
    this.timeout(120_000);

    it("a package stand-in loads nothing until used, then loads once, whichever import helper took it", () => {
        const loader = counted(packageExports);
        const standIn = moduleStandIn(loader.load);
        const star = importStar(standIn);
        const byDefault = importDefault(standIn);
        assert.equal(loader.loads, 0);
        const Star = star.Tree as typeof Tree;
        assert.equal(new Star("/a").path, "/a");
        assert.equal(byDefault.default, packageExports, "a default import is the package's exports");
        assert.equal(star.version, "7.0.0");
        assert.ok("Tree" in standIn && !("Missing" in standIn));
        assert.equal(loader.loads, 1);
    });

    it("a package whose exports have their own default gives that default", () => {
        const standIn = moduleStandIn(() => ({ default: "the default", named: 1 }));
        assert.deepEqual([standIn.default, standIn.named], ["the default", 1]);
    });

    it("named exports taken at once are loaded when called or constructed, and are the real ones", () => {
        const loader = counted({ makeResource: (name: string) => `resource ${name}`, Tree });
        const { makeResource, Tree: DeferredTree } = namedExportsStandIn(loader.load) as unknown as { makeResource(n: string): string; Tree: typeof Tree };
        assert.equal(loader.loads, 0);
        assert.equal(makeResource("web"), "resource web");
        const tree = new DeferredTree("/b");
        assert.ok(tree instanceof Tree);
        assert.equal(tree.path, "/b");
        assert.equal(loader.loads, 1);
    });

    it("a Lambda callback is still serialized: the packages load when it is, and its code and handler are registered in both phases", async () => {
        const plan = await buildPlan({
            root: ROOT,
            stack: "dev",
            programDir: join(ROOT, "tests", "fixtures", "programs", "lambda-callback"),
            analyzer: await sharedAnalyzer(),
        });
        assert.deepEqual(plan.programOutput, ["before the callback: none", "after the callback: @npmcli/arborist, typescript"]);
        for (const phase of ["preview", "up"] as const) {
            const lambda = plan.phases[phase]!.resources.find((r) => r.type === "aws:lambda/function:Function")!;
            assert.equal(lambda.inputs.handler, "__index.handler", phase);
            assert.equal((lambda.inputs.code as Record<string, unknown>).__pulumiArchive, true, phase);
        }
    });
});
