import { strict as assert } from "node:assert";
import { cicdArtifactBucketProtected, cicdRoleLeastPrivilege, codebuildNoPlaintextSecrets, codebuildPrivilegedModeJustified } from "../../policy/rules/cicd";
import { iamNoServiceWildcards } from "../../policy/rules/iam";
import { imageBuildRolePolicy, pipelineRolePolicy, serviceTrustPolicy, stackRolePolicy } from "../../documents/pipelineIam";
import { imageBuildSpec } from "../../documents/buildspec";
import { artifactLifecycleRules } from "../../documents/artifactBucket";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { buildRolePolicy } from "./fixtures";
import { checkRaw, messages, StackBuilder } from "./harness";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const PROJECT = "aws:codebuild/project:Project";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const BUCKET = "artifacts-123456789012";
const CONNECTION = "arn:aws:codeconnections:us-east-1:123456789012:connection/abc";
const TOKEN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:pulumi-token-AbCdEf";
const DEPLOY_ROLE = "arn:aws:iam::123456789012:role/pulumi-deploy";
const arn = {
    bucket: `arn:aws:s3:::${BUCKET}`,
    logGroup: "arn:aws:logs:us-east-1:123456789012:log-group:/codebuild/web/dev",
    repository: "arn:aws:ecr:us-east-1:123456789012:repository/web/dev",
    project: (n: string) => `arn:aws:codebuild:us-east-1:123456789012:project/${n}`,
};
const trust = (service: string, sourceArn: string) => JSON.stringify(serviceTrustPolicy(service, "123456789012", sourceArn));
const project = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    source: { type: "CODEPIPELINE", buildspec: "version: 0.2\nphases:\n  build:\n    commands: [make]\n" },
    environment: {
        type: "LINUX_CONTAINER",
        image: "aws/codebuild/amazonlinux-x86_64-standard:5.0",
        computeType: "BUILD_GENERAL1_SMALL",
        privilegedMode: false,
    },
    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/codebuild/web/dev" } },
    ...extra,
});
const action = (provider: string, configuration: Record<string, unknown>) => ({
    name: provider,
    category: "Build",
    owner: "AWS",
    provider,
    version: "1",
    configuration,
});

