// The execution role's least privilege, proven by simulation over its documents: the ECS agent's
// requests for its task definitions are allowed, a fixed probe set is denied, and every granted
// action (wildcards expanded with AWS's action data) is one the agent needs.
import { strict as assert } from "node:assert";
import { ecsExecutionRoleLeastPrivilege } from "../../policy/rules/taskRoles";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { executionRolePolicy } from "../../documents/iamDocuments";
import { document, goodContainer, taskDefinition } from "./fixtures";
import { messages, StackBuilder, TASK_DEFINITION } from "./harness";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const REPO_ARN = "arn:aws:ecr:us-east-1:123456789012:repository/web/dev";
const LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-url-AbCdEf";
const STREAM = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev:log-stream:web/web/task-id";

/** The program's own document, as plain JSON the tests can edit. */
const programPolicy = (secrets: { name: string; valueFrom: string }[] = []) =>
    JSON.parse(JSON.stringify(executionRolePolicy({ repositoryArns: [REPO_ARN], logGroupArn: LOG_GROUP_ARN, secrets }))) as {
        Statement: Record<string, unknown>[];
    };

function stack(policy: unknown, containers: unknown[] = [goodContainer], extra?: (b: StackBuilder) => void) {
    const b = new StackBuilder().add(ROLE, "exec", {}).add(ROLE_POLICY, "exec-policy", { policy }, { role: ["exec"] });
    extra?.(b);
    return b.add(TASK_DEFINITION, "td", taskDefinition(containers), { executionRoleArn: ["exec"] });
}

