// CodeBuild buildspecs as pure functions of the settings: the image build, and the two Pulumi
// stages (the policy gate's preview and the deploy's up). YAML is what CodeBuild reads.
import { stringify } from "yaml";

/**
 * Bash that prints the same tag as documents/imageTag.ts's contentTag for the directory `dirWord`
 * (a shell word, quoted by the caller): sha256 over every file's relative path and bytes
 * (NUL-separated, C-locale order, node_modules skipped), 16 hex digits.
 */
export function contentTagCommand(dirWord: string): string {
    return [
        `printf 'app-%s' "$(cd ${dirWord} && find . -type f -not -path '*/node_modules/*' -print | sed 's|^\\./||' | LC_ALL=C sort`,
        `| while IFS= read -r f; do printf '%s\\0' "$f"; cat "$f"; printf '\\0'; done | sha256sum | cut -c1-16)"`,
    ].join(" ");
}

export interface ImageBuildSpecArgs {
    /** <account>.dkr.ecr.<region>.amazonaws.com/<repository> */
    repositoryUrl: string;
    repositoryName: string;
    buildContext: string;
    platform: "linux/amd64" | "linux/arm64";
    /** Set for the ECS deploy action: the container whose image imagedefinitions.json replaces. */
    containerName?: string;
}

/**
 * Builds the app once per content: an unchanged app keeps its tag, which an immutable repository
 * already holds, so nothing is pushed twice. Exports IMAGE_URI pinned by digest for later stages.
 */
export function imageBuildSpec(a: ImageBuildSpecArgs): string {
    const commands = [
        'DIGEST="$(aws ecr describe-images --repository-name "$REPOSITORY_NAME" --image-ids "imageTag=$TAG" --query \'imageDetails[0].imageDigest\' --output text)"',
        'IMAGE_URI="$REPOSITORY_URL@$DIGEST"',
        'echo "image: $IMAGE_URI"',
    ];
    if (a.containerName) commands.push(`printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$IMAGE_URI" > imagedefinitions.json`);
    return stringify({
        version: 0.2,
        env: {
            shell: "bash",
            variables: {
                REPOSITORY_URL: a.repositoryUrl,
                REPOSITORY_NAME: a.repositoryName,
                BUILD_CONTEXT: a.buildContext,
                PLATFORM: a.platform,
                ...(a.containerName ? { CONTAINER_NAME: a.containerName } : {}),
            },
            "exported-variables": ["IMAGE_URI"],
        },
        phases: {
            pre_build: {
                commands: [
                    `TAG=$(${contentTagCommand('"$BUILD_CONTEXT"')})`,
                    'aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "${REPOSITORY_URL%%/*}"',
                ],
            },
            build: {
                commands: [
                    [
                        'if aws ecr describe-images --repository-name "$REPOSITORY_NAME" --image-ids "imageTag=$TAG" > /dev/null 2>&1; then',
                        '  echo "$TAG is already in $REPOSITORY_NAME: the sources are unchanged, nothing to build"',
                        "else",
                        '  docker build --platform "$PLATFORM" --tag "$REPOSITORY_URL:$TAG" "$BUILD_CONTEXT" && docker push "$REPOSITORY_URL:$TAG"',
                        "fi",
                    ].join("\n"),
                    ...commands,
                ],
            },
        },
        ...(a.containerName ? { artifacts: { files: ["imagedefinitions.json"] } } : {}),
    });
}

export interface StackSpecArgs {
    /** preview: the policy gate; up: the deploy. Both enforce the pack. */
    command: "preview" | "up";
    stack: string;
    policyConfig: string;
    pulumiVersion: string;
}

/**
 * Runs the program at the image the Build stage exported (IMAGE_URI), as the stack's role
 * (STACK_ROLE_ARN, assumed through a profile) with the stack's policy config. `npm ci` also
 * builds the policy pack to JavaScript (its prepare script), so the CLI starts it without type checking.
 */
export function stackBuildSpec(a: StackSpecArgs): string {
    const pulumi = [
        '"$HOME/.pulumi/bin/pulumi"',
        a.command,
        '--stack "$STACK"',
        "--non-interactive",
        ...(a.command === "up" ? ["--yes"] : ["--diff"]),
        "--policy-pack policy",
        '--policy-pack-config "$POLICY_CONFIG"',
        '--config "image=$IMAGE_URI"',
    ].join(" ");
    return stringify({
        version: 0.2,
        env: { shell: "bash", variables: { STACK: a.stack, POLICY_CONFIG: a.policyConfig, PULUMI_VERSION: a.pulumiVersion } },
        phases: {
            install: {
                "runtime-versions": { nodejs: 22 },
                commands: ['curl -fsSL https://get.pulumi.com | sh -s -- --version "$PULUMI_VERSION"', "npm ci --no-audit --no-fund"],
            },
            pre_build: {
                commands: [
                    'test -n "$IMAGE_URI" || { echo "IMAGE_URI is empty: the Build stage exports it"; exit 1; }',
                    'aws configure set profile.stack.role_arn "$STACK_ROLE_ARN"',
                    "aws configure set profile.stack.credential_source EcsContainer",
                ],
            },
            build: { commands: [`AWS_PROFILE=stack ${pulumi}`] },
        },
    });
}
