// The cost section fits any program: it prices what the model knows, lists what it cannot price,
// and compares with the common defaults only for an ECS service behind an ALB (this project's shape).
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { cli } from "../support/cli";
import { ROOT } from "../support/mocks";

const program = (name: string) => join(ROOT, "tests", "fixtures", "programs", name);

interface JsonPlan {
    cost: { totalUsd: number; lines: unknown[] };
    unpriced: { type: string; count: number; billedFor: string }[];
    commonDefaults: unknown;
}

describe("plan --program: the cost section", function () {
    this.timeout(180_000);

    for (const phase of ["preview", "up"]) {
        it(`an S3-only program: no common-defaults comparison, no app usage, the bucket listed as unpriced (--phase ${phase})`, async () => {
            const text = await cli(["--program", program("s3-only"), "--phase", phase]);
            // The S3 rules judge its bucket (exit 1); the cost section is what this test is about.
            assert.equal(text.code, 1, text.err);
            assert.match(text.out, /\[s3-bucket-tls-only\] aws:s3:BucketV2 assets: /);
            assert.doesNotMatch(text.out, /common defaults|Assumed usage|×\s*of that/);
            assert.match(
                text.out,
                /\n {2}Not priced \(the model has no price for these; the total leaves them out\):\n {4}aws:s3:BucketV2 × 1: billed for storage, requests and data transfer\n/,
            );

            const plan = JSON.parse((await cli(["--program", program("s3-only"), "--phase", phase, "--json"])).out) as JsonPlan;
            assert.equal(plan.commonDefaults, null);
            assert.deepEqual(plan.unpriced, [{ type: "aws:s3/bucketV2:BucketV2", count: 1, billedFor: "storage, requests and data transfer" }]);
            assert.deepEqual([plan.cost.totalUsd, plan.cost.lines], [0, []]);
        });
    }

    it("an RDS instance is listed as unpriced, not left out silently", async () => {
        const text = await cli(["--program", program("rds-database")]);
        assert.match(text.out, /\n {4}aws:rds:Instance × 1: billed for instance hours, storage and I\/O\n/);
        assert.doesNotMatch(text.out, /common defaults/);
        const plan = JSON.parse((await cli(["--program", program("rds-database"), "--json"])).out) as JsonPlan;
        assert.deepEqual(plan.unpriced, [{ type: "aws:rds/instance:Instance", count: 1, billedFor: "instance hours, storage and I/O" }]);
    });

    it("components the plan cannot see into are listed as unpriced too", async () => {
        const plan = JSON.parse((await cli(["--program", program("awsx-service"), "--json"])).out) as JsonPlan;
        assert.deepEqual(plan.unpriced.map((u) => u.type).sort(), ["awsx:ecs:FargateService", "awsx:lb:ApplicationLoadBalancer"]);
        assert.equal(plan.commonDefaults, null);
    });

    it("this project's program keeps the comparison with the common defaults", async () => {
        const { out } = await cli(["--stack", "dev", "--phase", "up"]);
        assert.match(
            out,
            /\n {2}Same app with the common defaults \(a NAT gateway in each of 2 AZs, no VPC endpoints, on-demand tasks\): \$\d+\.\d\d\/month; this stack costs \d\.\d\d× of that\n/,
        );
        assert.doesNotMatch(out, /Not priced/);
    });
});
