// The pipeline's stages as data: Source → Build → PolicyGate → Deploy. The deploy is `pulumi up`
// (the program stays the source of truth) unless the ECS deploy action is asked for.
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

type Stage = aws.types.input.codepipeline.PipelineStage;
type Action = aws.types.input.codepipeline.PipelineStageAction;

export const SOURCE_ARTIFACT = "source";
export const IMAGE_ARTIFACT = "imagedefinitions";
/** The Build stage's variable namespace: later stages read #{Build.IMAGE_URI}. */
export const BUILD_NAMESPACE = "Build";

export interface StagesArgs {
    connectionArn: string;
    repository: string;
    branch: string;
    buildProject: string;
    gateProject: string;
    /** pulumi: a CodeBuild project running `pulumi up`; ecs: CodePipeline's ECS deploy action. */
    /** The service's name may be known only after it is created: it stays a leaf of its own. */
    deploy: { kind: "pulumi"; project: string } | { kind: "ecs"; clusterName: string; serviceName: pulumi.Input<string> };
}

const imageVariable = JSON.stringify([{ name: "IMAGE_URI", value: `#{${BUILD_NAMESPACE}.IMAGE_URI}`, type: "PLAINTEXT" }]);

/** A CodeBuild action on the source, given the image the Build stage exported. */
const codeBuild = (name: string, project: string): Action => ({
    name,
    category: "Build",
    owner: "AWS",
    provider: "CodeBuild",
    version: "1",
    inputArtifacts: [SOURCE_ARTIFACT],
    configuration: { ProjectName: project, EnvironmentVariables: imageVariable },
});

export function pipelineStages(a: StagesArgs): Stage[] {
    const ecs = a.deploy.kind === "ecs";
    const build: Action = {
        ...codeBuild("BuildImage", a.buildProject),
        configuration: { ProjectName: a.buildProject },
        namespace: BUILD_NAMESPACE,
        outputArtifacts: ecs ? [IMAGE_ARTIFACT] : [],
    };
    const deploy: Action =
        a.deploy.kind === "ecs"
            ? {
                  name: "EcsDeploy",
                  category: "Deploy",
                  owner: "AWS",
                  provider: "ECS",
                  version: "1",
                  inputArtifacts: [IMAGE_ARTIFACT],
                  configuration: { ClusterName: a.deploy.clusterName, ServiceName: a.deploy.serviceName, FileName: "imagedefinitions.json" },
              }
            : codeBuild("PulumiUp", a.deploy.project);
    return [
        {
            name: "Source",
            actions: [
                {
                    name: "Source",
                    category: "Source",
                    owner: "AWS",
                    provider: "CodeStarSourceConnection",
                    version: "1",
                    outputArtifacts: [SOURCE_ARTIFACT],
                    configuration: {
                        ConnectionArn: a.connectionArn,
                        FullRepositoryId: a.repository,
                        BranchName: a.branch,
                        OutputArtifactFormat: "CODE_ZIP",
                        DetectChanges: "true",
                    },
                },
            ],
        },
        { name: "Build", actions: [build] },
        // The pack judges the change with the new image before anything is deployed.
        { name: "PolicyGate", actions: [codeBuild("PulumiPreview", a.gateProject)] },
        { name: "Deploy", actions: [deploy] },
    ];
}
