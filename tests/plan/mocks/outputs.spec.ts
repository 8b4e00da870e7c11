// Resource outputs after up: real formats for the types the plan knows, awsx/docker/random values,
// and for any other type its declared output-only properties; at preview all of them unknown.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { AwsMocks } from "../../../plan/awsMocks";

const created = (mocks: AwsMocks, type: string, name: string, inputs: Record<string, unknown> = {}, custom = true) =>
    mocks.newResource({ type, name, inputs, custom, provider: "" });

describe("offline plan resource outputs", () => {
    const up = new AwsMocks("eu-west-1");

    it("awsx: an image's URI is its repository's URL and a digest; a repository, load balancer and service carry their child resources", () => {
        const repo = created(up, "awsx:ecr:Repository", "app", {}, false).state;
        const url = String(repo.url);
        assert.match(url, /^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/app-[0-9a-f]{7}$/);
        assert.equal((repo.repository as { repositoryUrl: string }).repositoryUrl, url);
        const image = created(up, "awsx:ecr:Image", "app", { repositoryUrl: url, context: "./app" }, false).state;
        assert.match(String(image.imageUri), new RegExp(`^${url.replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`));
        const noUrl = created(up, "awsx:ecr:Image", "orphan", { context: "." }, false).state;
        assert.doesNotMatch(String(noUrl.imageUri), /undefined/);
        const lb = created(up, "awsx:lb:ApplicationLoadBalancer", "web", {}, false).state as Record<string, Record<string, unknown>>;
        assert.match(String(lb.loadBalancer!.dnsName), /^web-[0-9a-f]{7}-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
        assert.match(String(lb.loadBalancer!.arn), /^arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer\/app\/web-[0-9a-f]{7}\/[0-9a-f]{16}$/);
        assert.match(String(lb.defaultTargetGroup!.arn), /:targetgroup\//);
        const service = created(up, "awsx:ecs:FargateService", "api", { cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/main" }, false).state as Record<
            string,
            Record<string, unknown>
        >;
        assert.match(String(service.service!.id), /^arn:aws:ecs:eu-west-1:123456789012:service\/main\/api-[0-9a-f]{7}$/);
        assert.match(String(service.taskDefinition!.arn), /^arn:aws:ecs:eu-west-1:123456789012:task-definition\/api-[0-9a-f]{7}:1$/);
        const vpc = created(up, "awsx:ec2:DefaultVpc", "default", {}, false).state;
        assert.equal((vpc.publicSubnetIds as string[]).length, 3);
    });

    it("docker, docker-build and random: digests, refs and generated values", () => {
        const docker = created(up, "docker:index/image:Image", "app", { imageName: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1" }).state;
        assert.match(String(docker.repoDigest), /^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/app@sha256:[0-9a-f]{64}$/);
        assert.equal(docker.imageName, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1");
        const build = created(up, "docker-build:index:Image", "app", { tags: ["registry.example.com/team/app:latest"], push: true }).state;
        assert.match(String(build.ref), /^registry\.example\.com\/team\/app@sha256:[0-9a-f]{64}$/);
        assert.equal(String(build.ref).split("@")[1], build.digest);
        const password = created(up, "random:index/randomPassword:RandomPassword", "db", { length: 24, special: false }).state;
        assert.match(String(password.result), /^[A-Za-z0-9]{24}$/);
        assert.match(String(created(up, "random:index/randomPet:RandomPet", "name", { prefix: "web" }).state.id), /^web-[a-z]+-[a-z]+$/);
        assert.match(String(created(up, "random:index/randomId:RandomId", "suffix", { byteLength: 4 }).state.hex), /^[0-9a-f]{8}$/);
        assert.equal(String(created(up, "random:index/randomString:RandomString", "s", { length: 6, upper: false }).state.result).length, 6);
    });

    it("any other type: its declared output-only properties filled by name; given inputs kept", () => {
        const fs = created(up, "aws:efs/fileSystem:FileSystem", "data", { encrypted: true }).state;
        assert.match(String(fs.arn), /^arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system\/data-[0-9a-f]{7}$/);
        assert.match(String(fs.dnsName), /^data-[0-9a-f]{7}-[0-9a-f]{8}\.efs\.eu-west-1\.amazonaws\.com$/);
        assert.equal(fs.ownerId, "123456789012");
        assert.equal(fs.encrypted, true);
        assert.equal(typeof fs.numberOfMountTargets, "number");
        const bucket = created(up, "aws:s3/bucket:Bucket", "site").state;
        assert.match(String(bucket.arn), /^arn:aws:s3:::site-[0-9a-f]{7}$/);
        assert.equal(bucket.bucketRegionalDomainName, `${String(bucket.bucket)}.s3.eu-west-1.amazonaws.com`);
        for (const [type, state] of [
            ["aws:efs/fileSystem:FileSystem", fs],
            ["aws:s3/bucket:Bucket", bucket],
        ] as const)
            assert.doesNotMatch(JSON.stringify(state), /undefined/, type);
    });

    it("at preview every computed output is unknown, inputs stay known; a read resource is known", () => {
        const preview = new AwsMocks("eu-west-1", undefined, "preview");
        const image = created(preview, "awsx:ecr:Image", "app", { repositoryUrl: "r" }, false);
        assert.deepEqual([image.id, image.state.imageUri, image.state.repositoryUrl], [undefined, pulumi.unknown, "r"]);
        const fs = created(preview, "aws:efs/fileSystem:FileSystem", "data", { encrypted: true }).state;
        assert.deepEqual([fs.arn, fs.dnsName, fs.encrypted], [pulumi.unknown, pulumi.unknown, true]);
        const read = preview.newResource({ type: "aws:ec2/vpc:Vpc", name: "existing", inputs: {}, custom: true, provider: "", id: "vpc-0123" });
        assert.deepEqual([read.id, read.state.id], ["vpc-0123", "vpc-0123"]);
    });
});
