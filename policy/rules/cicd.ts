// CI/CD: CodeBuild and CodePipeline roles hold only what their projects and pipelines need,
// privileged builds are image builds, build secrets stay out of plain variables, and artifact
// buckets are encrypted, private and expiring.
import { scopableActions } from "../lib/iamGrants";
import type { PolicyResource } from "@pulumi/policy";
import { probe } from "../lib/containerInstances";
import { ciNeeds, usersOf, withinCiNeeds } from "../lib/ciNeeds";
import { StackGraph, safeProp } from "../lib/graph";
import { allows, conditionKeys, isFullWildcard, isServiceWildcard, parsePolicy, trustsService } from "../lib/iam";
import { resourceRule, stackRule } from "../lib/rule";
import { SECRET_LIKE_NAME, SECRET_LIKE_VALUE } from "../knowledge/secrets";
import { asRecords, asStrings, globMatch, show, text } from "../knowledge/values";
import { artifactBucketChecks } from "../lib/artifactBuckets";

const CI_SERVICES = ["codebuild.amazonaws.com", "codepipeline.amazonaws.com"];
/** IAM writes let a CI role grant itself anything. */
const IAM_WRITES = ["iam:Create*", "iam:Put*", "iam:Attach*", "iam:Update*", "iam:Add*", "iam:Set*", "iam:Detach*", "iam:Delete*"];

/** Roles CI uses: trusted by CodeBuild or CodePipeline, or named by a project or pipeline. */
function ciRoles(graph: StackGraph): PolicyResource[] {
    return graph.ofKind("role").filter((role) => {
        const trust = parsePolicy(safeProp(role, "assumeRolePolicy"));
        const trusted = trust.ok && trust.statements.some((s) => allows(s) && CI_SERVICES.some((svc) => trustsService(s, svc)));
        const { projects, pipelines } = usersOf(graph, role);
        return trusted || projects.length + pipelines.length > 0;
    });
}

/**
 * Identity documents of a role: inline, role policies and customer-managed policies attached in
 * the stack. Read through the proxy: a document unknown at preview throws, and the rule says so.
 */
function documentsOf(graph: StackGraph, role: PolicyResource): { where: string; document: unknown }[] {
    return [
        ...asRecords(safeProp(role, "inlinePolicies")).map((p, i) => ({ where: `${role.name} inlinePolicies[${i}]`, document: p.policy })),
        ...graph.consumersOf(role, "rolePolicy", "role").map((rp) => ({ where: rp.name, document: rp.props.policy })),
        ...graph
            .consumersOf(role, "rolePolicyAttachment", "role")
            .flatMap((a) => graph.inputsOf(a, "policyArn", "managedPolicy"))
            .map((p) => ({ where: p.name, document: p.props.policy })),
    ];
}

