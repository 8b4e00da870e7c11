// The CI gate decides at `pulumi preview`: every shipped stack (and its optional features) has
// no mandatory violation and no mandatory policy left undecided at preview, and a tutorial-style
// program is caught at preview by the same rules as after up. More programs: previewPrograms.spec.ts.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ENGINE_UNKNOWN } from "../plan/unknowns";
import { ROOT } from "./support/mocks";
import { listStacks } from "../plan/stackInfo";
import { PhaseRun, PhaseRunOptions, byPolicy, gate, runPhase } from "./support/phases";
import { TUTORIAL_CAUGHT } from "./fixtures/tutorialCaught";

/** Every stack with a stack file: the shipped ones and any an adopter adds. */
const STACKS = listStacks(ROOT);

const CERTIFICATE_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
const FEATURES = {
    enableExec: true,
    logKms: true,
    // HTTPS with the stack's own certificate (staging and prod name their domain in their files).
    domain: { name: "web.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
    s3Grants: [{ bucket: "acme-uploads", access: "read-write" }],
    secrets: [
        { name: "DB_URL", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-url-AbCdEf" },
        { name: "API_TOKEN", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/web/api-token" },
    ],
};
const EXISTING_VPC = {
    vpcId: "vpc-0123456789abcdef0",
    publicSubnetIds: ["subnet-0000000000000000a", "subnet-0000000000000000b"],
    privateSubnetIds: ["subnet-0000000000000000c", "subnet-0000000000000000d"],
};
const TUTORIAL = join(__dirname, "fixtures", "publicIpProgram.ts");

const clean = { mandatory: [], undecided: [] };

describe("the CI gate at preview", function () {
    this.timeout(300_000);

    describe("shipped stacks", () => {
        const runs: Record<string, { preview: PhaseRun; up: PhaseRun }> = {};
        before(async () => {
            for (const stack of STACKS) runs[stack] = { preview: await runPhase({ stack, phase: "preview" }), up: await runPhase({ stack, phase: "up" }) };
        });

        it("every shipped stack: no mandatory violation and no mandatory policy undecided, at preview and after up", () => {
            for (const stack of STACKS) {
                assert.deepEqual(gate(runs[stack]!.preview), clean, `${stack} at preview`);
                assert.deepEqual(gate(runs[stack]!.up), clean, `${stack} after up`);
            }
        });

        it("at preview the records really carry unknowns (role ARNs, subnet ids), yet what the rules read is known", () => {
            for (const stack of STACKS) {
                const td = runs[stack]!.preview.resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!;
                assert.equal(td.inputs.executionRoleArn, ENGINE_UNKNOWN, stack);
                const [container] = JSON.parse(String(td.inputs.containerDefinitions)) as { image: string }[];
                assert.match(container!.image, new RegExp(`^123456789012\\.dkr\\.ecr\\.us-east-1\\.amazonaws\\.com/web/${stack}:app-[0-9a-f]{16}$`), stack);
                const policy = runs[stack]!.preview.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name.endsWith("execution"))!;
                assert.match(String(policy.inputs.policy), new RegExp(`"arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/${stack}:\\*"`), stack);
            }
            const group = runs.prod!.preview.resources.find((r) => r.type === "aws:cloudwatch/logGroup:LogGroup")!;
            assert.equal(group.inputs.kmsKeyId, ENGINE_UNKNOWN, "a new key's ARN is unknown at preview; log-group-kms decides on presence");
            assert.deepEqual(byPolicy(runs.prod!.preview.evaluation.violations, "log-group-kms"), []);
        });

        it("the task definition waits for the image build it references", () => {
            for (const stack of STACKS) {
                const td = runs[stack]!.preview.resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!;
                const build = runs[stack]!.preview.resources.find((r) => r.type === "awsx:ecr:Image")!;
                assert.ok(td.dependencies.includes(build.urn), stack);
            }
        });
    });

    describe("optional features stay decidable", () => {
        // Each variant runs on every shipped stack unless it names its own.
        const variants: [string, Omit<PhaseRunOptions, "stack" | "phase">, string[]?][] = [
            ["HTTPS, secrets, S3 grants, ECS Exec, KMS", { configOverrides: FEATURES }],
            // staging and prod name a domain, which certificateArn excludes.
            ["HTTPS with a certificate made elsewhere", { configOverrides: { certificateArn: CERTIFICATE_ARN } }, ["dev"]],
            [
                "a prebuilt image in another account's ECR",
                { configOverrides: { ...FEATURES, image: "210987654321.dkr.ecr.eu-west-1.amazonaws.com/shared/web:1.4.2" } },
            ],
            [
                "a prebuilt image from an allowlisted registry",
                {
                    configOverrides: { image: "ghcr.io/acme/web:1.2.3" },
                    policyConfig: { "ecs-container-image-provenance": { allowedRegistries: ["ghcr.io"] } },
                },
            ],
            [
                "an adopted VPC with allowlisted subnets",
                {
                    configOverrides: { existingVpc: EXISTING_VPC, azCount: 2 },
                    policyConfig: { "ecs-service-private-subnets": { approvedPrivateSubnetIds: EXISTING_VPC.privateSubnetIds } },
                },
            ],
        ];
        for (const [label, options, stacks] of variants) {
            it(`${label}: clean at preview on ${stacks ? stacks.join(", ") : "every shipped stack"}`, async () => {
                for (const stack of stacks ?? STACKS)
                    assert.deepEqual(gate(await runPhase({ stack, phase: "preview", ...options })), clean, `${stack}: ${label}`);
            });
        }

        it("an adopted VPC without the allowlist is refused at preview as after up, naming the subnet", async () => {
            for (const phase of ["preview", "up"] as const) {
                const run = await runPhase({ stack: "dev", phase, configOverrides: { existingVpc: EXISTING_VPC } });
                assert.deepEqual(gate(run), { mandatory: ["ecs-service-private-subnets"], undecided: [] }, phase);
                assert.match(
                    byPolicy(run.evaluation.violations, "ecs-service-private-subnets")[0]!.message,
                    /subnet subnet-0000000000000000c is not in this stack and not in approvedPrivateSubnetIds/,
                );
            }
        });
    });

    describe("a tutorial-style program", () => {
        it("is caught at preview by the same rules as after up (public IP remediated on dev)", async () => {
            const preview = await runPhase({ stack: "dev", phase: "preview", programPath: TUTORIAL });
            const up = await runPhase({ stack: "dev", phase: "up", programPath: TUTORIAL });
            assert.deepEqual(gate(preview), { mandatory: TUTORIAL_CAUGHT, undecided: [] });
            assert.deepEqual(gate(up), gate(preview));
            assert.deepEqual(
                preview.evaluation.remediations.map((r) => r.policyName).sort(),
                ["ecs-cluster-container-insights", "ecs-service-no-public-ip"],
                "remediations run at preview although the service's cluster and subnets are unknown",
            );
            assert.match(
                byPolicy(preview.evaluation.violations, "iam-no-service-wildcards")[0]!.message,
                /allows s3:\* \(every s3 action[^)]*\); logs:\* \(every logs action[^)]*\); allowed: named actions/,
            );
            assert.match(byPolicy(preview.evaluation.violations, "iam-no-broad-managed-policies")[0]!.message, /AmazonS3FullAccess/);
            assert.match(
                byPolicy(preview.evaluation.violations, "ecs-service-private-subnets")
                    .map((v) => v.message)
                    .join("\n"),
                /runs in subnet tutorial, which is public: mapPublicIpOnLaunch is true/,
            );
        });

        it("on prod's config the public IP itself fails, at preview as after up", async () => {
            const config = { policyConfigPath: join(ROOT, "policy", "config", "prod.json") };
            const preview = await runPhase({ stack: "dev", phase: "preview", programPath: TUTORIAL, ...config });
            const up = await runPhase({ stack: "dev", phase: "up", programPath: TUTORIAL, ...config });
            assert.ok(gate(preview).mandatory.includes("ecs-service-no-public-ip"));
            assert.deepEqual(gate(preview), gate(up));
        });
    });
});