describe("ecs-execution-role-least-privilege (graph, simulated)", () => {
    it("passes the program's own execution policy, with and without secrets", async () => {
        assert.deepEqual(await stack(JSON.stringify(programPolicy())).check(ecsExecutionRoleLeastPrivilege), []);
        const secrets = [{ name: "DB_URL", valueFrom: `${SECRET_ARN}:url::` }];
        assert.deepEqual(await stack(JSON.stringify(programPolicy(secrets)), [{ ...goodContainer, secrets }]).check(ecsExecutionRoleLeastPrivilege), []);
    });

    it("fails pulls from another repository and writes to another log group, and names the requests the tasks need but lack", async () => {
        const policy = document(
            { Effect: "Allow", Action: ["ecr:BatchGetImage"], Resource: ["arn:aws:ecr:us-east-1:123456789012:repository/other"] },
            { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: ["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/other:*"] },
        );
        assert.deepEqual(messages(await stack(policy).check(ecsExecutionRoleLeastPrivilege)), [
            'exec: exec-policy statement 0 allows ecr:BatchGetImage on ["arn:aws:ecr:us-east-1:123456789012:repository/other"], which no task definition using execution role exec needs.',
            'exec: exec-policy statement 1 allows logs:PutLogEvents on ["arn:aws:logs:us-east-1:123456789012:log-group:/ecs/other:*"], which no task definition using execution role exec needs.',
            "exec: execution role exec does not allow ecr:GetAuthorizationToken on *, which the agent needs to log in to ECR; tasks would fail to start.",
            `exec: execution role exec does not allow ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage on ${REPO_ARN}, which container web of td needs to pull web/dev; tasks would fail to start.`,
            `exec: execution role exec does not allow logs:CreateLogStream, logs:PutLogEvents on ${STREAM}, which container web of td needs to write to /ecs/web/dev; tasks would fail to start.`,
        ]);
    });

    it("a grant on the log group without `:*` does not cover the agent's stream writes", async () => {
        const policy = programPolicy();
        policy.Statement = policy.Statement.map((s) => (s.Sid === "WriteThisLogGroup" ? { ...s, Resource: [LOG_GROUP_ARN] } : s));
        assert.deepEqual(messages(await stack(JSON.stringify(policy)).check(ecsExecutionRoleLeastPrivilege)), [
            `exec: exec-policy statement WriteThisLogGroup allows logs:CreateLogStream on ["${LOG_GROUP_ARN}"], which no task definition using execution role exec needs.`,
            `exec: exec-policy statement WriteThisLogGroup allows logs:PutLogEvents on ["${LOG_GROUP_ARN}"], which no task definition using execution role exec needs.`,
            `exec: execution role exec does not allow logs:CreateLogStream, logs:PutLogEvents on ${STREAM}, which container web of td needs to write to /ecs/web/dev; tasks would fail to start.`,
        ]);
    });

    it("the probe set catches a grant that covers the needed log group and every other one", async () => {
        const policy = programPolicy();
        policy.Statement = policy.Statement.map((s) =>
            s.Sid === "WriteThisLogGroup" ? { ...s, Resource: ["arn:aws:logs:us-east-1:123456789012:log-group:*"] } : s,
        );
        assert.deepEqual(messages(await stack(JSON.stringify(policy)).check(ecsExecutionRoleLeastPrivilege)), [
            "exec: execution role exec allows logs:PutLogEvents on arn:aws:logs:us-east-1:123456789012:log-group:not-used-by-these-tasks:log-stream:not-used-by-these-tasks (a write to another log group) through exec-policy statement WriteThisLogGroup; its task definitions need no such request.",
        ]);
    });

    it("the probe set catches pulls from every repository and conditional grants", async () => {
        const policy = programPolicy();
        policy.Statement = policy.Statement.map((s) =>
            s.Sid === "PullThisRepository"
                ? { ...s, Resource: ["arn:aws:ecr:*:123456789012:repository/*"], Condition: { StringEquals: { "aws:ResourceTag/app": "web" } } }
                : s,
        );
        assert.deepEqual(messages(await stack(JSON.stringify(policy)).check(ecsExecutionRoleLeastPrivilege)), [
            "exec: execution role exec may allow (conditions) ecr:BatchGetImage on arn:aws:ecr:us-east-1:123456789012:repository/not-used-by-these-tasks (a pull from another repository) through exec-policy statement PullThisRepository; its task definitions need no such request.",
        ]);
    });

    it("expands wildcard actions with AWS's data and names what they reach beyond the agent's needs", async () => {
        const policy = document(...programPolicy().Statement, { Sid: "Pulls", Effect: "Allow", Action: "ecr:BatchGet*", Resource: REPO_ARN });
        assert.deepEqual(messages(await stack(policy).check(ecsExecutionRoleLeastPrivilege)), [
            `exec: exec-policy statement Pulls allows ecr:BatchGet* on ["${REPO_ARN}"], reaching actions no task definition using execution role exec needs (Read: ecr:BatchGetRepositoryScanningConfiguration).`,
        ]);
    });

    it("an explicit Deny that blocks a need fails; NotAction grants are reported once", async () => {
        const denied = document(...programPolicy().Statement, { Effect: "Deny", Action: "logs:*", Resource: "*" });
        assert.deepEqual(messages(await stack(denied).check(ecsExecutionRoleLeastPrivilege)), [
            `exec: execution role exec does not allow logs:CreateLogStream, logs:PutLogEvents on ${STREAM}, which container web of td needs to write to /ecs/web/dev; tasks would fail to start.`,
        ]);
        const everything = document({ Sid: "All", Effect: "Allow", NotAction: "iam:*", Resource: "*" });
        assert.deepEqual(messages(await stack(everything).check(ecsExecutionRoleLeastPrivilege)), [
            "exec: exec-policy statement All uses NotAction/NotResource on execution role exec; list what the task needs instead.",
        ]);
    });

    it("fails an ECR token grant when no task definition pulls from ECR", async () => {
        const policy = JSON.stringify(programPolicy());
        assert.deepEqual(
            messages(await stack(policy, [{ ...goodContainer, image: "public.ecr.aws/nginx/nginx:1.27" }]).check(ecsExecutionRoleLeastPrivilege)).slice(0, 2),
            [
                'exec: exec-policy statement EcrAuthTokenIsAccountWide allows ecr:GetAuthorizationToken on ["*"], which no task definition using execution role exec needs.',
                `exec: exec-policy statement PullThisRepository allows ecr:BatchCheckLayerAvailability on ["${REPO_ARN}"], which no task definition using execution role exec needs.`,
            ],
        );
    });

    it("secrets and private-registry credentials are needs; other secrets are not", async () => {
        const credentials = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-XyZ123";
        const container = { ...goodContainer, image: "docker.io/acme/web:1.2.3", repositoryCredentials: { credentialsParameter: credentials } };
        const grant = (arn: string) =>
            document(
                { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${LOG_GROUP_ARN}:*` },
                { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: arn },
            );
        assert.deepEqual(await stack(grant(credentials), [container]).check(ecsExecutionRoleLeastPrivilege), []);
        assert.deepEqual(
            messages(await stack(grant("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod-db"), [container]).check(ecsExecutionRoleLeastPrivilege)),
            [
                'exec: exec-policy statement 1 allows secretsmanager:GetSecretValue on ["arn:aws:secretsmanager:us-east-1:123456789012:secret:prod-db"], which no task definition using execution role exec needs.',
                `exec: execution role exec does not allow secretsmanager:GetSecretValue on ${credentials}, which container web of td needs to read ${credentials}; tasks would fail to start.`,
            ],
        );
    });

    it("reports managed policies outside the stack and does not claim needs it cannot see", async () => {
        const managed = await stack(document(), [goodContainer], (b) =>
            b.add(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "att",
                { policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
                { role: ["exec"] },
            ),
        ).check(ecsExecutionRoleLeastPrivilege);
        assert.deepEqual(messages(managed), [
            "exec: execution role exec has managed policy arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy, which grants more than its task definitions need (pull, logs, secrets of td).",
        ]);
    });

    it("reads a customer managed policy of the stack like an inline one", async () => {
        const attached = (policy: string) =>
            new StackBuilder()
                .add(ROLE, "exec", {})
                .add("aws:iam/policy:Policy", "exec-managed", { policy })
                .add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "att", { policyArn: UNKNOWN.string }, { role: ["exec"], policyArn: ["exec-managed"] })
                .add(TASK_DEFINITION, "td", taskDefinition([goodContainer]), { executionRoleArn: ["exec"] });
        assert.deepEqual(await attached(JSON.stringify(programPolicy())).check(ecsExecutionRoleLeastPrivilege), []);
        assert.match(
            messages(await attached(document({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })).check(ecsExecutionRoleLeastPrivilege))[0]!,
            /^exec: managed policy exec-managed statement 0 allows s3:GetObject on \["\*"\], which no task definition using execution role exec needs\.$/,
        );
    });

    it("at preview, a policy document that is still unknown makes the rule undecided (advisory), never a pass", async () => {
        const [v] = await stack(UNKNOWN.string).check(ecsExecutionRoleLeastPrivilege);
        assert.equal(v!.enforcementLevel, "advisory");
        assert.match(v!.message, /can't run policy 'ecs-execution-role-least-privilege' .* during preview: string value at .policy can't be known/);
    });
});
