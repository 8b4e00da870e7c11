import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { awsManagedDocument } from "../../policy/lib/awsManagedPolicies";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { iamNoBroadManagedPolicies } from "../../policy/rules/iamManaged";
import { iamNoServiceWildcards } from "../../policy/rules/iam";
import { S3_FULL_ACCESS, document } from "./fixtures";
import { check, checkRaw, computed, messages, StackBuilder, VALUE_FORMS, Values } from "./harness";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const aws_ = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const CLOUDWATCH_V2 = aws_("CloudWatchFullAccessV2");
const INSTEAD = "grant named actions on named resources instead, or list the ARN in allowedManagedPolicyArns.";
const U = UNKNOWN.string;

describe("policy: iam-no-broad-managed-policies (AWS managed policies judged by their documents)", () => {
    it("fails CloudWatchFullAccessV2 and AmazonCognitoPowerUser for what they grant, which their names never said", async () => {
        const [cloudwatch] = messages(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [CLOUDWATCH_V2] }));
        assert.match(cloudwatch!, /^subject: attaches arn:aws:iam::aws:policy\/CloudWatchFullAccessV2, which grants /);
        assert.match(cloudwatch!, /cloudwatch:\* \(every cloudwatch action: \d+ Permissions management, \d+ Write\) on \*/);
        assert.match(cloudwatch!, /logs:\* \(every logs action: .*\) on \*/);
        assert.ok(cloudwatch!.endsWith(INSTEAD), cloudwatch);
        const [cognito] = messages(
            await check(iamNoBroadManagedPolicies, aws.iam.RolePolicyAttachment, { role: "r", policyArn: aws_("AmazonCognitoPowerUser") }),
        );
        assert.match(
            cognito!,
            /which grants cognito-identity:\* \(every cognito-identity action: \d+ Write\) on \*; cognito-idp:\* \(every cognito-idp action/,
        );
    });

    it("names administrator access, NotAction admin and privilege escalation, on every attachment path", async () => {
        assert.deepEqual(messages(await check(iamNoBroadManagedPolicies, aws.iam.PolicyAttachment, { roles: ["r"], policyArn: aws_("AdministratorAccess") })), [
            `subject: attaches ${aws_("AdministratorAccess")}, which grants every action on every resource (administrator access); ${INSTEAD}`,
        ]);
        assert.match(
            messages(await check(iamNoBroadManagedPolicies, aws.iam.UserPolicyAttachment, { user: "u", policyArn: aws_("PowerUserAccess") }))[0]!,
            /which grants every action but \["iam:\*","organizations:\*","account:\*"\] on every resource \(administrator access\)/,
        );
        assert.match(
            messages(await check(iamNoBroadManagedPolicies, aws.iam.GroupPolicyAttachment, { group: "g", policyArn: aws_("IAMFullAccess") }))[0]!,
            /iam:\* \(every iam action: .*\) on \*; privilege escalation: iam:PassRole via iam:\* on any role/,
        );
        // Another partition's ARN names the same AWS managed policy.
        assert.match(
            messages(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"] }))[0]!,
            /administrator access/,
        );
    });

    it("names the changes a policy makes on * that AWS lets be scoped (the exclusive attachment sets too)", async () => {
        assert.deepEqual(
            messages(
                await check(iamNoBroadManagedPolicies, aws.iam.RolePolicyAttachmentsExclusive, {
                    roleName: "exec",
                    policyArns: [aws_("service-role/AmazonECSTaskExecutionRolePolicy")],
                }),
            ),
            [
                `subject: attaches ${aws_("service-role/AmazonECSTaskExecutionRolePolicy")}, which grants changes on Resource "*" that AWS lets be scoped: logs:CreateLogStream (log-stream), logs:PutLogEvents (log-stream); ${INSTEAD}`,
            ],
        );
    });

    it("passes AWS managed policies whose documents grant nothing the identity rules refuse", async () => {
        const narrow = ["AmazonS3ReadOnlyAccess", "AmazonEC2ContainerRegistryReadOnly", "CloudWatchLogsReadOnlyAccess", "AWSXrayWriteOnlyAccess"].map(aws_);
        assert.deepEqual(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: narrow }), []);
    });

    it("judges AWS's read-only job roles as the inline rules judge the same document: their wildcards reach Write actions", async () => {
        const [managed] = messages(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [aws_("job-function/ViewOnlyAccess")] }));
        assert.match(managed!, /which grants iot:List\* \(reaches Write: iot:ListSubscriptions\) on \*/);
        const inline = { policy: JSON.stringify(awsManagedDocument(aws_("job-function/ViewOnlyAccess"))) };
        assert.match(
            messages(await checkRaw(iamNoServiceWildcards, "aws:iam/rolePolicy:RolePolicy", inline))[0]!,
            /allows iot:List\* \(reaches Write: iot:ListSubscriptions\)/,
        );
        assert.match(
            messages(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [aws_("ReadOnlyAccess")] }))[0]!,
            /athena:Get\* \(reaches Write: athena:GetSessionEndpoint\) on \*/,
        );
    });

    it("reports ARNs it cannot read as unverifiable, naming them: unknown AWS names and customer policies from outside the stack", async () => {
        assert.deepEqual(messages(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [aws_("NoSuchPolicyEver")] })).length, 1);
        assert.match(
            messages(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [aws_("NoSuchPolicyEver")] }))[0]!,
            /^subject: attaches arn:aws:iam::aws:policy\/NoSuchPolicyEver, which is not in the AWS managed policy data \(policies as of \d{4}-\d\d-\d\d\): what it grants cannot be verified, so it is not accepted;/,
        );
        assert.deepEqual(
            messages(await check(iamNoBroadManagedPolicies, aws.iam.RolePolicyAttachment, { role: "r", policyArn: "arn:aws:iam::123456789012:policy/legacy" })),
            [
                `subject: attaches arn:aws:iam::123456789012:policy/legacy, a customer managed policy not made in this stack: what it grants cannot be verified, so it is not accepted; manage it in this stack, or ${INSTEAD}`,
            ],
        );
    });

    it("an allowlisted ARN passes", async () => {
        const config = { "iam-no-broad-managed-policies": { allowedManagedPolicyArns: [S3_FULL_ACCESS, CLOUDWATCH_V2] } };
        assert.deepEqual(await checkRaw(iamNoBroadManagedPolicies, ROLE, { managedPolicyArns: [S3_FULL_ACCESS, CLOUDWATCH_V2] }, config), []);
    });

    describe("with the stack's own ARNs unknown (as at preview) or known (as after up)", () => {
        const ownArn = "arn:aws:iam::123456789012:policy/app-extra";
        const own = (values: Values) => computed(values, ownArn);
        const stack = (values: Values) =>
            new StackBuilder()
                .add(POLICY, "app-extra", {
                    id: own(values),
                    arn: own(values),
                    policy: document({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" }),
                })
                .add(ROLE, "app", { managedPolicyArns: [own(values), CLOUDWATCH_V2] }, { managedPolicyArns: ["app-extra"] })
                .add(ATTACHMENT, "app-extra", { role: "app", policyArn: own(values) }, { role: ["app"], policyArn: ["app-extra"] });

        it("a policy the stack makes is left to the document rules (its ARN unknown at preview, known after); known AWS ARNs are judged", async () => {
            for (const values of VALUE_FORMS) {
                const found = messages(await stack(values).check(iamNoBroadManagedPolicies));
                assert.equal(found.length, 1, values);
                assert.match(found[0]!, /^app: attaches arn:aws:iam::aws:policy\/CloudWatchFullAccessV2, which grants /, values);
            }
        });
        it("an ARN unknown at preview that no policy of the stack explains cannot be decided: 'can't run' naming it, or a violation when failing closed", async () => {
            const b = new StackBuilder()
                .add(ROLE, "other", { id: U })
                .add(ROLE, "app", { managedPolicyArns: [CLOUDWATCH_V2] })
                .add(ATTACHMENT, "mystery", { role: "app", policyArn: U }, { policyArn: ["other"] });
            const open = await b.check(iamNoBroadManagedPolicies);
            assert.deepEqual(
                open.map((v) => [v.enforcementLevel, v.unverifiable]),
                [
                    ["mandatory", false],
                    ["advisory", true],
                ],
            );
            assert.match(open[1]!.message, /value at .mystery.policyArn can't be known during preview/);
            const closed = await b.check(iamNoBroadManagedPolicies, { "iam-no-broad-managed-policies": { failClosedAtPreview: true } });
            assert.deepEqual(
                messages(closed).map((m) => m.split(",")[0]),
                ["app: attaches arn:aws:iam::aws:policy/CloudWatchFullAccessV2", "mystery.policyArn is unknown at preview"],
            );
        });
    });
});