/** The program's shape: bucket and its protection, repository, build and gate projects with their roles, the pipeline and its role. */
function ciStack(o: { buildPolicy?: unknown; bucketParts?: string[]; pipelineTrust?: string } = {}) {
    const b = new StackBuilder().add("aws:s3/bucket:Bucket", "bucket", { bucket: BUCKET }).add("aws:ecr/repository:Repository", "repo", { name: "web/dev" });
    const parts = o.bucketParts ?? ["encryption", "block", "lifecycle"];
    if (parts.includes("encryption"))
        b.add(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "sse",
            { bucket: BUCKET, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
            { bucket: ["bucket"] },
        );
    if (parts.includes("block"))
        b.add(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "block",
            { bucket: BUCKET, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            { bucket: ["bucket"] },
        );
    if (parts.includes("lifecycle"))
        b.add(
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            "lifecycle",
            { bucket: BUCKET, rules: artifactLifecycleRules(7) },
            { bucket: ["bucket"] },
        );
    const grants = { logGroupArn: arn.logGroup, bucketArn: arn.bucket, writesArtifacts: false };
    b.add(ROLE, "build-role", { assumeRolePolicy: trust("codebuild.amazonaws.com", arn.project("build")) })
        .add(
            ROLE_POLICY,
            "build-policy",
            { policy: o.buildPolicy ?? JSON.stringify(imageBuildRolePolicy({ ...grants, repositoryArn: arn.repository })) },
            { role: ["build-role"] },
        )
        .add(ROLE, "gate-role", { assumeRolePolicy: trust("codebuild.amazonaws.com", arn.project("gate")) })
        .add(
            ROLE_POLICY,
            "gate-policy",
            { policy: JSON.stringify(stackRolePolicy({ ...grants, tokenSecretArn: TOKEN, stackRoleArn: DEPLOY_ROLE })) },
            { role: ["gate-role"] },
        )
        .add(PROJECT, "build", project("build", { serviceRole: "build-role-arn" }), { serviceRole: ["build-role"] })
        .add(
            PROJECT,
            "gate",
            project("gate", {
                environment: {
                    ...project("gate").environment,
                    environmentVariables: [
                        { name: "PULUMI_ACCESS_TOKEN", type: "SECRETS_MANAGER", value: TOKEN },
                        { name: "STACK_ROLE_ARN", type: "PLAINTEXT", value: DEPLOY_ROLE },
                    ],
                },
            }),
            { serviceRole: ["gate-role"] },
        )
        .add(ROLE, "pipeline-role", {
            assumeRolePolicy: o.pipelineTrust ?? trust("codepipeline.amazonaws.com", "arn:aws:codepipeline:us-east-1:123456789012:web"),
        })
        .add(
            ROLE_POLICY,
            "pipeline-policy",
            {
                policy: JSON.stringify(
                    pipelineRolePolicy({ bucketArn: arn.bucket, connectionArn: CONNECTION, projectArns: ["build", "gate"].map(arn.project) }),
                ),
            },
            { role: ["pipeline-role"] },
        )
        .add(
            PIPELINE,
            "pipeline",
            {
                pipelineType: "V2",
                artifactStores: [{ location: BUCKET, type: "S3" }],
                stages: [
                    {
                        name: "Source",
                        actions: [action("CodeStarSourceConnection", { ConnectionArn: CONNECTION, FullRepositoryId: "acme/web", BranchName: "main" })],
                    },
                    { name: "Build", actions: [action("CodeBuild", { ProjectName: "build" })] },
                    { name: "Gate", actions: [action("CodeBuild", { ProjectName: "gate" })] },
                ],
            },
            { roleArn: ["pipeline-role"], artifactStores: ["bucket"] },
        );
    return b;
}

const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("policy: CI/CD", () => {
    describe("cicd-role-least-privilege", () => {
        it("passes the program's build, gate and pipeline roles", async () => {
            assert.deepEqual(messages(await ciStack().check(cicdRoleLeastPrivilege)), []);
        });

        it("refuses the tutorial's CodeBuild role (ecr:*, ecs:*, logs:*, cloudwatch:* on *), as the general IAM rule does", async () => {
            const tutorial = ciStack({ buildPolicy: buildRolePolicy });
            assert.deepEqual(messages(await tutorial.check(cicdRoleLeastPrivilege)), [
                'build-role: build-policy statement 0 allows ecr:*, ecs:*, logs:*, cloudwatch:* on ["*"]; a CI role names its actions.',
            ]);
            assert.deepEqual(messages(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, { policy: buildRolePolicy })), [
                "subject: policy statement 0 allows ecr:* (every ecr action: 4 Permissions management, 31 Write); ecs:* (every ecs action: 1 Permissions management, 51 Write); logs:* (every logs action: 2 Permissions management, 72 Write); cloudwatch:* (every cloudwatch action: 8 Permissions management, 74 Write); allowed: named actions, or wildcards that reach only Read/List actions.",
            ]);
        });

        it("refuses named actions on * and grants beyond what the projects use", async () => {
            const broad = ciStack({
                buildPolicy: policy(
                    { Sid: "Push", Effect: "Allow", Action: ["ecr:PutImage"], Resource: "*" },
                    { Sid: "OtherBucket", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::customer-data/*"] },
                    {
                        Sid: "OtherSecret",
                        Effect: "Allow",
                        Action: ["secretsmanager:GetSecretValue"],
                        Resource: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db-XyZ"],
                    },
                ),
            });
            assert.deepEqual(messages(await broad.check(cicdRoleLeastPrivilege)), [
                'build-role: build-policy statement Push allows ecr:PutImage on Resource "*"; scope it to the ARNs this CI role uses.',
                'build-role: build-policy statement OtherBucket allows s3:GetObject on ["arn:aws:s3:::customer-data/*"], which none of the projects or pipelines using build-role needs.',
                'build-role: build-policy statement OtherSecret allows secretsmanager:GetSecretValue on ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db-XyZ"], which none of the projects or pipelines using build-role needs.',
            ]);
        });

        it("refuses IAM writes, unconditioned PassRole, AWS-managed policies and trust without confused-deputy conditions", async () => {
            const escalating = ciStack({
                buildPolicy: policy(
                    { Sid: "Iam", Effect: "Allow", Action: ["iam:PutRolePolicy"], Resource: ["arn:aws:iam::123456789012:role/build"] },
                    { Sid: "Pass", Effect: "Allow", Action: ["iam:PassRole"], Resource: ["arn:aws:iam::123456789012:role/x"] },
                ),
                pipelineTrust: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "codepipeline.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
            }).add(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "admin",
                { policyArn: "arn:aws:iam::aws:policy/AWSCodeBuildAdminAccess" },
                { role: ["gate-role"] },
            );
            assert.deepEqual(messages(await escalating.check(cicdRoleLeastPrivilege)), [
                "build-role: build-policy statement Iam allows iam:PutRolePolicy: a CI role that writes IAM can grant itself anything.",
                "build-role: build-policy statement Pass allows iam:PassRole without an iam:PassedToService condition.",
                "gate-role: CI role gate-role attaches the AWS-managed arn:aws:iam::aws:policy/AWSCodeBuildAdminAccess; managed policies reach every resource of their services.",
                "pipeline-role: CI role pipeline-role trusts codepipeline.amazonaws.com without aws:SourceAccount or aws:SourceArn (confused deputy).",
            ]);
        });

        it("reads further needs from the resources: a VPC build's network interfaces, the pipeline's KMS key, the project's report groups", async () => {
            const key = "arn:aws:kms:us-east-1:123456789012:key/1111-2222";
            const grants = policy(
                { Sid: "Vpc", Effect: "Allow", Action: ["ec2:CreateNetworkInterface", "ec2:DescribeSubnets"], Resource: "*" },
                { Sid: "Key", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [key] },
                {
                    Sid: "Reports",
                    Effect: "Allow",
                    Action: ["codebuild:CreateReport"],
                    Resource: ["arn:aws:codebuild:us-east-1:123456789012:report-group/build-junit"],
                },
            );
            const plain = ciStack({ buildPolicy: grants });
            assert.deepEqual(
                messages(await plain.check(cicdRoleLeastPrivilege)).map((m) => m.replace(/ on .*/, "")),
                [
                    "build-role: build-policy statement Vpc allows ec2:CreateNetworkInterface",
                    "build-role: build-policy statement Key allows kms:Decrypt",
                    "build-role: build-policy statement Key allows kms:GenerateDataKey",
                ],
            );
            const withVpcAndKey = new StackBuilder();
            for (const r of ciStack({ buildPolicy: grants }).records) {
                if (r.name === "build")
                    r.inputs = r.outputs = { ...r.inputs, vpcConfig: { vpcId: "vpc-1", subnets: ["subnet-1"], securityGroupIds: ["sg-1"] } };
                if (r.name === "pipeline")
                    r.inputs = r.outputs = { ...r.inputs, artifactStores: [{ location: BUCKET, type: "S3", encryptionKey: { id: key, type: "KMS" } }] };
                withVpcAndKey.records.push(r);
            }
            assert.deepEqual(messages(await withVpcAndKey.check(cicdRoleLeastPrivilege)), []);
        });

        it("config may allow named extra actions", async () => {
            const extra = ciStack({
                buildPolicy: policy({
                    Effect: "Allow",
                    Action: ["codeartifact:GetAuthorizationToken"],
                    Resource: ["arn:aws:codeartifact:us-east-1:123456789012:domain/acme"],
                }),
            });
            assert.equal(messages(await extra.check(cicdRoleLeastPrivilege)).length, 1);
            assert.deepEqual(await extra.check(cicdRoleLeastPrivilege, { "cicd-role-least-privilege": { allowedActions: ["codeartifact:*"] } }), []);
        });

        it("at preview, an unknown policy document is unverifiable for its role and the other roles are still decided", async () => {
            const preview = ciStack({ buildPolicy: UNKNOWN.string });
            assert.deepEqual(messages(await preview.check(cicdRoleLeastPrivilege)), [
                "build-role: a policy of CI role build-role is unknown at preview: unverifiable, so not accepted.",
            ]);
        });
    });

    describe("codebuild-privileged-mode-justified", () => {
        const privileged = (buildspec: string) => ({ name: "build", source: { type: "CODEPIPELINE", buildspec }, environment: { privilegedMode: true } });
        it("passes the program's image build", async () => {
            const spec = imageBuildSpec({
                repositoryUrl: "1.dkr.ecr.us-east-1.amazonaws.com/web",
                repositoryName: "web",
                buildContext: "app",
                platform: "linux/amd64",
            });
            assert.deepEqual(await checkRaw(codebuildPrivilegedModeJustified, PROJECT, privileged(spec)), []);
        });
        it("fails privilege without docker, or with a buildspec the pack cannot read, unless allowlisted", async () => {
            assert.deepEqual(
                messages(await checkRaw(codebuildPrivilegedModeJustified, PROJECT, privileged("version: 0.2\nphases:\n  build:\n    commands: [npm test]\n"))),
                ["subject: runs privileged but its buildspec never runs docker build or docker push; turn privilegedMode off."],
            );
            assert.deepEqual(messages(await checkRaw(codebuildPrivilegedModeJustified, PROJECT, privileged("ci/buildspec.yml"))), [
                "subject: runs privileged with the buildspec file ci/buildspec.yml: unverifiable that it only builds images. Inline the buildspec or list the project in allowedProjects.",
            ]);
            assert.deepEqual(
                await checkRaw(codebuildPrivilegedModeJustified, PROJECT, privileged("ci/buildspec.yml"), {
                    "codebuild-privileged-mode-justified": { allowedProjects: ["build"] },
                }),
                [],
            );
        });
    });

    describe("codebuild-no-plaintext-secrets", () => {
        const withVariables = (environmentVariables: unknown[]) => ({ environment: { environmentVariables } });
        it("passes secrets from Secrets Manager and plain non-secrets", async () => {
            const ok = withVariables([
                { name: "PULUMI_ACCESS_TOKEN", type: "SECRETS_MANAGER", value: TOKEN },
                { name: "STACK", value: "dev" },
            ]);
            assert.deepEqual(await checkRaw(codebuildNoPlaintextSecrets, PROJECT, ok), []);
        });
        it("fails a token by name or an access key by value in PLAINTEXT", async () => {
            const bad = withVariables([
                { name: "PULUMI_ACCESS_TOKEN", type: "PLAINTEXT", value: "pul-0123" },
                { name: "DEPLOY_KEY_ID", value: "AKIAABCDEFGHIJKLMNOP" },
            ]);
            assert.deepEqual(messages(await checkRaw(codebuildNoPlaintextSecrets, PROJECT, bad)), [
                "subject: environment variable PULUMI_ACCESS_TOKEN is PLAINTEXT and looks like a credential; anyone who can read the project sees it. Use type SECRETS_MANAGER.",
                "subject: environment variable DEPLOY_KEY_ID is PLAINTEXT and looks like a credential; anyone who can read the project sees it. Use type SECRETS_MANAGER.",
            ]);
        });
        it("a variable with a blank name is named by its position, never as an empty name", async () => {
            const bad = withVariables([
                { name: "STACK", value: "dev" },
                { name: " ", value: "AKIAABCDEFGHIJKLMNOP" },
            ]);
            assert.deepEqual(messages(await checkRaw(codebuildNoPlaintextSecrets, PROJECT, bad)), [
                "subject: environment variable #1 (no name) is PLAINTEXT and looks like a credential; anyone who can read the project sees it. Use type SECRETS_MANAGER.",
            ]);
        });
    });

    describe("cicd-artifact-bucket-protected", () => {
        it("passes an encrypted, private, expiring bucket in the stack", async () => {
            assert.deepEqual(messages(await ciStack().check(cicdArtifactBucketProtected)), []);
        });
        it("names each missing protection", async () => {
            assert.deepEqual(messages(await ciStack({ bucketParts: [] }).check(cicdArtifactBucketProtected)), [
                `pipeline: artifact bucket ${BUCKET} has no default encryption; add a BucketServerSideEncryptionConfiguration.`,
                `pipeline: artifact bucket ${BUCKET} has no public access block; add a BucketPublicAccessBlock with all four flags true.`,
                `pipeline: artifact bucket ${BUCKET} never expires its artifacts; add a lifecycle rule with expiration.`,
            ]);
            const partial = ciStack({ bucketParts: ["encryption", "lifecycle"] }).add(
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "block",
                { bucket: BUCKET, blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: false },
                { bucket: ["bucket"] },
            );
            assert.deepEqual(messages(await partial.check(cicdArtifactBucketProtected)), [
                `pipeline: artifact bucket ${BUCKET} public access block leaves blockPublicPolicy, restrictPublicBuckets off; set all four true.`,
            ]);
        });
        it("a bucket outside the stack is unverifiable until allowlisted", async () => {
            const outside = new StackBuilder().add(PIPELINE, "pipeline", { artifactStores: [{ location: "shared-artifacts", type: "S3" }], stages: [] });
            assert.deepEqual(messages(await outside.check(cicdArtifactBucketProtected)), [
                "pipeline: artifact bucket shared-artifacts is not in this stack and not in approvedArtifactBuckets: unverifiable, so not accepted.",
            ]);
            assert.deepEqual(
                await outside.check(cicdArtifactBucketProtected, { "cicd-artifact-bucket-protected": { approvedArtifactBuckets: ["shared-artifacts"] } }),
                [],
            );
        });
        it("at preview, an unknown bucket name is unverifiable", async () => {
            const preview = new StackBuilder().add(PIPELINE, "pipeline", { artifactStores: [{ location: UNKNOWN.string, type: "S3" }], stages: [] });
            assert.deepEqual(messages(await preview.check(cicdArtifactBucketProtected)), [
                "pipeline: artifactStores.0.location is unknown at preview: unverifiable, so not accepted.",
            ]);
        });
    });
});
