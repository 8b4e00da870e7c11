import { strict as assert } from "node:assert";
import fc from "fast-check";
import * as c from "../../settings/constraints";
import { FARGATE_CPU_VALUES, allowedMemory } from "../../settings/fargateSizes";

const ok = (result: string | undefined) => assert.equal(result, undefined);
const bad = (result: string | undefined, pattern: RegExp) => {
    assert.notEqual(result, undefined, "expected the limit to reject");
    assert.match(result!, pattern);
};

describe("AWS constraints, both sides of each limit", () => {
    it("documents where every limit comes from", () => {
        for (const [key, info] of Object.entries(c.CONSTRAINTS)) {
            assert.ok(info.limit.length > 0 && info.source.length > 0, key);
        }
    });

    it("Fargate sizes: every table entry passes, its neighbours fail", () => {
        for (const cpu of FARGATE_CPU_VALUES) {
            const values = allowedMemory(cpu);
            for (const m of values) ok(c.checkFargateSize(cpu, m));
            bad(c.checkFargateSize(cpu, values[0]! - 1), /\d/);
            bad(c.checkFargateSize(cpu, values[values.length - 1]! + 1024), /\d/);
        }
        assert.deepEqual(allowedMemory(16384).slice(0, 2), [32768, 40960]);
        bad(c.checkFargateSize(128, 512), /cpu one of 256/);
    });

    it("Fargate sizes: no memory outside the table is accepted (property)", () => {
        fc.assert(
            fc.property(fc.constantFrom(...FARGATE_CPU_VALUES), fc.integer({ min: 1, max: 131072 }), (cpu, memory) => {
                assert.equal(c.checkFargateSize(cpu, memory) === undefined, allowedMemory(cpu).includes(memory));
            }),
            { numRuns: 2000 },
        );
    });

    it("ephemeral storage 21–200 GiB", () => {
        ok(c.checkEphemeralStorage(21));
        ok(c.checkEphemeralStorage(200));
        bad(c.checkEphemeralStorage(20), /21 to 200 GiB/);
        bad(c.checkEphemeralStorage(201), /21 to 200 GiB/);
    });

    it("container reservations fit in the task", () => {
        ok(
            c.checkContainerReservations({ cpu: 512, memory: 1024 }, [
                { name: "a", cpu: 256, memory: 512 },
                { name: "b", cpu: 256, memoryReservation: 512 },
            ]),
        );
        bad(c.checkContainerReservations({ cpu: 512, memory: 1024 }, [{ name: "a", cpu: 768 }]), /container cpu adds up to 768, more than the task's 512/);
        bad(c.checkContainerReservations({ cpu: 512, memory: 1024 }, [{ name: "a", memory: 2048 }]), /2048 MiB, more than the task's 1024 MiB/);
    });

    it("ALB and target group names: 32 characters with the autoname suffix", () => {
        ok(c.checkAlbName("a".repeat(24)));
        bad(c.checkAlbName("a".repeat(25)), /at most 32 characters including the 8-character autoname suffix \(is 33\)/);
        ok(c.checkAlbName("a".repeat(32), false));
        bad(c.checkAlbName("web_dev", false), /only letters, digits and hyphens/);
        bad(c.checkAlbName("-web", false), /no leading or trailing hyphen/);
        bad(c.checkAlbName("web-", false), /no leading or trailing hyphen/);
        bad(c.checkAlbName("internal-web", false), /does not start with 'internal-'/);
        ok(c.checkTargetGroupName("internal-web", false));
        bad(c.checkTargetGroupName("a".repeat(33), false), /at most 32/);
    });

    it("IAM names and paths", () => {
        ok(c.checkIamRoleName("r".repeat(56)));
        bad(c.checkIamRoleName("r".repeat(57)), /at most 64 characters/);
        ok(c.checkIamPolicyName("p".repeat(128), false));
        bad(c.checkIamPolicyName("p".repeat(129), false), /at most 128/);
        bad(c.checkIamRoleName("role name", false), /only letters, digits and \+=,.@_-/);
        ok(c.checkIamPath("/"));
        ok(c.checkIamPath("/team/app/"));
        bad(c.checkIamPath("team"), /'\/' or a path like \/team\/app\//);
        bad(c.checkIamPath(`/${"a".repeat(511)}/`), /at most 512/);
    });

    it("ECR repository names", () => {
        ok(c.checkEcrRepositoryName("web/dev"));
        ok(c.checkEcrRepositoryName("a".repeat(256)));
        bad(c.checkEcrRepositoryName("a".repeat(257)), /2–256 lowercase/);
        bad(c.checkEcrRepositoryName("Web/dev"), /lowercase/);
        bad(c.checkEcrRepositoryName("web//dev"), /lowercase/);
    });

    it("log group names", () => {
        ok(c.checkLogGroupName("/ecs/web/dev"));
        ok(c.checkLogGroupName("a".repeat(512)));
        bad(c.checkLogGroupName("a".repeat(513)), /1–512 characters/);
        bad(c.checkLogGroupName("/ecs/web dev"), /1–512 characters of A-Z a-z 0-9 . - _ \/ #/);
    });

    it("security group descriptions", () => {
        ok(c.checkSecurityGroupDescription("ALB: HTTP(S) from the internet, out to tasks only"));
        ok(c.checkSecurityGroupDescription("d".repeat(255)));
        bad(c.checkSecurityGroupDescription("d".repeat(256)), /at most 255 characters/);
        bad(c.checkSecurityGroupDescription("café"), /at most 255 characters of a-z/);
    });

    it("target group health checks", () => {
        ok(c.checkHealthCheckInterval(5));
        ok(c.checkHealthCheckInterval(300));
        bad(c.checkHealthCheckInterval(4), /5 to 300 seconds/);
        bad(c.checkHealthCheckInterval(301), /5 to 300 seconds/);
        ok(c.checkHealthCheckTimeout(9, 10));
        bad(c.checkHealthCheckTimeout(10, 10), /less than the interval \(10 s\)/);
        bad(c.checkHealthCheckTimeout(1, 10), /2 to 120 seconds/);
        ok(c.checkHealthCheckThreshold(2));
        ok(c.checkHealthCheckThreshold(10));
        bad(c.checkHealthCheckThreshold(1), /2 to 10/);
        bad(c.checkHealthCheckThreshold(11), /2 to 10/);
        for (const m of ["200", "200,204", "200-299", "200-399,404"]) ok(c.checkHealthCheckMatcher(m));
        for (const m of ["199", "500", "299-200", "2xx", "200-", ""]) bad(c.checkHealthCheckMatcher(m), /HTTP codes from 200 to 499/);
        ok(c.checkHealthCheckPath("/health"));
        bad(c.checkHealthCheckPath("/" + "a".repeat(1024)), /at most 1024/);
        bad(c.checkHealthCheckPath("/he alth"), /no spaces/);
    });

    it("deregistration delay 0–3600", () => {
        ok(c.checkDeregistrationDelay(0));
        ok(c.checkDeregistrationDelay(3600));
        bad(c.checkDeregistrationDelay(-1), /0 to 3600 seconds/);
        bad(c.checkDeregistrationDelay(3601), /0 to 3600 seconds/);
    });

    it("healthy percents let a rolling update of the desired count proceed", () => {
        ok(c.checkHealthyPercents(100, 200, 1));
        ok(c.checkHealthyPercents(50, 100, 2));
        bad(c.checkHealthyPercents(100, 100, 3), /start an extra task or stop one/);
        bad(c.checkHealthyPercents(100, 149, 2), /start an extra task or stop one/);
        ok(c.checkHealthyPercents(100, 150, 2));
        bad(c.checkHealthyPercents(101, 200, 2), /minimum healthy percent from 0 to 100/);
        bad(c.checkHealthyPercents(100, 201, 2), /maximum percent from 100 to 200/);
    });

    it("autoscaling targets and cooldowns", () => {
        ok(c.checkPercentTarget(10));
        ok(c.checkPercentTarget(90));
        bad(c.checkPercentTarget(9), /10 to 90 percent/);
        bad(c.checkPercentTarget(91), /10 to 90 percent/);
        ok(c.checkRequestsPerTarget(1));
        bad(c.checkRequestsPerTarget(0), /1 to 100000 requests/);
        ok(c.checkCooldown(0));
        bad(c.checkCooldown(3601), /0 to 3600 seconds/);
    });

    it("certificate ARNs and TLS policies", () => {
        ok(c.checkCertificateArn("arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"));
        ok(c.checkCertificateArn("arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"));
        bad(c.checkCertificateArn("arn:aws:iam::123456789012:server-certificate/x"), /certificate\/<uuid>/);
        ok(c.checkTlsPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06"));
        bad(c.checkTlsPolicy("ELBSecurityPolicy-TLS-1-0-2015-04"), /a TLS 1.2\+ policy/);
        assert.ok(c.LEGACY_TLS_POLICIES.every((p) => c.checkTlsPolicy(p) !== undefined));
    });

    it("subnet CIDRs inside the VPC, not overlapping, /28 or larger", () => {
        const subnets = c.splitCidr("10.0.0.0/16", 6);
        assert.deepEqual(subnets.slice(0, 2), ["10.0.0.0/19", "10.0.32.0/19"]);
        ok(c.checkSubnetCidrs("10.0.0.0/16", subnets));
        bad(c.checkSubnetCidrs("10.0.0.0/16", ["10.0.0.0/24", "10.0.0.128/25"]), /10.0.0.128\/25 not to overlap 10.0.0.0\/24/);
        bad(c.checkSubnetCidrs("10.0.0.0/16", ["10.1.0.0/24"]), /10.1.0.0\/24 to lie inside 10.0.0.0\/16/);
        bad(c.checkSubnetCidrs("10.0.0.0/24", ["10.0.0.0/29"]), /10.0.0.0\/29 to be \/28 or larger/);
        bad(c.checkSubnetCidrs("10.0.0.0/24", c.splitCidr("10.0.0.0/24", 32)), /\/28 or larger/);
    });

    it("split subnets never overlap and stay inside the VPC (property)", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 24 }), fc.integer({ min: 2, max: 12 }), (octet, prefix, count) => {
                const cidr = c.parseCidr(`${octet}.0.0.0/${prefix}`)!;
                const vpc = c.formatCidr({ base: cidr.base - (cidr.base % 2 ** (32 - prefix)), prefix });
                const subnets = c.splitCidr(vpc, count);
                const fits = Number(subnets[0]!.split("/")[1]) <= 28;
                assert.equal(c.checkSubnetCidrs(vpc, subnets) === undefined, fits);
            }),
            { numRuns: 500 },
        );
    });

    it("AZ count within 2–6 and the region's zones", () => {
        ok(c.checkAzCount(2));
        ok(c.checkAzCount(3, 3));
        bad(c.checkAzCount(1), /2 to 6/);
        bad(c.checkAzCount(4, 3), /at most 3 \(the region's available AZs\)/);
    });

    it("tags: lengths, characters, no aws: prefix", () => {
        ok(c.checkTag("k".repeat(128), "v".repeat(256)));
        bad(c.checkTag("k".repeat(129), "v"), /1–128 characters/);
        bad(c.checkTag("", "v"), /1–128 characters/);
        bad(c.checkTag("k", "v".repeat(257)), /at most 256 characters/);
        bad(c.checkTag("AWS:cost", "v"), /does not start with 'aws:'/);
        bad(c.checkTag("team", "a|b"), /letters, digits, spaces/);
    });

    it("log retention values", () => {
        ok(c.checkLogRetention(7));
        ok(c.checkLogRetention(3653));
        bad(c.checkLogRetention(8), /one of 1, 3, 5, 7/);
        bad(c.checkLogRetention(0), /one of/);
    });
});
