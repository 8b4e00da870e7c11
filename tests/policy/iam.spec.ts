import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { ecsDistinctExecutionAndTaskRoles } from "../../policy/rules/taskRoles";
import { iamNoAdminAccess, iamNoServiceWildcards, iamNoWildcardResource } from "../../policy/rules/iam";
import { iamNoBroadManagedPolicies } from "../../policy/rules/iamManaged";
import { iamTrustConfusedDeputy } from "../../policy/rules/iamTrust";
import { executionRolePolicy } from "../../documents/iamDocuments";
import { sessionManagerPolicy } from "../../documents/natInstanceIam";
import { buildRolePolicy, document, ecsTrust, scopedPolicy } from "./fixtures";
import { check, checkRaw, messages, StackBuilder, TASK_DEFINITION } from "./harness";
import { actionInfo } from "../../policy/lib/iamData";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";

describe("policy: iam", () => {
    describe("iam-no-admin-access", () => {
        it("passes scoped statements", async () => {
            assert.deepEqual(await checkRaw(iamNoAdminAccess, ROLE_POLICY, { policy: scopedPolicy }), []);
        });
        it("fails * on *, as a string or in lists, in every document path", async () => {
            const admin = { Effect: "Allow", Action: "*", Resource: "*" };
            assert.match(
                messages(await checkRaw(iamNoAdminAccess, ROLE_POLICY, { policy: document(admin) }))[0]!,
                /policy statement 0 allows \["\*"\] on \["\*"\]: administrator access/,
            );
            assert.match(
                messages(
                    await checkRaw(iamNoAdminAccess, POLICY, {
                        policy: { Version: "2012-10-17", Statement: { ...admin, Action: ["*:*"] } },
                    }),
                )[0]!,
                /administrator access/,
            );
            assert.match(
                messages(await checkRaw(iamNoAdminAccess, ROLE, { inlinePolicies: [{ name: "inline", policy: document(admin) }] }))[0]!,
                /inlinePolicies\[0\] \(inline\) statement 0/,
            );
        });
        it("fails Allow + NotAction on *", async () => {
            assert.match(
                messages(
                    await checkRaw(iamNoAdminAccess, ROLE_POLICY, {
                        policy: document({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
                    }),
                )[0]!,
                /allows everything but \["iam:\*"\]/,
            );
        });
        it("passes Deny * on *", async () => {
            assert.deepEqual(await checkRaw(iamNoAdminAccess, ROLE_POLICY, { policy: document({ Effect: "Deny", Action: "*", Resource: "*" }) }), []);
        });
        it("reports malformed documents", async () => {
            assert.match(messages(await checkRaw(iamNoAdminAccess, ROLE_POLICY, { policy: "{oops" }))[0]!, /policy is malformed: not valid JSON/);
            assert.match(
                messages(await checkRaw(iamNoAdminAccess, ROLE_POLICY, { policy: { Version: "2012-10-17" } }))[0]!,
                /policy is malformed: no Statement/,
            );
        });
    });

    describe("iam-no-service-wildcards", () => {
        const allows = (...actions: string[]) => ({ policy: document({ Effect: "Allow", Action: actions, Resource: "arn:aws:s3:::assets/*" }) });
        it("passes named actions and wildcards that reach only Read/List actions (expanded from AWS's data)", async () => {
            assert.deepEqual(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, { policy: scopedPolicy }), []);
            assert.deepEqual(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, allows("s3:Get*Tagging", "ecr:Describe*", "ecr:List*")), []);
            assert.deepEqual(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, { policy: document({ Effect: "Deny", Action: "s3:*", Resource: "*" }) }), []);
        });
        it("fails the tutorial build role's ecr:*, ecs:*, logs:*, cloudwatch:*, counting what each reaches", async () => {
            const [message] = messages(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, { policy: buildRolePolicy }));
            assert.match(
                message!,
                /^subject: policy statement 0 allows ecr:\* \(every ecr action: \d+ Permissions management, \d+ Write\); ecs:\* \(every ecs action/,
            );
            assert.match(message!, /cloudwatch:\* \(every cloudwatch action: .*\); allowed: named actions, or wildcards that reach only Read\/List actions\.$/);
        });
        it("names the Write and Permissions-management actions a narrower wildcard reaches", async () => {
            assert.deepEqual(messages(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, allows("ecr:BatchGetImage", "ecr:Batch*"))), [
                "subject: policy statement 0 allows ecr:Batch* (reaches Write: ecr:BatchImportUpstreamImage, ecr:BatchDeleteImage); allowed: named actions, or wildcards that reach only Read/List actions.",
            ]);
            assert.match(
                messages(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, allows("iam:*Policy")))[0]!,
                /iam:\*Policy \(reaches Permissions management: iam:AttachGroupPolicy, /,
            );
        });
        it("fails `*`, unknown services and patterns that match nothing: their reach cannot be shown", async () => {
            assert.deepEqual(messages(await checkRaw(iamNoServiceWildcards, ROLE_POLICY, allows("*", "nosuchservice:Get*", "s3:NoSuchAction*"))), [
                "subject: policy statement 0 allows * (every action of every service); nosuchservice:Get* (service nosuchservice is not in AWS's authorization data, so its reach cannot be checked); s3:NoSuchAction* (matches no action in AWS's authorization data); allowed: named actions, or wildcards that reach only Read/List actions.",
            ]);
        });
        it("applies to user and group policies too", async () => {
            assert.equal((await checkRaw(iamNoServiceWildcards, "aws:iam/userPolicy:UserPolicy", { policy: buildRolePolicy })).length, 1);
            assert.equal((await checkRaw(iamNoServiceWildcards, "aws:iam/groupPolicy:GroupPolicy", { policy: buildRolePolicy })).length, 1);
        });
    });

    describe("iam-no-wildcard-resource", () => {
        const onStar = (...actions: string[]) => ({ policy: document({ Effect: "Allow", Action: actions, Resource: "*" }) });
        it("passes ecr:GetAuthorizationToken on * and scoped statements", async () => {
            assert.deepEqual(
                await checkRaw(iamNoWildcardResource, ROLE_POLICY, {
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
        it("passes s3:ListAllMyBuckets and ECS Exec's channels on *: AWS gives them no resource type", async () => {
            assert.deepEqual(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("s3:ListAllMyBuckets", "sts:GetCallerIdentity")), []);
            assert.deepEqual(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ssmmessages:*", "xray:PutTraceSegments")), []);
        });
        it("fails scopable actions on *, naming their resource types; wildcards are expanded", async () => {
            assert.deepEqual(messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("s3:GetObject", "ecr:GetAuthorizationToken"))), [
                'subject: policy statement 0 allows s3:GetObject (accesspointobject, object) on Resource "*"; AWS lets these be scoped to ARNs, so scope them (only actions without a resource type, such as ecr:GetAuthorizationToken, may use "*").',
            ]);
            assert.match(
                messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ecr:Batch*")))[0]!,
                /allows ecr:Batch\* → ecr:BatchImportUpstreamImage \(repository\), ecr:BatchCheckLayerAvailability \(repository\), ecr:BatchDeleteImage \(repository\), … \(5\) on Resource "\*"/,
            );
        });
        it("fails actions AWS does not define on * (nothing proves them unscopable), and NotAction/NotResource", async () => {
            assert.match(
                messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ecr:GetAuthorisationToken")))[0]!,
                /ecr:GetAuthorisationToken \(not in AWS's authorization data\)/,
            );
            assert.deepEqual(
                messages(
                    await checkRaw(iamNoWildcardResource, ROLE_POLICY, {
                        policy: document({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
                    }),
                ),
                ['subject: policy statement 0 allows everything but ["iam:*"] on Resource "*"; name the actions and scope them to ARNs.'],
            );
            assert.match(
                messages(
                    await checkRaw(iamNoWildcardResource, ROLE_POLICY, {
                        policy: document({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" }),
                    }),
                )[0]!,
                /allows s3:GetObject \(accesspointobject, object\) on Resource "\*"/,
            );
        });
        it("passes logs:DescribeLogGroups and Describe actions without a resource type on *: AWS's data gives them none", async () => {
            assert.deepEqual(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("logs:DescribeLogGroups", "s3:ListAllMyBuckets")), []);
            assert.deepEqual(
                await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ec2:DescribeInstances", "ec2:DescribeSubnets", "ec2:DescribeVpcs")),
                [],
            );
        });
        it("passes ec2:Describe* on *: every action it reaches is List level, listing is account-wide by design", async () => {
            // A few Describe actions take a resource in AWS's data (an instance for DescribeInstanceAttribute), yet all are List level.
            assert.ok(actionInfo("ec2:DescribeInstanceAttribute")!.resourceTypes.includes("instance"));
            assert.deepEqual(actionInfo("ec2:DescribeInstanceAttribute")!.levels, ["List"]);
            assert.deepEqual(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ec2:Describe*")), []);
            assert.deepEqual(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ec2:Describe*", "logs:Describe*", "s3:ListAllMyBuckets")), []);
        });
        it("fails a List action named on its own that can be scoped in place, and a wildcard that reaches beyond List", async () => {
            assert.match(
                messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ec2:DescribeInstanceAttribute")))[0]!,
                /ec2:DescribeInstanceAttribute \(instance\)/,
            );
            assert.match(messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("s3:ListBucket")))[0]!, /s3:ListBucket \(accesspoint, bucket\)/);
            // s3:Get* reaches Read actions (s3:GetObject): listing rules do not cover reading.
            assert.match(
                messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("s3:Get*")))[0]!,
                /s3:Get\* → s3:GetAccelerateConfiguration \(bucket\), .* … \(61\)/,
            );
        });
        it("fails a mixed list on *, naming only the action that can be scoped", async () => {
            assert.deepEqual(messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("ec2:DescribeInstances", "ec2:TerminateInstances"))), [
                'subject: policy statement 0 allows ec2:TerminateInstances (instance) on Resource "*"; AWS lets these be scoped to ARNs, so scope them (only actions without a resource type, such as ecr:GetAuthorizationToken, may use "*").',
            ]);
        });
        it("cloudwatch:PutMetricData now has a resource type (dataset): allowedUnscopedActions admits it", async () => {
            assert.match(
                messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("cloudwatch:PutMetricData")))[0]!,
                /cloudwatch:PutMetricData \(dataset\)/,
            );
            assert.deepEqual(
                await checkRaw(iamNoWildcardResource, ROLE_POLICY, onStar("cloudwatch:PutMetricData"), {
                    "iam-no-wildcard-resource": { allowedUnscopedActions: ["cloudwatch:PutMetricData"] },
                }),
                [],
            );
        });
    });

    describe("iam-trust-confused-deputy", () => {
        it("passes ecs-tasks trust with SourceAccount", async () => {
            assert.deepEqual(
                await check(iamTrustConfusedDeputy, aws.iam.Role, { assumeRolePolicy: ecsTrust({ StringEquals: { "aws:SourceAccount": "123456789012" } }) }),
                [],
            );
        });
        it("fails bare ecs-tasks trust and trust of *", async () => {
            assert.deepEqual(messages(await check(iamTrustConfusedDeputy, aws.iam.Role, { assumeRolePolicy: ecsTrust() })), [
                "subject: trust statement 0 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn conditions (confused deputy).",
            ]);
            assert.match(
                messages(
                    await check(iamTrustConfusedDeputy, aws.iam.Role, {
                        assumeRolePolicy: document({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }),
                    }),
                )[0]!,
                /lets any principal assume the role/,
            );
        });
        it("names a statement by its Sid, or by its position in the document when the Sid is blank (never an empty name)", async () => {
            const trust = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
            const bare = { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" };
            const deny = { Effect: "Deny", Principal: { AWS: "*" }, Action: "sts:TagSession" };
            assert.deepEqual(messages(await check(iamTrustConfusedDeputy, aws.iam.Role, { assumeRolePolicy: trust(deny, { ...bare, Sid: "" }) })), [
                "subject: trust statement 1 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn conditions (confused deputy).",
            ]);
            assert.match(
                messages(await check(iamTrustConfusedDeputy, aws.iam.Role, { assumeRolePolicy: trust({ ...bare, Sid: "EcsTasks" }) }))[0]!,
                /^subject: trust statement EcsTasks trusts/,
            );
        });
    });

    describe("ecs-distinct-execution-and-task-roles (graph)", () => {
        it("passes two roles", async () => {
            const b = new StackBuilder()
                .add(ROLE, "exec", {})
                .add(ROLE, "task", {})
                .add(TASK_DEFINITION, "td", {}, { executionRoleArn: ["exec"], taskRoleArn: ["task"] });
            assert.deepEqual(await b.check(ecsDistinctExecutionAndTaskRoles), []);
        });
        it("fails the tutorial's one role for both, by graph or by value", async () => {
            const byGraph = new StackBuilder()
                .add(ROLE, "shared", {})
                .add(TASK_DEFINITION, "td", {}, { executionRoleArn: ["shared"], taskRoleArn: ["shared"] });
            assert.deepEqual(messages(await byGraph.check(ecsDistinctExecutionAndTaskRoles)), [
                "td: uses the same role as execution role and task role (shared); the app would hold the agent's pull, log and secret permissions.",
            ]);
            const arn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
            const byValue = new StackBuilder().add(TASK_DEFINITION, "td", { executionRoleArn: arn, taskRoleArn: arn });
            assert.match(messages(await byValue.check(ecsDistinctExecutionAndTaskRoles))[0]!, /ecsTaskExecutionRole/);
        });
    });

    describe("a NAT instance's role (Session Manager access)", () => {
        const policy = JSON.stringify(sessionManagerPolicy("aws", "us-east-1", "123456789012"));
        it("the program's narrow policy passes every identity rule (channels are unscopable; the heartbeat is scoped to instances)", async () => {
            for (const rule of [iamNoAdminAccess, iamNoServiceWildcards, iamNoWildcardResource])
                assert.deepEqual(await checkRaw(rule, ROLE_POLICY, { policy }), [], rule.name);
        });
        it("the same channels on a second action that can be scoped are still refused on *", async () => {
            const widened = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: ["ssmmessages:OpenDataChannel", "ssm:GetParameters"], Resource: "*" }],
            });
            assert.match(
                messages(await checkRaw(iamNoWildcardResource, ROLE_POLICY, { policy: widened }))[0]!,
                /allows ssm:GetParameters \(parameter\) on Resource "\*"/,
            );
        });
        it("AWS's AmazonSSMManagedInstanceCore, judged by its document, makes the changes the program's own policy scopes, on *", async () => {
            const core = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
            assert.match(
                messages(await check(iamNoBroadManagedPolicies, aws.iam.RolePolicyAttachment, { role: "nat", policyArn: core }))[0]!,
                /which grants changes on Resource "\*" that AWS lets be scoped: ssm:PutComplianceItems \(instance, managed-instance\), .*ssm:UpdateInstanceInformation|… \(4 in all\)/,
            );
        });
    });
});
