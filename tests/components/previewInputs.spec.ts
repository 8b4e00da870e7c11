// What the components give their consumers is known at preview: image reference, repository and
// log group ARNs are formatted from invokes and explicit names, not read back from outputs.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Logs } from "../../components/logs";
import { Registry } from "../../components/registry";
import { contentTag } from "../../documents/imageTag";
import { Phase, runUnderMocks } from "../../plan/runProgram";
import { ENGINE_UNKNOWN } from "../../plan/unknowns";
import { PROJECT, ROOT, one } from "../support/mocks";

const tags = { app: "web" };
const registryArgs = {
    repositoryName: "web/dev",
    immutableTags: true,
    keepImages: 10,
    disposable: true,
    protect: false,
    buildContext: join(ROOT, "app"),
    platform: "linux/amd64" as const,
    tags,
};

/** Runs `make` in a phase and resolves the named outputs (the engine sentinel where unknown). */
async function outputsOf<T extends object>(phase: Phase, make: () => T, keys: (keyof T)[], region = "eu-west-1") {
    const values: Record<string, unknown> = {};
    const run = await runUnderMocks(
        { project: PROJECT, stack: "dev", config: { "aws:region": region }, region },
        () => {
            const made = make();
            for (const key of keys) {
                const o = made[key] as unknown as pulumi.Output<unknown>;
                void (o as unknown as { isKnown: Promise<boolean> }).isKnown.then((known) => {
                    if (!known) values[key as string] = ENGINE_UNKNOWN;
                });
                o.apply((v) => (values[key as string] = v));
            }
            return made;
        },
        phase,
    );
    return { values, run };
}

describe("component outputs known at preview", function () {
    this.timeout(120_000);

    it("Registry: the image reference is the registry host, repository name and content tag, in both phases", async () => {
        const expected = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/web/dev:${contentTag(registryArgs.buildContext)}`;
        for (const phase of ["preview", "up"] as const) {
            const { values, run } = await outputsOf(phase, () => new Registry("web-dev", registryArgs), ["imageUri", "repositoryArn", "repositoryUrl"]);
            assert.equal(values.imageUri, expected, phase);
            assert.equal(values.repositoryArn, "arn:aws:ecr:eu-west-1:123456789012:repository/web/dev", phase);
            assert.equal(one(run.resources, "awsx:ecr:Image").inputs.imageTag, contentTag(registryArgs.buildContext));
            // The build's own outputs stay unknown at preview; the reference does not wait for them.
            assert.equal(values.repositoryUrl, phase === "preview" ? ENGINE_UNKNOWN : "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web/dev");
        }
    });

    it("Registry: exposes the build to order on, and none for a prebuilt image", async () => {
        let built: Registry | undefined;
        let prebuilt: Registry | undefined;
        await outputsOf("preview", () => (built = new Registry("web-dev", registryArgs)), []);
        await outputsOf("preview", () => (prebuilt = new Registry("web-dev", { ...registryArgs, image: "ghcr.io/acme/web:1.2.3" })), ["imageUri"]);
        assert.ok(built!.imageBuild);
        assert.equal(prebuilt!.imageBuild, undefined);
    });

    it("Logs: the group's ARN is formatted, known at preview although the group's own arn is not", async () => {
        const make = () => new Logs("web-prod", { logGroupName: "/ecs/web/prod", retentionDays: 365, kms: true, protect: true, tags });
        const { values, run } = await outputsOf("preview", make, ["logGroupArn", "logGroupName"], "us-east-1");
        assert.equal(values.logGroupArn, "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/prod");
        assert.equal(values.logGroupName, "/ecs/web/prod");
        assert.equal(one(run.resources, "aws:cloudwatch/logGroup:LogGroup").outputs.arn, ENGINE_UNKNOWN);
    });
});
