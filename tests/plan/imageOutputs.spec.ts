// A program whose task definitions run images built by awsx and the Docker provider: after up
// their references are real ECR URLs with digests (never `undefined@sha256:…`), so the pack judges
// their provenance; at preview they are unknown, as at `pulumi preview`.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { sharedAnalyzer } from "../support/analyzer";
import { ROOT } from "../support/mocks";
import { programRuns } from "../support/cli";

const PROGRAM = join(ROOT, "tests", "fixtures", "programs", "image-outputs");

describe("plan --program with awsx and Docker images", function () {
    this.timeout(180_000);

    it("after up the task definitions run ECR images by digest and pass image provenance; at preview the images are unknown", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: PROGRAM, analyzer: await sharedAnalyzer(), programRuns });
        const images = plan.phases
            .up!.resources.filter((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")
            .map((r) => (JSON.parse(String(r.inputs.containerDefinitions)) as { image: string }[])[0]!.image);
        assert.equal(images.length, 2);
        for (const image of images) assert.match(image, /^123456789012\.dkr\.ecr\.us-west-2\.amazonaws\.com\/(app|worker)-[0-9a-f]{7}@sha256:[0-9a-f]{64}$/);
        assert.ok(String(plan.outputs.appImage).startsWith(`${String(plan.outputs.repositoryUrl)}@sha256:`));
        const provenance = (phase: "preview" | "up") =>
            plan.phases[phase]!.evaluation.violations.filter((v) => v.policyName === "ecs-container-image-provenance");
        assert.deepEqual(provenance("up"), [], "ECR images by digest are trusted");
        assert.ok(
            provenance("preview").length > 0 && provenance("preview").every((v) => v.enforcementLevel === "advisory" && /can't run policy/.test(v.message)),
        );
        assert.deepEqual([plan.phases.preview!.outputs.appImage, plan.phases.preview!.outputs.workerImage], [ENGINE_UNKNOWN, ENGINE_UNKNOWN]);
    });
});
