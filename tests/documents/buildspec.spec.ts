import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { assertInstallBuildsPack, assertPackBuildsItsMain } from "../support/packBuilt";
import { contentTagCommand, imageBuildSpec, stackBuildSpec } from "../../documents/buildspec";
import { contentTag } from "../../documents/imageTag";
import { ROOT } from "../support/mocks";

interface BuildSpec {
    version: number;
    env: { shell: string; variables: Record<string, string>; "exported-variables"?: string[] };
    phases: Record<string, { commands: string[]; "runtime-versions"?: Record<string, unknown> }>;
    artifacts?: { files: string[] };
}

const image = (containerName?: string) =>
    parse(
        imageBuildSpec({
            repositoryUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev",
            repositoryName: "web/dev",
            buildContext: "app",
            platform: "linux/arm64",
            containerName,
        }),
    ) as BuildSpec;

describe("buildspecs", () => {
    describe("image build", () => {
        it("is YAML CodeBuild reads: version 0.2, bash, the repository and platform from the settings, IMAGE_URI exported", () => {
            const spec = image();
            assert.equal(spec.version, 0.2);
            assert.equal(spec.env.shell, "bash");
            assert.deepEqual(spec.env.variables, {
                REPOSITORY_URL: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev",
                REPOSITORY_NAME: "web/dev",
                BUILD_CONTEXT: "app",
                PLATFORM: "linux/arm64",
            });
            assert.deepEqual(spec.env["exported-variables"], ["IMAGE_URI"]);
            assert.equal(spec.artifacts, undefined, "no imagedefinitions.json unless the ECS deploy action reads it");
        });

        it("tags by content, builds and pushes only a tag the repository lacks, and pins the image by digest", () => {
            const spec = image();
            assert.match(spec.phases.pre_build!.commands[0]!, /^TAG=\$\(printf 'app-%s'/);
            assert.match(spec.phases.pre_build!.commands[1]!, /docker login --username AWS --password-stdin "\$\{REPOSITORY_URL%%\/\*\}"/);
            const [guard, digest, uri] = spec.phases.build!.commands;
            assert.match(guard!, /^if aws ecr describe-images --repository-name "\$REPOSITORY_NAME" --image-ids "imageTag=\$TAG"/);
            assert.match(
                guard!,
                /docker build --platform "\$PLATFORM" --tag "\$REPOSITORY_URL:\$TAG" "\$BUILD_CONTEXT" && docker push "\$REPOSITORY_URL:\$TAG"/,
            );
            assert.match(digest!, /--query 'imageDetails\[0\]\.imageDigest'/);
            assert.equal(uri, 'IMAGE_URI="$REPOSITORY_URL@$DIGEST"');
            assert.ok(!JSON.stringify(spec).includes("latest"), "never :latest");
        });

        it("writes imagedefinitions.json for the ECS deploy action, naming the container", () => {
            const spec = image("web");
            assert.equal(spec.env.variables.CONTAINER_NAME, "web");
            assert.match(spec.phases.build!.commands.at(-1)!, /> imagedefinitions\.json$/);
            assert.deepEqual(spec.artifacts, { files: ["imagedefinitions.json"] });
        });

        it("computes in bash the same content tag the program computes, so unchanged sources keep their tag", () => {
            const tagOf = (dir: string) => execFileSync("bash", ["-c", contentTagCommand(`'${dir}'`)]).toString();
            const app = join(ROOT, "app");
            assert.equal(tagOf(app), contentTag(app));
            // Nested folders, odd names and node_modules (skipped by both).
            const dir = mkdtempSync(join(tmpdir(), "tag-"));
            cpSync(app, dir, { recursive: true });
            mkdirSync(join(dir, "src", "node_modules", "x"), { recursive: true });
            writeFileSync(join(dir, "src", "node_modules", "x", "index.js"), "ignored");
            writeFileSync(join(dir, "src", "a b.txt"), "spaces\n");
            writeFileSync(join(dir, "Zed.md"), "upper case sorts first in C order");
            assert.equal(tagOf(dir), contentTag(dir));
            const before = tagOf(dir);
            writeFileSync(join(dir, "src", "a b.txt"), "changed\n");
            assert.notEqual(tagOf(dir), before, "a change in content changes the tag");
        });
    });

    describe("policy gate and deploy", () => {
        const spec = (command: "preview" | "up") =>
            parse(stackBuildSpec({ command, stack: "acme/web/prod", policyConfig: "policy/config/prod.json", pulumiVersion: "3.270.0" })) as BuildSpec;

        it("installs the pinned Pulumi CLI on Node 22 and the project's locked dependencies", () => {
            const install = spec("preview").phases.install!;
            assert.deepEqual(install["runtime-versions"], { nodejs: 22 });
            assert.deepEqual(install.commands, ['curl -fsSL https://get.pulumi.com | sh -s -- --version "$PULUMI_VERSION"', "npm ci --no-audit --no-fund"]);
            assert.deepEqual(spec("preview").env.variables, { STACK: "acme/web/prod", POLICY_CONFIG: "policy/config/prod.json", PULUMI_VERSION: "3.270.0" });
        });

        it("installs with scripts, so the pack the gate and the deploy start is compiled (its prepare builds it)", () => {
            assertPackBuildsItsMain();
            for (const command of ["preview", "up"] as const) assertInstallBuildsPack(spec(command).phases.install!.commands, `${command} buildspec`);
        });

        it("acts as the stack's role through a profile, and refuses to run without the built image", () => {
            const pre = spec("up").phases.pre_build!.commands;
            assert.match(pre[0]!, /test -n "\$IMAGE_URI" \|\| .*exit 1/);
            assert.deepEqual(pre.slice(1), [
                'aws configure set profile.stack.role_arn "$STACK_ROLE_ARN"',
                "aws configure set profile.stack.credential_source EcsContainer",
            ]);
        });

        it("the gate previews and the deploy updates, both with the policy pack and the stack's policy config at the new image", () => {
            const [preview] = spec("preview").phases.build!.commands;
            const [up] = spec("up").phases.build!.commands;
            for (const command of [preview!, up!]) {
                assert.match(command, /^AWS_PROFILE=stack "\$HOME\/\.pulumi\/bin\/pulumi" /);
                assert.match(command, /--stack "\$STACK" --non-interactive/);
                assert.match(command, /--policy-pack policy --policy-pack-config "\$POLICY_CONFIG" --config "image=\$IMAGE_URI"$/);
            }
            assert.match(preview!, /pulumi" preview .*--diff/);
            assert.doesNotMatch(preview!, /--yes/);
            assert.match(up!, /pulumi" up .*--yes/);
        });
    });
});
