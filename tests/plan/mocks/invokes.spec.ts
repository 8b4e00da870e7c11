// The mocks' invokes: every built-in answer has the fields @pulumi/aws declares for its result,
// with values in AWS's formats; supplied answers win; an unanswered invoke is recorded and fails
// with a message (never an empty one).
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as aws from "@pulumi/aws";
import { AwsMocks } from "../../../plan/awsMocks";
import { PlanLimitError } from "../../../plan/errors";
import { outputValue, runUnderMocks } from "../../../plan/runProgram";
import { BUILT_IN_INVOKES } from "../../../plan/mocks/invokes";

/** The required fields of an invoke's result type, read from @pulumi/aws's declarations. */
function requiredResultFields(token: string): string[] {
    const [, module = "index", fn = ""] = /^aws:([\w-]+)\/(\w+):\w+$/.exec(token) ?? [];
    const file = require.resolve(`@pulumi/aws/${module === "index" ? "" : `${module}/`}${fn}.d.ts`);
    const name = `${fn.charAt(0).toUpperCase()}${fn.slice(1)}Result`;
    const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(readFileSync(file, "utf8"))?.[1];
    assert.ok(body, `${name} in ${file}`);
    return [...body.matchAll(/\n {4}readonly (\w+): /g)].map((m) => m[1]!);
}

const call = (mocks: AwsMocks, token: string, inputs: Record<string, unknown> = {}) => mocks.call({ token, inputs, provider: "" });