export const cicdRoleLeastPrivilege = stackRule<{ allowedUnscopedActions: string[]; allowedActions: string[]; allowedManagedPolicyArns: string[] }>({
    name: "cicd-role-least-privilege",
    description:
        "CodeBuild and CodePipeline roles trust their service for this account only, attach no AWS-managed policy, name their actions (no `ecr:*`, `ecs:*`, `logs:*`), write no IAM, and reach only what their projects and pipelines use: their log groups, artifact buckets, the stack's repositories, declared secrets and roles, connections and projects.",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Give each project and the pipeline its own role; grant logs writes on the project's log group, S3 object actions on the artifact bucket, ECR push on the stack's repository, GetSecretValue on the secrets the project declares, sts:AssumeRole on the role it declares, StartBuild on the pipeline's projects, UseConnection on its connection. Add aws:SourceAccount and aws:SourceArn conditions to the trust.",
    anchors: ["AwsSolutions-IAM4", "AwsSolutions-IAM5", "CodeBuild.1"],
    configSchema: {
        properties: {
            allowedUnscopedActions: { type: "array", items: { type: "string" }, default: [] },
            allowedActions: { type: "array", items: { type: "string" }, default: [] },
            allowedManagedPolicyArns: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    check(graph, config, report) {
        for (const role of ciRoles(graph)) {
            // One role's unknown values (at preview) leave the other roles decided.
            const read = probe(() => checkCiRole(graph, role, config, report));
            if (!read.known) report(`a ${read.path} of CI role ${role.name} is unknown at preview: unverifiable, so not accepted.`, role);
        }
    },
});

function checkCiRole(
    graph: StackGraph,
    role: PolicyResource,
    config: { allowedUnscopedActions: string[]; allowedActions: string[]; allowedManagedPolicyArns: string[] },
    report: (message: string, resource?: PolicyResource) => void,
): void {
    const trust = parsePolicy(role.props.assumeRolePolicy);
    for (const s of trust.ok ? trust.statements.filter(allows) : []) {
        const service = CI_SERVICES.find((svc) => trustsService(s, svc));
        const keys = conditionKeys(s);
        if (service && !keys.includes("aws:sourceaccount") && !keys.includes("aws:sourcearn"))
            report(`CI role ${role.name} trusts ${service} without aws:SourceAccount or aws:SourceArn (confused deputy).`, role);
    }
    const managed = [
        ...asStrings(safeProp(role, "managedPolicyArns")),
        ...graph.consumersOf(role, "rolePolicyAttachment", "role").map((a) => text(safeProp(a, "policyArn"))),
    ];
    for (const arn of managed.filter((a) => /:iam::aws:policy\//.test(a) && !config.allowedManagedPolicyArns.includes(a)))
        report(`CI role ${role.name} attaches the AWS-managed ${arn}; managed policies reach every resource of their services.`, role);

    const needs = ciNeeds(graph, role);
    for (const { where, document } of documentsOf(graph, role)) {
        const parsed = parsePolicy(document);
        if (!parsed.ok) continue;
        parsed.statements.filter(allows).forEach((s) => {
            const at = `${where} statement ${s.label}`;
            if (s.notActions.length > 0 || s.notResources.length > 0)
                return report(`${at} uses NotAction/NotResource on CI role ${role.name}; list the actions and resources instead.`, role);
            const wild = s.actions.filter((a) => isFullWildcard(a) || isServiceWildcard(a));
            if (wild.length > 0) report(`${at} allows ${wild.join(", ")} on ${show(s.resources)}; a CI role names its actions.`, role);
            const iamWrites = s.actions.filter((a) => IAM_WRITES.some((p) => globMatch(p, a)));
            if (iamWrites.length > 0) report(`${at} allows ${iamWrites.join(", ")}: a CI role that writes IAM can grant itself anything.`, role);
            for (const action of s.actions.filter((a) => !wild.includes(a) && !iamWrites.includes(a))) {
                const unscoped = s.resources.includes("*");
                // "*" is fine for actions without a resource type (AWS's authorization data says which).
                const scopable = scopableActions([action], config.allowedUnscopedActions).some((g) => g.scopable.length > 0);
                if (unscoped && scopable && !withinCiNeeds(action, "*", needs)) {
                    report(`${at} allows ${action} on Resource "*"; scope it to the ARNs this CI role uses.`, role);
                } else if (action.toLowerCase() === "iam:passrole") {
                    if (!conditionKeys(s).includes("iam:passedtoservice")) report(`${at} allows iam:PassRole without an iam:PassedToService condition.`, role);
                } else if (!unscoped && !config.allowedActions.some((p) => globMatch(p, action))) {
                    const extra = s.resources.filter((r) => !withinCiNeeds(action, r, needs));
                    if (extra.length > 0)
                        report(`${at} allows ${action} on ${show(extra)}, which none of the projects or pipelines using ${role.name} needs.`, role);
                }
            }
        });
    }
}

export const codebuildPrivilegedModeJustified = resourceRule<{ allowedProjects: string[] }>({
    name: "codebuild-privileged-mode-justified",
    description: "CodeBuild runs privileged (Docker daemon, root on the build host) only for projects whose inline buildspec builds images.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Turn privilegedMode off for projects that do not run docker build/push; keep the image build's buildspec inline so its use can be seen, or list the project in allowedProjects.",
    anchors: ["CKV_AWS_316", "CodeBuild.5"],
    configSchema: { properties: { allowedProjects: { type: "array", items: { type: "string" }, default: [] } } },
    types: ["aws:codebuild/project:Project"],
    check(props, ctx, report) {
        const environment = props.environment as Record<string, unknown> | undefined;
        if (environment?.privilegedMode !== true) return;
        if (ctx.config.allowedProjects.includes(text(props.name)) || ctx.config.allowedProjects.includes(ctx.name)) return;
        const buildspec = text((props.source as Record<string, unknown> | undefined)?.buildspec);
        if (!/[\n\r]/.test(buildspec))
            return report(
                `runs privileged with ${buildspec ? `the buildspec file ${buildspec}` : "the repository's buildspec.yml"}: unverifiable that it only builds images. Inline the buildspec or list the project in allowedProjects.`,
            );
        if (!/\bdocker\s+(?:build|buildx|push)\b/.test(buildspec))
            report("runs privileged but its buildspec never runs docker build or docker push; turn privilegedMode off.");
    },
});

export const codebuildNoPlaintextSecrets = resourceRule({
    name: "codebuild-no-plaintext-secrets",
    description: "CodeBuild environment variables carry no credentials in plain text; secrets come from Secrets Manager or Parameter Store.",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Store the value in Secrets Manager and declare the variable with type SECRETS_MANAGER (or PARAMETER_STORE) and the secret's ARN as value.",
    anchors: ["CodeBuild.2", "CKV_AWS_314"],
    types: ["aws:codebuild/project:Project"],
    check(props, _ctx, report) {
        const variables = asRecords((props.environment as Record<string, unknown> | undefined)?.environmentVariables);
        variables.forEach((v, i) => {
            if (text(v.type || "PLAINTEXT") !== "PLAINTEXT") return;
            const name = text(v.name);
            if (SECRET_LIKE_NAME.test(name) || SECRET_LIKE_VALUE.test(text(v.value)))
                report(
                    `environment variable ${name.trim() === "" ? `#${i} (no name)` : name} is PLAINTEXT and looks like a credential; anyone who can read the project sees it. Use type SECRETS_MANAGER.`,
                );
        });
    },
});

export const cicdArtifactBucketProtected = stackRule<{ approvedArtifactBuckets: string[] }>({
    name: "cicd-artifact-bucket-protected",
    description:
        "A pipeline's artifact bucket is in the stack, encrypted by default, blocks every kind of public access, and expires its objects. Buckets outside the stack must be allowlisted.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Give the bucket a BucketServerSideEncryptionConfiguration (aws:kms or AES256), a BucketPublicAccessBlock with all four flags true, and a BucketLifecycleConfiguration rule that expires objects.",
    anchors: ["S3.1", "S3.4", "S3.13", "CKV_AWS_145", "CKV2_AWS_61"],
    configSchema: { properties: { approvedArtifactBuckets: { type: "array", items: { type: "string" }, default: [] } } },
    check(graph, config, report) {
        for (const pipeline of graph.ofKind("pipeline")) {
            const read = probe(() => artifactBucketChecks(graph, pipeline, config.approvedArtifactBuckets));
            if (!read.known) report(`${read.path} is unknown at preview: unverifiable, so not accepted.`, pipeline);
            else for (const problem of read.value) report(problem, pipeline);
        }
    },
});

export const cicdRules = [cicdRoleLeastPrivilege, codebuildPrivilegedModeJustified, codebuildNoPlaintextSecrets, cicdArtifactBucketProtected];
