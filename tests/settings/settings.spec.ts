import { strict as assert } from "node:assert";
import { checkImageReference } from "../../settings/settings";
import { settingsErrorFor, settingsFor } from "../support/settings";

describe("settings", () => {
    describe("per-profile defaults differ on purpose", () => {
        it("dev is one Spot task, a NAT instance, 7-day logs, disposable", () => {
            const s = settingsFor("dev");
            assert.equal(s.profile, "dev");
            assert.equal(s.desiredCount, 1);
            assert.equal(s.spot, true);
            assert.equal(s.egress, "nat-instance");
            assert.equal(s.natInstanceType, "t4g.nano");
            assert.equal(s.logRetentionDays, 7);
            assert.equal(s.disposable, true);
            assert.equal(s.protect, false);
        });

        it("prod is ≥2 on-demand tasks over ≥2 AZs, NAT per AZ, long retention, protected", () => {
            const s = settingsFor("prod");
            assert.ok(s.desiredCount >= 2 && s.azCount >= 2);
            assert.equal(s.spot, false);
            assert.equal(s.egress, "nat-per-az");
            assert.ok(s.logRetentionDays >= 365);
            assert.equal(s.disposable, false);
            assert.equal(s.protect, true);
            assert.equal(s.deletionProtection, true);
            assert.equal(s.logKms, true);
        });

        it("staging mirrors prod's shape at a smaller size", () => {
            const [staging, prod] = [settingsFor("staging"), settingsFor("prod")];
            assert.equal(staging.spot, prod.spot);
            assert.equal(staging.egress, prod.egress);
            assert.ok(staging.desiredCount < prod.desiredCount);
        });

        it("a stack that is not dev/staging/prod must name its profile", () => {
            assert.match(settingsErrorFor({}, "feature-x"), /profile is not set for stack 'feature-x'; allowed: dev, staging, prod/);
            assert.equal(settingsFor("feature-x", { profile: "dev" }).profile, "dev");
        });
    });

    describe("invalid input names the key, the value and what is allowed", () => {
        const cases: [string, Record<string, string>, RegExp][] = [
            ["memory not in the cpu's range", { cpu: "512", memory: "3000" }, /memory=3000 is not valid with cpu=512; allowed: 1024–4096 in 1024 steps/],
            ["memory for 256 cpu", { cpu: "256", memory: "4096" }, /memory=4096 is not valid with cpu=256; allowed: 512, 1024, 2048/],
            [
                "memory for 8 vCPU off its 4 GiB step",
                { cpu: "8192", memory: "18432" },
                /memory=18432 is not valid with cpu=8192; allowed: 16384–61440 in 4096 steps/,
            ],
            [
                "memory for 16 vCPU within the table's bounds but not the cpu's",
                { cpu: "16384", memory: "16384" },
                /memory=16384 is not valid with cpu=16384; allowed: 32768–122880 in 8192 steps/,
            ],
            ["cpu not a Fargate size", { cpu: "300", memory: "512" }, /cpu=300 is not valid; allowed: one of 256, 512, 1024, 2048, 4096, 8192, 16384/],
            ["cpu not a number", { cpu: "lots" }, /cpu=lots is not valid; allowed: a whole number/],
            ["privileged port", { containerPort: "80" }, /containerPort=80 is not valid; allowed: 1024–65535 \(the container runs as a non-root user/],
            ["port out of range", { containerPort: "70000" }, /containerPort=70000 is not valid; allowed: 1024–65535/],
            ["desired above max", { desiredCount: "5", maxCount: "3" }, /desiredCount=5 must lie within minCount=1 and maxCount=3 \(min ≤ desired ≤ max\)/],
            ["desired below min", { desiredCount: "1", minCount: "2", maxCount: "4" }, /desiredCount=1 must lie within minCount=2 and maxCount=4/],
            ["health check path without slash", { healthCheckPath: "health" }, /healthCheckPath=health is not valid; allowed: a path starting with '\/'/],
            [
                "health check timeout not below interval",
                { healthCheckIntervalSeconds: "5", healthCheckTimeoutSeconds: "5" },
                /healthCheckTimeoutSeconds=5 is not valid; allowed: less than the interval \(5 s\)/,
            ],
            ["bad CIDR", { vpcCidr: "10.0.0.0/33" }, /vpcCidr=10.0.0.0\/33 is not valid; allowed: an IPv4 CIDR with a prefix from \/16 to \/24/],
            ["unaligned CIDR", { vpcCidr: "10.0.1.0/16" }, /vpcCidr=10.0.1.0\/16 is not valid; allowed: an aligned network address \(10.0.0.0\/16\)/],
            ["one AZ", { azCount: "1" }, /azCount=1 is not valid; allowed: 2–6/],
            ["retention not a CloudWatch value", { logRetentionDays: "10" }, /logRetentionDays=10 is not valid; allowed: one of 1, 3, 5, 7, 14, 30/],
            ["unknown egress", { egress: "nat-gateway" }, /egress=nat-gateway is not valid; allowed: nat-instance, nat-single, nat-per-az, endpoints-only/],
            ["image without tag", { image: "public.ecr.aws/nginx/nginx" }, /image=public.ecr.aws\/nginx\/nginx is not valid; allowed: a pinned tag or digest/],
            [
                "image :latest",
                { image: "ghcr.io/acme/web:latest" },
                /image=ghcr.io\/acme\/web:latest is not valid; allowed: a pinned tag or digest, not :latest/,
            ],
            ["image with spaces", { image: "not an image" }, /image=not an image is not valid; allowed: registry\/repository:tag/],
            [
                "S3 grant mode",
                { s3Grants: JSON.stringify([{ bucket: "assets", access: "admin" }]) },
                /s3Grants\[0\]\.access=admin is not valid; allowed: read, read-write/,
            ],
            [
                "S3 wildcard bucket",
                { s3Grants: JSON.stringify([{ bucket: "*", access: "read" }]) },
                /s3Grants\[0\]\.bucket=\* is not valid; allowed: an S3 bucket name .* wildcards are not allowed/,
            ],
            [
                "certificate ARN shape",
                { certificateArn: "arn:aws:acm:us-east-1:123:certificate/abc" },
                /certificateArn=arn:aws:acm:us-east-1:123:certificate\/abc is not valid; allowed: arn:aws:acm:<region>:<12-digit account>:certificate\/<uuid>/,
            ],
            [
                "TLS policy allowing TLS 1.0",
                { tlsPolicy: "ELBSecurityPolicy-2016-08" },
                /tlsPolicy=ELBSecurityPolicy-2016-08 is not valid; allowed: a TLS 1.2\+ policy/,
            ],
            [
                "secret in plain environment",
                { environment: JSON.stringify({ DB_PASSWORD: "hunter2" }) },
                /environment.DB_PASSWORD looks like a secret; .* allowed: declare it under secrets/,
            ],
            [
                "secret valueFrom not an ARN",
                { secrets: JSON.stringify([{ name: "DB", valueFrom: "my-secret" }]) },
                /secrets\[0\]\.valueFrom=\[secret\] is not valid; allowed: a Secrets Manager secret ARN or an SSM parameter ARN/,
            ],
            [
                "reserved tag key",
                { tags: JSON.stringify({ "aws:owner": "me" }) },
                /tags.aws:owner=me is not valid; allowed: a tag key that does not start with 'aws:'/,
            ],
            ["boolean typo", { spot: "yes" }, /spot=yes is not valid; allowed: true or false/],
            [
                "healthy percents that stall a rollout",
                { desiredCount: "1", minHealthyPercent: "100", maxPercent: "100" },
                /minHealthyPercent=100, maxPercent=100 are not valid with desiredCount=1; allowed: percents that let a rolling update/,
            ],
            ["unknown key", { desiredcount: "2" }, /desiredcount is not a setting of this program/],
            ["app name with capitals", { appName: "MyApp" }, /appName=MyApp is not valid; allowed: 2–30 lowercase letters/],
            [
                "app name that makes an 'internal-' ALB",
                { appName: "internal" },
                /appName=internal is not valid; allowed: a name that does not start with 'internal-'/,
            ],
            ["malformed object", { existingVpc: "{not json" }, /existingVpc=\{not json is not valid; allowed: a YAML\/JSON object or list/],
            [
                "adopted VPC with a bad subnet id",
                {
                    existingVpc: JSON.stringify({
                        vpcId: "vpc-0123456789abcdef0",
                        publicSubnetIds: ["subnet-01234567", "subnet-89abcdef"],
                        privateSubnetIds: ["subnet-01234567", "sn-1"],
                    }),
                },
                /existingVpc.privateSubnetIds\[1\]=sn-1 is not valid; allowed: subnet- followed by 8 or 17 hex digits/,
            ],
        ];
        for (const [title, raw, message] of cases) {
            it(title, () => assert.match(settingsErrorFor(raw), message));
        }

        it("prod refuses a single task", () => {
            assert.match(settingsErrorFor({ desiredCount: "1", minCount: "1" }, "prod"), /desiredCount=1 is not valid for profile prod; allowed: 2 or more/);
        });

        it("reports every problem at once, not just the first", () => {
            const message = settingsErrorFor({ cpu: "512", memory: "3000", logRetentionDays: "10", egress: "x" });
            assert.equal(message.split("\n").filter((l) => l.startsWith("  - ")).length, 3);
        });
    });

    describe("valid structured input", () => {
        it("reads grants, secrets, environment and an adopted VPC", () => {
            const s = settingsFor("dev", {
                s3Grants: JSON.stringify([{ bucket: "acme-assets", access: "read-write" }]),
                secrets: JSON.stringify([{ name: "DB_URL", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-url-AbCdEf" }]),
                environment: JSON.stringify({ LOG_LEVEL: "info", WORKERS: 4 }),
                existingVpc: JSON.stringify({
                    vpcId: "vpc-0123456789abcdef0",
                    publicSubnetIds: ["subnet-0000000000000000a", "subnet-0000000000000000b"],
                    privateSubnetIds: ["subnet-0000000000000000c", "subnet-0000000000000000d"],
                }),
            });
            assert.deepEqual(s.s3Grants, [{ bucket: "acme-assets", access: "read-write" }]);
            assert.equal(s.secrets[0]!.name, "DB_URL");
            assert.deepEqual(s.environment, { LOG_LEVEL: "info", WORKERS: "4" });
            assert.equal(s.existingVpc!.privateSubnetIds.length, 2);
        });

        it("accepts every pinned image form", () => {
            for (const ref of [
                "nginx:1.27",
                "public.ecr.aws/nginx/nginx:1.27-alpine",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev@sha256:" + "a".repeat(64),
                "localhost:5000/app:v1",
            ]) {
                assert.equal(checkImageReference(ref), undefined, ref);
            }
        });
    });
});