/** Arguments each lookup needs (its required inputs). */
const ARGS: Record<string, Record<string, unknown>> = {
    "aws:ssm/getParameter:getParameter": { name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" },
    "aws:route53/getZone:getZone": { name: "example.com" },
    "aws:iam/getRole:getRole": { name: "ecsTaskExecutionRole" },
    "aws:iam/getPolicy:getPolicy": { arn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    "aws:kms/getKey:getKey": { keyId: "alias/aws/s3" },
    "aws:kms/getAlias:getAlias": { name: "alias/aws/s3" },
    "aws:acm/getCertificate:getCertificate": { domain: "app.example.com" },
    "aws:secretsmanager/getSecret:getSecret": { name: "db" },
    "aws:secretsmanager/getSecretVersion:getSecretVersion": { secretId: "db" },
    "aws:ecr/getRepository:getRepository": { name: "app" },
    "aws:ecr/getImage:getImage": { repositoryName: "app", imageTag: "v1" },
    "aws:index/getArn:getArn": { arn: "arn:aws:s3:::bucket/key" },
    "aws:cloudfront/getCachePolicy:getCachePolicy": { name: "Managed-CachingOptimized" },
    "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": { name: "Managed-AllViewer" },
    "aws:cloudfront/getResponseHeadersPolicy:getResponseHeadersPolicy": { name: "Managed-SecurityHeadersPolicy" },
    "aws:s3/getBucket:getBucket": { bucket: "assets" },
    "aws:lb/getLoadBalancer:getLoadBalancer": { name: "web" },
    "aws:lb/getTargetGroup:getTargetGroup": { name: "web" },
    "aws:ecs/getCluster:getCluster": { clusterName: "main" },
    "aws:lambda/getFunction:getFunction": { functionName: "resize" },
};

describe("offline plan invokes", () => {
    const mocks = new AwsMocks("eu-west-1", undefined, "preview");

    for (const token of Object.keys(BUILT_IN_INVOKES))
        it(`${token} answers every field @pulumi/aws declares for its result`, () => {
            const result = call(mocks, token, ARGS[token]);
            const missing = requiredResultFields(token).filter((field) => result[field] === undefined);
            assert.deepEqual(missing, [], `${token} lacks ${missing.join(", ")}`);
        });

    it("the default VPC: getVpc({default: true}), its subnets one per zone, a zone filter, the same ids from getSubnet", () => {
        const vpc = call(mocks, "aws:ec2/getVpc:getVpc", { default: true });
        assert.match(String(vpc.id), /^vpc-[0-9a-f]{17}$/);
        assert.deepEqual([vpc.cidrBlock, vpc.default, vpc.arn], ["172.31.0.0/16", true, `arn:aws:ec2:eu-west-1:123456789012:vpc/${String(vpc.id)}`]);
        const all = call(mocks, "aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [vpc.id] }] }).ids as string[];
        assert.equal(all.length, 3);
        assert.ok(all.every((id) => /^subnet-[0-9a-f]{17}$/.test(id)));
        const inB = call(mocks, "aws:ec2/getSubnets:getSubnets", {
            filters: [
                { name: "vpc-id", values: [vpc.id] },
                { name: "availability-zone", values: ["eu-west-1b"] },
            ],
        });
        assert.deepEqual(inB.ids, [all[1]]);
        const subnet = call(mocks, "aws:ec2/getSubnet:getSubnet", { id: all[2] });
        assert.deepEqual(
            [subnet.vpcId, subnet.availabilityZone, subnet.availabilityZoneId, subnet.cidrBlock, subnet.mapPublicIpOnLaunch],
            [vpc.id, "eu-west-1c", "euw1-az3", "172.31.32.0/20", true],
        );
        const tagged = call(mocks, "aws:ec2/getSubnets:getSubnets", { tags: { tier: "private" } }).ids as string[];
        assert.equal(tagged.filter((id) => all.includes(id)).length, 0, "subnets found by tag are other subnets");
        assert.deepEqual(call(mocks, "aws:ec2/getSubnets:getSubnets", { tags: { tier: "private" } }).ids, tagged, "the same lookup, the same ids");
        const sg = call(mocks, "aws:ec2/getSecurityGroup:getSecurityGroup", { name: "default", vpcId: vpc.id });
        assert.deepEqual([sg.vpcId, sg.name], [vpc.id, "default"]);
        assert.match(String(sg.id), /^sg-[0-9a-f]{17}$/);
    });

    it("an AMI lookup: an ami- id, a name matching the filter, the owner's account, the filter's architecture", () => {
        const args = {
            owners: ["amazon"],
            mostRecent: true,
            filters: [
                { name: "name", values: ["al2023-ami-*-arm64"] },
                { name: "architecture", values: ["arm64"] },
            ],
        };
        const ami = call(mocks, "aws:ec2/getAmi:getAmi", args);
        assert.match(String(ami.id), /^ami-[0-9a-f]{17}$/);
        assert.equal(ami.imageId, ami.id);
        assert.match(String(ami.name), /^al2023-ami-\d+-arm64$/);
        assert.deepEqual([ami.ownerId, ami.architecture, ami.arn], ["137112412989", "arm64", `arn:aws:ec2:eu-west-1::image/${String(ami.id)}`]);
        assert.deepEqual(call(mocks, "aws:ec2/getAmiIds:getAmiIds", args).ids, [ami.id]);
    });

    it("SSM public parameters in their real shapes: the ECS-optimized AMI's JSON document, its keys, plain AMI ids", () => {
        const value = (name: string) => String(call(mocks, "aws:ssm/getParameter:getParameter", { name }).value);
        const al2 = JSON.parse(value("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended")) as Record<string, unknown>;
        assert.match(String(al2.image_id), /^ami-[0-9a-f]{17}$/);
        assert.match(String(al2.image_name), /^amzn2-ami-ecs-hvm-2\.0\.\d+-x86_64-ebs$/);
        assert.deepEqual([al2.os, al2.schema_version], ["Amazon Linux 2", 1]);
        assert.equal(value("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"), al2.image_id);
        const arm = JSON.parse(value("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended")) as Record<string, unknown>;
        assert.deepEqual([arm.os, /arm64/.test(String(arm.image_name))], ["Amazon Linux 2023", true]);
        assert.notEqual(arm.image_id, al2.image_id);
        assert.equal(JSON.parse(value("/aws/service/ecs/optimized-ami/amazon-linux/recommended")).os, "Amazon Linux");
        assert.match(value("/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id"), /^ami-[0-9a-f]{17}$/);
        assert.match(value("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"), /^ami-[0-9a-f]{17}$/);
        assert.match(value("/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id"), /^ami-[0-9a-f]{17}$/);
    });

    it("ECR: a registry token that decodes to AWS:<password>, the registry endpoint of the account and region", () => {
        const token = call(mocks, "aws:ecr/getAuthorizationToken:getAuthorizationToken");
        assert.equal(Buffer.from(String(token.authorizationToken), "base64").toString(), `AWS:${String(token.password)}`);
        assert.deepEqual([token.userName, token.proxyEndpoint], ["AWS", "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"]);
        const image = call(mocks, "aws:ecr/getImage:getImage", { repositoryName: "app", imageTag: "v1" });
        assert.match(String(image.imageUri), /^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/app@sha256:[0-9a-f]{64}$/);
    });

    it("real values AWS owns: ELB log-delivery accounts per region, managed policy ARNs, the partition of China and GovCloud", () => {
        assert.equal(call(new AwsMocks("us-east-1"), "aws:elb/getServiceAccount:getServiceAccount").arn, "arn:aws:iam::127311923021:root");
        assert.equal(call(mocks, "aws:elb/getServiceAccount:getServiceAccount").id, "156460612806");
        assert.throws(
            () => call(new AwsMocks("il-central-1"), "aws:elb/getServiceAccount:getServiceAccount"),
            (e: Error & { details?: string }) => /no ELB account for region il-central-1/.test(e.details ?? ""),
        );
        assert.equal(call(mocks, "aws:iam/getPolicy:getPolicy", { arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }).name, "ReadOnlyAccess");
        const china = new AwsMocks("cn-north-1");
        assert.deepEqual(call(china, "aws:index/getPartition:getPartition").partition, "aws-cn");
        assert.match(String(call(china, "aws:index/getCallerIdentity:getCallerIdentity").arn), /^arn:aws-cn:iam::123456789012:/);
        assert.deepEqual(call(new AwsMocks("us-east-1"), "aws:index/getAvailabilityZones:getAvailabilityZones", { excludeNames: ["us-east-1e"] }).zoneIds, [
            "use1-az1",
            "use1-az2",
            "use1-az3",
            "use1-az4",
            "use1-az6",
        ]);
    });

    it("service lookups: an ARN taken apart, CloudFront's managed policy ids, a load balancer's DNS name, a bucket's domain", () => {
        assert.deepEqual(
            ["partition", "service", "region", "account", "resource"].map(
                (k) => call(mocks, "aws:index/getArn:getArn", { arn: "arn:aws:ecs:eu-west-1:123456789012:cluster/main" })[k],
            ),
            ["aws", "ecs", "eu-west-1", "123456789012", "cluster/main"],
        );
        assert.equal(
            call(mocks, "aws:cloudfront/getCachePolicy:getCachePolicy", { name: "Managed-CachingDisabled" }).id,
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        );
        assert.equal(
            call(mocks, "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy", { name: "Managed-AllViewer" }).id,
            "216adef6-5c7f-47e4-b989-5492eafa07d3",
        );
        const lb = call(mocks, "aws:lb/getLoadBalancer:getLoadBalancer", { name: "web" });
        assert.match(String(lb.dnsName), /^web-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
        assert.equal(lb.arnSuffix, String(lb.arn).replace(/^.*:loadbalancer\//, ""));
        assert.equal(call(mocks, "aws:s3/getBucket:getBucket", { bucket: "assets" }).bucketRegionalDomainName, "assets.s3.eu-west-1.amazonaws.com");
        assert.equal(
            call(mocks, "aws:lambda/getFunction:getFunction", { functionName: "resize" }).arn,
            "arn:aws:lambda:eu-west-1:123456789012:function:resize",
        );
    });

    it("getPolicyDocument answers the provider's rendering; a rejected document fails with the provider's reason in `details`", () => {
        const doc = call(mocks, "aws:iam/getPolicyDocument:getPolicyDocument", { statements: [{ actions: ["s3:GetObject"], resources: ["*"] }] });
        assert.equal(doc.minifiedJson, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
        assert.throws(
            () => call(mocks, "aws:iam/getPolicyDocument:getPolicyDocument", { statements: [{ sid: "A" }, { sid: "A" }] }),
            (e: Error & { details?: string }) => e.details === e.message && /getPolicyDocument failed: duplicate Sid \(A\)/.test(e.message),
        );
    });

    it("getDefaultTags answers the stack's aws:defaultTags config, known at preview", async () => {
        const config = { "aws:region": "eu-west-1", "aws:defaultTags": JSON.stringify({ tags: { team: "web" } }) };
        const run = await runUnderMocks({ project: "p", stack: "s", config, region: "eu-west-1" }, () => aws.getDefaultTagsOutput().tags, "preview");
        assert.deepEqual(await outputValue(run.result), { team: "web" });
        assert.deepEqual(call(mocks, "aws:index/getDefaultTags:getDefaultTags").tags, {});
    });

    it("supplied answers win over built-in ones, the first entry whose args match; none matching falls back", () => {
        const supplied = new AwsMocks("eu-west-1", undefined, "up", {
            invokeResults: {
                "aws:ec2/getAmi:getAmi": [{ args: { owners: ["self"] }, result: { id: "ami-0mine" } }, { result: { id: "ami-0any" } }],
                "aws:ec2/getInstance:getInstance": [{ args: { instanceId: "i-1" }, result: { privateIp: "10.0.0.5" } }],
            },
        });
        assert.equal(call(supplied, "aws:ec2/getAmi:getAmi", { owners: ["self"], mostRecent: true }).id, "ami-0mine");
        assert.equal(call(supplied, "aws:ec2/getAmi:getAmi", { owners: ["amazon"] }).id, "ami-0any");
        assert.equal(call(supplied, "aws:ec2/getInstance:getInstance", { instanceId: "i-1" }).privateIp, "10.0.0.5");
        assert.throws(() => call(supplied, "aws:ec2/getInstance:getInstance", { instanceId: "i-2" }), /has entries for it, but none whose args match/);
        assert.deepEqual(supplied.unanswered(), [{ token: "aws:ec2/getInstance:getInstance", args: { instanceId: "i-2" }, suppliedButUnmatched: true }]);
    });

    it("a run that made an unanswered invoke ends in a limit of the plan, even when the program caught the failure", async () => {
        const stack = { project: "p", stack: "s", config: { "aws:region": "eu-west-1" }, region: "eu-west-1" };
        const caught = () => aws.ec2.getInstance({ instanceId: "i-1" }).catch(() => undefined);
        await assert.rejects(
            runUnderMocks(stack, caught),
            (e: Error) =>
                e instanceof PlanLimitError &&
                /^no answer for this invoke/.test(e.message) &&
                /aws:ec2\/getInstance:getInstance\(\{"instanceId":"i-1"\}\)/.test(e.message),
        );
    });

    it("an invoke no one answers is recorded, and its error names the call and the flag in both message and details", () => {
        const fresh = new AwsMocks("eu-west-1");
        assert.throws(
            () => call(fresh, "aws:rds/getEngineVersion:getEngineVersion", { engine: "postgres" }),
            (e: Error & { details?: string }) =>
                e.details === e.message &&
                /aws:rds\/getEngineVersion:getEngineVersion\(\{"engine":"postgres"\}\)/.test(e.message) &&
                /--invoke-results <file>/.test(e.message),
        );
        assert.throws(() => call(fresh, "aws:ssm/getParameter:getParameter", { name: "/aws/service/global-infrastructure/regions/eu-west-1/longName" }));
        assert.deepEqual(
            fresh.unanswered().map((c) => c.token),
            ["aws:rds/getEngineVersion:getEngineVersion", "aws:ssm/getParameter:getParameter"],
        );
    });
});
