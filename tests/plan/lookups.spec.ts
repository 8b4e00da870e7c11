// Programs that call data sources, through the whole offline plan: the invokes answer in both
// phases, their answers reach the registered inputs the pack judges, an invoke the plan cannot
// answer is a limit (exit 3) naming the call and the flag, and --invoke-results supplies answers.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import { publicParameter } from "../../plan/mocks/invokes/images";
import { renderPolicyDocument } from "../../plan/mocks/policyDocument";
import type { ResourceRecord } from "../../plan/types";
import { detailOf } from "../../plan/verdicts";
import { sharedAnalyzer } from "../support/analyzer";
import { cli, programRuns } from "../support/cli";
import { ROOT } from "../support/mocks";
import { writeTemp } from "../support/policyConfig";

const PROGRAMS = join(ROOT, "tests", "fixtures", "programs");
const LOOKUPS = join(PROGRAMS, "lookups");
const UNANSWERED = join(PROGRAMS, "unanswered-invoke");
const INSTANCE_TOKEN = "aws:ec2/getInstance:getInstance";

const input = (resources: ResourceRecord[], type: string, key: string) => resources.find((r) => r.type === type)!.inputs[key];

describe("plan --program with data sources", function () {
    this.timeout(180_000);

    it("AMI, default VPC, policy documents, the ECS AMI's SSM document and an ECR token answer in both phases and reach the inputs judged", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: LOOKUPS, analyzer: await sharedAnalyzer(), programRuns });
        const rolePolicy = renderPolicyDocument({
            statements: [
                { sid: "Logs", actions: ["logs:PutLogEvents", "logs:CreateLogStream"], resources: ["*"] },
                { sid: "Pull", actions: ["ecr:BatchGetImage"], resources: ["arn:aws:ecr:eu-west-1:123456789012:repository/app"] },
            ],
        }).json;
        const ecsImage = JSON.parse(publicParameter("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended")!).image_id as string;
        for (const phase of ["preview", "up"] as const) {
            const resources = plan.phases[phase]!.resources;
            assert.equal(input(resources, "aws:iam/rolePolicy:RolePolicy", "policy"), rolePolicy, `${phase}: the provider's rendering`);
            const trust = JSON.parse(String(input(resources, "aws:iam/role:Role", "assumeRolePolicy")));
            assert.deepEqual(trust.Statement[0].Principal, { Service: "ec2.amazonaws.com" });
            assert.match(String(input(resources, "aws:ec2/instance:Instance", "ami")), /^ami-[0-9a-f]{17}$/);
            assert.match(String(input(resources, "aws:ec2/instance:Instance", "subnetId")), /^subnet-[0-9a-f]{17}$/);
            assert.match(String(input(resources, "aws:ec2/securityGroup:SecurityGroup", "vpcId")), /^vpc-[0-9a-f]{17}$/);
            const ingress = input(resources, "aws:ec2/securityGroup:SecurityGroup", "ingress") as { cidrBlocks: string[] }[];
            assert.deepEqual(ingress[0]!.cidrBlocks, ["172.31.0.0/16"], `${phase}: the default VPC's range`);
            assert.equal(input(resources, "aws:ec2/launchTemplate:LaunchTemplate", "imageId"), ecsImage, `${phase}: image_id of the JSON document`);
            const wildcard = plan.phases[phase]!.evaluation.violations.filter((v) => v.policyName === "iam-no-wildcard-resource");
            assert.equal(wildcard.length, 1, `${phase}: only the Logs statement is broad`);
            assert.match(detailOf(wildcard[0]!), /statement Logs allows logs:PutLogEvents/);
        }
        assert.equal(plan.outputs.registry, "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com");
        assert.match(String(plan.outputs.amiName), /^al2023-ami-\d+-x86_64$/);
        assert.match(String(plan.outputs.ecsAmiName), /^amzn2-ami-ecs-hvm-/);
        assert.equal((plan.outputs.subnetIds as string[]).length, 3, "one default subnet per zone of eu-west-1");
    });

    it("an invoke the plan cannot answer: exit 3, a limit of the offline plan naming the call and --invoke-results, not a bug", async () => {
        const { code, out, err } = await cli(["--program", UNANSWERED]);
        assert.equal(code, 3);
        assert.equal(out, "");
        assert.match(err, /^limit of the offline plan: no answer for this invoke/);
        assert.match(err, /aws:ec2\/getInstance:getInstance\(\{"instanceId":"i-0abc1234def567890"\}\)/);
        assert.match(err, /Supply the result with --invoke-results <file>, a JSON file: \{ "<invoke token>": \{ <result> \} \}/);
        assert.doesNotMatch(err, /bug|internal error/);
    });

    it("--invoke-results answers it: the supplied value reaches the inputs in both phases", async () => {
        const file = writeTemp(
            "invokes.json",
            JSON.stringify({ [INSTANCE_TOKEN]: [{ args: { instanceId: "i-0abc1234def567890" }, result: { privateIp: "10.1.2.3" } }] }),
        );
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: UNANSWERED, invokeResults: file, analyzer: await sharedAnalyzer() });
        for (const phase of ["preview", "up"] as const) {
            const ingress = input(plan.phases[phase]!.resources, "aws:ec2/securityGroup:SecurityGroup", "ingress") as { cidrBlocks: string[] }[];
            assert.deepEqual(ingress[0]!.cidrBlocks, ["10.1.2.3/32"], phase);
        }
        assert.equal(plan.outputs.bastionIp, "10.1.2.3");
        const { code } = await cli(["--program", UNANSWERED, "--invoke-results", file, "--phase", "preview"]);
        assert.notEqual(code, 3);
        const other = writeTemp("other.json", JSON.stringify({ [INSTANCE_TOKEN]: [{ args: { instanceId: "i-other" }, result: { privateIp: "10.9.9.9" } }] }));
        const unmatched = await cli(["--program", UNANSWERED, "--invoke-results", other, "--phase", "preview"]);
        assert.equal(unmatched.code, 3);
        assert.match(unmatched.err, /has entries for it, but none whose args match/);
    });

    it("a bad --invoke-results file: exit 2 naming the file, the key and what is allowed", async () => {
        const bad = async (content: string, message: RegExp) => {
            const file = writeTemp("bad-invokes.json", content);
            const { code, err } = await cli(["--program", UNANSWERED, "--invoke-results", file, "--phase", "preview"]);
            assert.equal(code, 2, err);
            assert.ok(err.startsWith(`error: ${file}: `) || err.includes("bad-invokes.json: "), err);
            assert.match(err, message);
        };
        await bad("{ not json", /not valid JSON .*allowed: \{ "<invoke token>"/);
        await bad("[]", /must be a JSON object; allowed:/);
        await bad(JSON.stringify({ getInstance: {} }), /key "getInstance" is not an invoke token; allowed: tokens such as "aws:ec2\/getAmi:getAmi"/);
        await bad(JSON.stringify({ [INSTANCE_TOKEN]: [{ result: 5 }] }), /key "aws:ec2\/getInstance:getInstance", entry 0: "result" must be an object/);
        await bad(JSON.stringify({ [INSTANCE_TOKEN]: [{ args: {}, result: {}, extra: 1 }] }), /entry 0: unknown field "extra"; allowed: "args", "result"/);
        await bad(
            JSON.stringify({ [INSTANCE_TOKEN]: "10.0.0.1" }),
            /key "aws:ec2\/getInstance:getInstance": "10\.0\.0\.1" is not valid; allowed: a result object or a list/,
        );
        const missing = await cli(["--program", UNANSWERED, "--invoke-results", join(PROGRAMS, "no-such.json")]);
        assert.equal(missing.code, 2);
        assert.match(missing.err, /no-such\.json: cannot read the invoke results: ENOENT/);
        const withState = await cli(["--state", join(ROOT, "tests", "fixtures", "state", "x.json"), "--invoke-results", "x.json"]);
        assert.equal(withState.code, 2);
        assert.match(withState.err, /--state cannot be combined with --invoke-results/);
    });
});
