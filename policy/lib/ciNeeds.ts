// What a CI role needs, read from the projects and pipelines that use it: their log groups, the
// pipelines' artifact buckets, the stack's repositories, the secrets and roles the projects name,
// the connections and projects the pipelines use. A grant outside these is more than CI needs.
import { ECR_PULL_ACTIONS, ECR_PUSH_ACTIONS, LOG_WRITE_ACTIONS } from "../knowledge/iamActions";
import type { PolicyResource } from "@pulumi/policy";
import { knownAt } from "./containerInstances";
import { StackGraph, safeProp } from "./graph";
import { secretArnOf } from "../knowledge/secrets";
import { asRecords, globMatch, text } from "../knowledge/values";

export interface Grant {
    actions: string[];
    /** ARN patterns (partition, region and account left open). */
    resources: string[];
}

const ARTIFACT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"];
const LOG_ACTIONS = ["logs:CreateLogGroup", ...LOG_WRITE_ACTIONS];
const ECR_ACTIONS = [...ECR_PULL_ACTIONS, "ecr:DescribeImages", "ecr:ListImages"];

/** One action of a pipeline, each field read on its own (an unknown leaf leaves the others readable). */
export interface PipelineAction {
    provider: string;
    configuration: Record<string, string | undefined>;
}

export function pipelineActions(pipeline: PolicyResource): PipelineAction[] {
    const stages = knownAt(pipeline, "stages");
    const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    const actions: PipelineAction[] = [];
    for (let s = 0; s < count(stages); s++) {
        for (let a = 0; a < count(knownAt(pipeline, "stages", String(s), "actions")); a++) {
            const at = (...path: string[]) => text(knownAt(pipeline, "stages", String(s), "actions", String(a), ...path)) || undefined;
            const keys = ["ProjectName", "ConnectionArn", "ClusterName", "ServiceName"];
            actions.push({ provider: at("provider") ?? "", configuration: Object.fromEntries(keys.map((k) => [k, at("configuration", k)])) });
        }
    }
    return actions;
}

/** Names of the buckets a pipeline stores artifacts in. */
export function artifactBucketNames(pipeline: PolicyResource): string[] {
    const stores = knownAt(pipeline, "artifactStores");
    const count = Array.isArray(stores) ? stores.length : 0;
    return Array.from({ length: count }, (_, i) => text(knownAt(pipeline, "artifactStores", String(i), "location"))).filter((n) => n !== "");
}

/** Pipelines that run a project (by its name in a CodeBuild action). */
export function pipelinesRunning(graph: StackGraph, project: PolicyResource): PolicyResource[] {
    const name = text(safeProp(project, "name"));
    return graph.ofKind("pipeline").filter((p) => pipelineActions(p).some((a) => a.provider === "CodeBuild" && a.configuration.ProjectName === name));
}

const bucketGrant = (names: string[]): Grant => ({ actions: ARTIFACT_ACTIONS, resources: names.flatMap((b) => [`arn:*:s3:::${b}`, `arn:*:s3:::${b}/*`]) });
const KEY_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey"];
/** CodeBuild's own calls to place a build in a VPC; EC2 cannot scope the describes and the interface creation. */
const VPC_BUILD_ACTIONS = [
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeDhcpOptions",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
];
const REPORT_ACTIONS = [
    "codebuild:CreateReportGroup",
    "codebuild:CreateReport",
    "codebuild:UpdateReport",
    "codebuild:BatchPutTestCases",
    "codebuild:BatchPutCodeCoverages",
];

/** KMS keys a pipeline encrypts its artifacts with (artifactStores[].encryptionKey.id). */
function artifactKeys(pipeline: PolicyResource): string[] {
    const stores = knownAt(pipeline, "artifactStores");
    const count = Array.isArray(stores) ? stores.length : 0;
    return Array.from({ length: count }, (_, i) => text(knownAt(pipeline, "artifactStores", String(i), "encryptionKey", "id"))).filter((k) => k !== "");
}

/** Buckets a project reads or writes outside a pipeline: S3 source, S3 artifacts, S3 logs ("bucket/prefix"). */
function projectBuckets(project: PolicyResource): string[] {
    const locations = [
        knownAt(project, "source", "type") === "S3" ? knownAt(project, "source", "location") : undefined,
        knownAt(project, "artifacts", "type") === "S3" ? knownAt(project, "artifacts", "location") : undefined,
        knownAt(project, "logsConfig", "s3Logs", "location"),
    ];
    return locations.map((l) => text(l).split("/")[0]!).filter((b) => b !== "");
}

