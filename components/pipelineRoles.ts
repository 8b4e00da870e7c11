import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as arn from "../documents/arns";
import type { PolicyDocument } from "../documents/iamDocuments";
import { imageBuildRolePolicy, pipelineRolePolicy, serviceTrustPolicy, stackRolePolicy } from "../documents/pipelineIam";
import type { PipelineSettings } from "../settings/types";

export interface PipelineRolesArgs {
    settings: PipelineSettings;
    where: pulumi.Output<arn.Place>;
    bucketName: pulumi.Input<string>;
    repositoryName: string;
    /** ECS deploy action: the cluster, task family and task roles it may touch. */
    ecsDeploy?: { clusterName: string; taskFamily: string; passRoleNames: string[] };
    tags: Record<string, string>;
}

/** One role per actor: the pipeline, the image build, the policy gate and the deploy. */
export class PipelineRoles extends pulumi.ComponentResource {
    readonly pipelineRoleArn: pulumi.Output<string>;
    readonly buildRoleArn: pulumi.Output<string>;
    readonly gateRoleArn: pulumi.Output<string>;
    readonly deployRoleArn?: pulumi.Output<string>;

    constructor(name: string, args: PipelineRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:cicd:PipelineRoles", name, {}, opts);
        const s = args.settings;
        const n = s.names;
        const ecsDeploy = args.ecsDeploy;

        const role = (
            roleName: string,
            service: string,
            sourceArn: (w: arn.Place) => string,
            description: string,
            policy: (w: arn.Place, bucket: string) => PolicyDocument,
        ) => {
            const trust = args.where.apply((w) => JSON.stringify(serviceTrustPolicy(service, w.accountId, sourceArn(w))));
            const r = new aws.iam.Role(roleName, { name: roleName, assumeRolePolicy: trust, description, tags: args.tags }, { parent: this });
            const document = pulumi.all([args.where, args.bucketName]).apply(([w, bucket]) => JSON.stringify(policy(w, bucket)));
            new aws.iam.RolePolicy(roleName, { role: r.name, policy: document }, { parent: this });
            return r.arn;
        };
        const project = (w: arn.Place, bucket: string, writesArtifacts = false) => ({
            logGroupArn: arn.logGroupArn(w, n.logGroup),
            bucketArn: arn.bucketArn(w, bucket),
            writesArtifacts,
        });

        this.buildRoleArn = role(
            n.buildRole,
            "codebuild.amazonaws.com",
            (w) => arn.projectArn(w, n.buildProject),
            "Image build: push this repository, read and write this pipeline's artifacts",
            (w, bucket) => imageBuildRolePolicy({ ...project(w, bucket, ecsDeploy !== undefined), repositoryArn: arn.repositoryArn(w, args.repositoryName) }),
        );
        this.gateRoleArn = role(
            n.gateRole,
            "codebuild.amazonaws.com",
            (w) => arn.projectArn(w, n.gateProject),
            "Policy gate: read the Pulumi token, preview as the stack's preview role",
            (w, bucket) => stackRolePolicy({ ...project(w, bucket), tokenSecretArn: s.pulumiTokenSecretArn, stackRoleArn: s.previewRoleArn }),
        );
        if (!ecsDeploy)
            this.deployRoleArn = role(
                n.deployRole,
                "codebuild.amazonaws.com",
                (w) => arn.projectArn(w, n.deployProject),
                "Deploy: read the Pulumi token, update the stack as its deploy role",
                (w, bucket) => stackRolePolicy({ ...project(w, bucket), tokenSecretArn: s.pulumiTokenSecretArn, stackRoleArn: s.deployRoleArn }),
            );
        this.pipelineRoleArn = role(
            n.pipelineRole,
            "codepipeline.amazonaws.com",
            (w) => arn.pipelineArn(w, n.pipeline),
            "Pipeline: move artifacts, use the source connection, run this stack's builds",
            (w, bucket) =>
                pipelineRolePolicy({
                    bucketArn: arn.bucketArn(w, bucket),
                    connectionArn: s.connectionArn,
                    projectArns: [n.buildProject, n.gateProject, ...(ecsDeploy ? [] : [n.deployProject])].map((p) => arn.projectArn(w, p)),
                    ecsDeploy: ecsDeploy && {
                        serviceArnPattern: arn.clusterServicesArn(w, ecsDeploy.clusterName),
                        taskDefinitionArnPattern: arn.taskFamilyArn(w, ecsDeploy.taskFamily),
                        // Logical names: the provider appends a suffix to autonamed roles.
                        passRoleArns: ecsDeploy.passRoleNames.map((r) => `${arn.roleArn(w, r)}*`),
                    },
                }),
        );
        this.registerOutputs({ pipelineRoleArn: this.pipelineRoleArn, buildRoleArn: this.buildRoleArn, gateRoleArn: this.gateRoleArn });
    }
}
