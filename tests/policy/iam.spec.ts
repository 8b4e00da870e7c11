import { strict as assert } from "node:assert";
import {
    ecsDistinctRoles,
    ecsExecutionRoleLeastPrivilege,
    iamNoAdminAccess,
    iamNoBroadManagedPolicies,
    iamNoServiceWildcards,
    iamNoWildcardResource,
    iamTrustConfusedDeputy,
} from "../../policy/rules/iam";
import { executionRolePolicy } from "../../documents/iamDocuments";
import { sessionManagerPolicy } from "../../documents/natInstanceIam";
import { S3_FULL_ACCESS, buildRolePolicy, document, ecsTrust, goodContainer, scopedPolicy, taskDefinition } from "./fixtures";
import { StackBuilder, TASK_DEFINITION, check, messages } from "./harness";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";

describe("policy: iam", () => {
    describe("iam-no-admin-access", () => {
        it("passes scoped statements", async () => {
            assert.deepEqual(await check(iamNoAdminAccess, ROLE_POLICY, { policy: scopedPolicy }), []);
        });
        it("fails * on *, as a string or in lists, in every document path", async () => {
            const admin = { Effect: "Allow", Action: "*", Resource: "*" };
            assert.match(
                messages(await check(iamNoAdminAccess, ROLE_POLICY, { policy: document(admin) }))[0]!,
                /policy statement 0 allows \["\*"\] on \["\*"\]: administrator access/,
            );
            assert.match(
                messages(await check(iamNoAdminAccess, POLICY, { policy: { Version: "2012-10-17", Statement: { ...admin, Action: ["*:*"] } } }))[0]!,
                /administrator access/,
            );
            assert.match(
                messages(await check(iamNoAdminAccess, ROLE, { inlinePolicies: [{ name: "inline", policy: document(admin) }] }))[0]!,
                /inlinePolicies\[0\] \(inline\) statement 0/,
            );
        });
        it("fails Allow + NotAction on *", async () => {
            assert.match(
                messages(await check(iamNoAdminAccess, ROLE_POLICY, { policy: document({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }))[0]!,
                /allows everything but \["iam:\*"\]/,
            );
        });
        it("passes Deny * on *", async () => {
            assert.deepEqual(await check(iamNoAdminAccess, ROLE_POLICY, { policy: document({ Effect: "Deny", Action: "*", Resource: "*" }) }), []);
        });
        it("reports malformed documents", async () => {
            assert.match(messages(await check(iamNoAdminAccess, ROLE_POLICY, { policy: "{oops" }))[0]!, /policy is malformed: not valid JSON/);
            assert.match(messages(await check(iamNoAdminAccess, ROLE_POLICY, { policy: { Version: "2012-10-17" } }))[0]!, /policy is malformed: no Statement/);
        });
    });

    describe("iam-no-service-wildcards", () => {
        it("passes named actions", async () => {
            assert.deepEqual(await check(iamNoServiceWildcards, ROLE_POLICY, { policy: scopedPolicy }), []);
        });
        it("fails the tutorial build role's ecr:*, ecs:*, logs:*, cloudwatch:*", async () => {
            assert.deepEqual(messages(await check(iamNoServiceWildcards, ROLE_POLICY, { policy: buildRolePolicy })), [
                "subject: policy statement 0 allows ecr:*, ecs:*, logs:*, cloudwatch:*; allowed: named actions only.",
            ]);
        });
    });

    describe("iam-no-wildcard-resource", () => {
        it("passes ecr:GetAuthorizationToken on * and scoped statements", async () => {
            assert.deepEqual(
                await check(iamNoWildcardResource, ROLE_POLICY, {
                    policy: JSON.stringify(
                        executionRolePolicy({
                            repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/web"],
                            logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web",
                            secrets: [],
                        }),
                    ),
                }),
                [],
            );
        });
        it("fails scopable actions on * and NotResource", async () => {
            assert.deepEqual(
                messages(
                    await check(iamNoWildcardResource, ROLE_POLICY, {
                        policy: document({ Effect: "Allow", Action: ["s3:GetObject", "ecr:GetAuthorizationToken"], Resource: "*" }),
                    }),
                ),
                [
                    'subject: policy statement 0 allows s3:GetObject on Resource "*"; scope it to ARNs (only ecr:GetAuthorizationToken, ssmmessages:CreateControlChannel… may use "*").',
                ],
            );
            assert.equal(
                (
                    await check(iamNoWildcardResource, ROLE_POLICY, {
                        policy: document({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" }),
                    })
                ).length,
                1,
            );
        });
    });

    describe("iam-no-broad-managed-policies", () => {
        it("passes narrow managed policies", async () => {
            assert.deepEqual(await check(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"] }), []);
        });
        it("fails the tutorial task role's AmazonS3FullAccess, by every attachment path", async () => {
            const expected = `subject: attaches ${S3_FULL_ACCESS}, which grants far more than one workload needs; grant named actions on named resources instead.`;
            assert.deepEqual(messages(await check(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [S3_FULL_ACCESS] })), [expected]);
            assert.deepEqual(
                messages(await check(iamNoBroadManagedPolicies, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: S3_FULL_ACCESS })),
                [expected],
            );
            assert.deepEqual(
                messages(
                    await check(iamNoBroadManagedPolicies, "aws:iam/policyAttachment:PolicyAttachment", {
                        roles: ["r"],
                        policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
                    }),
                ).length,
                1,
            );
        });
        it("an allowlisted ARN passes", async () => {
            assert.deepEqual(
                await check(
                    iamNoBroadManagedPolicies,
                    ROLE,
                    { managedPolicyArns: [S3_FULL_ACCESS] },
                    { "iam-no-broad-managed-policies": { allowedManagedPolicyArns: [S3_FULL_ACCESS] } },
                ),
                [],
            );
        });
    });

    describe("iam-trust-confused-deputy", () => {
        it("passes ecs-tasks trust with SourceAccount", async () => {
            assert.deepEqual(
                await check(iamTrustConfusedDeputy, ROLE, { assumeRolePolicy: ecsTrust({ StringEquals: { "aws:SourceAccount": "123456789012" } }) }),
                [],
            );
        });
        it("fails bare ecs-tasks trust and trust of *", async () => {
            assert.deepEqual(messages(await check(iamTrustConfusedDeputy, ROLE, { assumeRolePolicy: ecsTrust() })), [
                "subject: trust statement 0 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn conditions (confused deputy).",
            ]);
            assert.match(
                messages(
                    await check(iamTrustConfusedDeputy, ROLE, { assumeRolePolicy: document({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }) }),
                )[0]!,
                /lets any principal assume the role/,
            );
        });
    });

    describe("ecs-distinct-execution-and-task-roles (graph)", () => {
        it("passes two roles", async () => {
            const b = new StackBuilder()
                .add(ROLE, "exec", {})
                .add(ROLE, "task", {})
                .add(TASK_DEFINITION, "td", {}, { executionRoleArn: ["exec"], taskRoleArn: ["task"] });
            assert.deepEqual(await b.check(ecsDistinctRoles), []);
        });
        it("fails the tutorial's one role for both, by graph or by value", async () => {
            const byGraph = new StackBuilder()
                .add(ROLE, "shared", {})
                .add(TASK_DEFINITION, "td", {}, { executionRoleArn: ["shared"], taskRoleArn: ["shared"] });
            assert.deepEqual(messages(await byGraph.check(ecsDistinctRoles)), [
                "td: uses the same role as execution role and task role (shared); the app would hold the agent's pull, log and secret permissions.",
            ]);
            const arn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
            const byValue = new StackBuilder().add(TASK_DEFINITION, "td", { executionRoleArn: arn, taskRoleArn: arn });
            assert.match(messages(await byValue.check(ecsDistinctRoles))[0]!, /ecsTaskExecutionRole/);
        });
    });

    describe("ecs-execution-role-least-privilege (graph)", () => {
        const repoArn = "arn:aws:ecr:us-east-1:123456789012:repository/web/dev";
        const logGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev";
        const stack = (policy: unknown, extra?: (b: StackBuilder) => void) => {
            const b = new StackBuilder().add(ROLE, "exec", {}).add(ROLE_POLICY, "exec-policy", { policy }, { role: ["exec"] });
            extra?.(b);
            return b.add(TASK_DEFINITION, "td", taskDefinition([goodContainer]), { executionRoleArn: ["exec"] });
        };

        it("passes the program's own execution policy", async () => {
            assert.deepEqual(
                await stack(JSON.stringify(executionRolePolicy({ repositoryArns: [repoArn], logGroupArn, secrets: [] }))).check(ecsExecutionRoleLeastPrivilege),
                [],
            );
        });
        it("fails pulls from another repository and writes to another log group", async () => {
            const policy = document(
                { Effect: "Allow", Action: ["ecr:BatchGetImage"], Resource: ["arn:aws:ecr:us-east-1:123456789012:repository/other"] },
                { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: ["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/other:*"] },
            );
            assert.deepEqual(messages(await stack(policy).check(ecsExecutionRoleLeastPrivilege)), [
                'exec: exec-policy allows ecr:BatchGetImage on ["arn:aws:ecr:us-east-1:123456789012:repository/other"], which no task definition using execution role exec needs.',
                'exec: exec-policy allows logs:PutLogEvents on ["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/other:*"], which no task definition using execution role exec needs.',
            ]);
        });
        it("fails an ECR token grant when no task definition pulls from ECR", async () => {
            const policy = JSON.stringify(executionRolePolicy({ repositoryArns: [repoArn], logGroupArn, secrets: [] }));
            const b = new StackBuilder()
                .add(ROLE, "exec", {})
                .add(ROLE_POLICY, "exec-policy", { policy }, { role: ["exec"] })
                .add(TASK_DEFINITION, "td", taskDefinition([{ ...goodContainer, image: "public.ecr.aws/nginx/nginx:1.27" }]), { executionRoleArn: ["exec"] });
            assert.deepEqual(messages(await b.check(ecsExecutionRoleLeastPrivilege)).slice(0, 2), [
                'exec: exec-policy allows ecr:GetAuthorizationToken on ["*"], which no task definition using execution role exec needs.',
                `exec: exec-policy allows ecr:BatchCheckLayerAvailability on ["${repoArn}"], which no task definition using execution role exec needs.`,
            ]);
        });
        it("fails secrets the containers never declare, and managed policies", async () => {
            const policy = document({
                Effect: "Allow",
                Action: ["secretsmanager:GetSecretValue"],
                Resource: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:prod-db"],
            });
            assert.match(messages(await stack(policy).check(ecsExecutionRoleLeastPrivilege))[0]!, /allows secretsmanager:GetSecretValue on .*prod-db/);
            const managed = await stack(document(), (b) =>
                b.add(
                    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                    "att",
                    { policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
                    { role: ["exec"] },
                ),
            ).check(ecsExecutionRoleLeastPrivilege);
            assert.match(
                messages(managed)[0]!,
                /execution role exec has managed policy arn:aws:iam::aws:policy\/service-role\/AmazonECSTaskExecutionRolePolicy, which grants more than its task definitions need/,
            );
        });
    });

    describe("a NAT instance's role (Session Manager access)", () => {
        const policy = JSON.stringify(sessionManagerPolicy("aws", "us-east-1", "123456789012"));
        it("the program's narrow policy passes every identity rule (channels are unscopable; the heartbeat is scoped to instances)", async () => {
            for (const rule of [iamNoAdminAccess, iamNoServiceWildcards, iamNoWildcardResource])
                assert.deepEqual(await check(rule, ROLE_POLICY, { policy }), [], rule.name);
        });
        it("the same channels on a second action that can be scoped are still refused on *", async () => {
            const widened = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: ["ssmmessages:OpenDataChannel", "ssm:GetParameters"], Resource: "*" }],
            });
            assert.match(messages(await check(iamNoWildcardResource, ROLE_POLICY, { policy: widened }))[0]!, /allows ssm:GetParameters on Resource "\*"/);
        });
        it("AWS's AmazonSSMManagedInstanceCore is not a *FullAccess policy: an instance role using it passes", async () => {
            const core = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
            assert.deepEqual(await check(iamNoBroadManagedPolicies, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "nat", policyArn: core }), []);
        });
    });
});