function projectNeeds(graph: StackGraph, project: PolicyResource): Grant[] {
    const name = text(safeProp(project, "name"));
    const group = text(knownAt(project, "logsConfig", "cloudwatchLogs", "groupName")) || `/aws/codebuild/${name}`;
    const variables = asRecords(knownAt(project, "environment", "environmentVariables"));
    const ofType = (type: string) => variables.filter((v) => text(v.type || "PLAINTEXT") === type).map((v) => text(v.value));
    const secrets = ofType("SECRETS_MANAGER").map((v) => (v.startsWith("arn:") ? secretArnOf(v) : `arn:*:secretsmanager:*:*:secret:${v.split(":")[0]}-??????`));
    const parameters = ofType("PARAMETER_STORE").map((v) => `arn:*:ssm:*:*:parameter/${v.replace(/^\//, "")}`);
    const roles = ofType("PLAINTEXT").filter((v) => /^arn:[\w-]+:iam::\d{12}:role\//.test(v));
    const repositories = graph.ofKind("repository").map((r) => `arn:*:ecr:*:*:repository/${text(safeProp(r, "name"))}`);
    const pipelines = pipelinesRunning(graph, project);
    return [
        { actions: LOG_ACTIONS, resources: [`arn:*:logs:*:*:log-group:${group}`, `arn:*:logs:*:*:log-group:${group}:*`] },
        bucketGrant([...pipelines.flatMap(artifactBucketNames), ...projectBuckets(project)]),
        { actions: KEY_ACTIONS, resources: [...pipelines.flatMap(artifactKeys), text(knownAt(project, "encryptionKey"))].filter((k) => k !== "") },
        { actions: REPORT_ACTIONS, resources: [`arn:*:codebuild:*:*:report-group/${name}-*`] },
        { actions: VPC_BUILD_ACTIONS, resources: knownAt(project, "vpcConfig") === undefined ? [] : ["*"] },
        {
            actions: ["ec2:CreateNetworkInterfacePermission"],
            resources: knownAt(project, "vpcConfig") === undefined ? [] : ["arn:*:ec2:*:*:network-interface/*"],
        },
        { actions: [...ECR_ACTIONS, ...ECR_PUSH_ACTIONS], resources: repositories },
        { actions: ["secretsmanager:GetSecretValue"], resources: secrets },
        { actions: ["ssm:GetParameter", "ssm:GetParameters"], resources: parameters },
        { actions: ["sts:AssumeRole"], resources: roles },
    ];
}

function pipelineNeeds(pipeline: PolicyResource): Grant[] {
    const actions = pipelineActions(pipeline);
    const config = (provider: string, key: string) => actions.filter((a) => a.provider === provider).map((a) => a.configuration[key]);
    const ecs = actions.filter((a) => a.provider === "ECS");
    return [
        bucketGrant(artifactBucketNames(pipeline)),
        { actions: KEY_ACTIONS, resources: artifactKeys(pipeline) },
        {
            actions: ["codestar-connections:UseConnection", "codeconnections:UseConnection"],
            resources: config("CodeStarSourceConnection", "ConnectionArn").map(text),
        },
        {
            actions: ["codebuild:StartBuild", "codebuild:BatchGetBuilds", "codebuild:StopBuild"],
            resources: config("CodeBuild", "ProjectName").map((p) => `arn:*:codebuild:*:*:project/${text(p)}`),
        },
        // An unknown service name (preview) still pins the cluster.
        { actions: ["ecs:DescribeServices", "ecs:UpdateService"], resources: ecs.map((a) => `arn:*:ecs:*:*:service/${text(a.configuration.ClusterName)}/*`) },
        { actions: ["ecs:RegisterTaskDefinition", "ecs:TagResource"], resources: ecs.length > 0 ? ["arn:*:ecs:*:*:task-definition/*"] : [] },
    ];
}

/** The projects and pipelines that use `role`, by the graph or by ARN value. */
export function usersOf(graph: StackGraph, role: PolicyResource): { projects: PolicyResource[]; pipelines: PolicyResource[] } {
    const arn = safeProp(role, "arn");
    const byValue = (kind: "buildProject" | "pipeline", prop: string) => graph.ofKind(kind).filter((r) => typeof arn === "string" && safeProp(r, prop) === arn);
    return {
        projects: [...new Set([...graph.consumersOf(role, "buildProject", "serviceRole"), ...byValue("buildProject", "serviceRole")])],
        pipelines: [...new Set([...graph.consumersOf(role, "pipeline", "roleArn"), ...byValue("pipeline", "roleArn")])],
    };
}

export function ciNeeds(graph: StackGraph, role: PolicyResource): Grant[] {
    const { projects, pipelines } = usersOf(graph, role);
    return [...projects.flatMap((p) => projectNeeds(graph, p)), ...pipelines.flatMap(pipelineNeeds)];
}

/** Is `resource` for `action` within what the role's users need? */
export const withinCiNeeds = (action: string, resource: string, needs: Grant[]): boolean =>
    needs.some((g) => g.actions.some((a) => a.toLowerCase() === action.toLowerCase()) && g.resources.some((pattern) => globMatch(pattern, resource)));
