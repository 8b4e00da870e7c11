import { strict as assert } from "node:assert";
import { Registry } from "../../components/registry";
import { one, ofType, record } from "../support/mocks";

const tags = { app: "web" };

describe("Registry under mocks", () => {
    const base = {
        repositoryName: "web/dev",
        immutableTags: true,
        keepImages: 10,
        disposable: true,
        protect: false,
        buildContext: "app",
        platform: "linux/amd64" as const,
        tags,
    };

    it("scan on push, KMS, lifecycle, forceDelete on disposable stacks, image built from app/", async () => {
        const resources = await record(() => new Registry("web-dev", base));
        const repo = one(resources, "aws:ecr/repository:Repository");
        assert.deepEqual(repo.inputs.imageScanningConfiguration, { scanOnPush: true });
        assert.equal(repo.inputs.imageTagMutability, "IMMUTABLE");
        assert.equal(repo.inputs.forceDelete, true);
        assert.deepEqual(repo.inputs.encryptionConfigurations, [{ encryptionType: "KMS" }]);
        assert.match(String(one(resources, "aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs.policy), /"countNumber":10/);
        const image = one(resources, "awsx:ecr:Image");
        assert.equal(image.inputs.context, "app");
        assert.match(String(image.inputs.imageTag), /^app-[0-9a-f]{16}$/);
    });

    it("prod keeps images: no forceDelete, protected", async () => {
        const resources = await record(() => new Registry("web-prod", { ...base, disposable: false, protect: true }));
        const repo = one(resources, "aws:ecr/repository:Repository");
        assert.equal(repo.inputs.forceDelete, false);
        assert.equal(repo.protect, true);
    });

    it("a prebuilt image builds nothing", async () => {
        let registry: Registry | undefined;
        const resources = await record(() => (registry = new Registry("web-dev", { ...base, image: "ghcr.io/acme/web:1.2.3" })));
        assert.equal(ofType(resources, "awsx:ecr:Image").length, 0);
        assert.equal(registry!.builtHere, false);
    });
});
