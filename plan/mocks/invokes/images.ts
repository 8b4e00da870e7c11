// Machine and container images: AMI lookups, AWS's public SSM parameters (plain AMI ids, and the
// ECS-optimized AMI's JSON document), and ECR's registry token, repositories and images.
import { AwsPlace, hex } from "../aws";
import { Answer, InvokeArgs, filterValues, seedOf } from "./types";

/** Owner aliases and the accounts behind them. */
const OWNER_ACCOUNTS: Record<string, string> = { amazon: "137112412989", "aws-marketplace": "679593333241", canonical: "099720109477" };
const RELEASE = "20250115";

const amiId = (seed: string) => `ami-${hex(seed, 17)}`;

/** An image name matching the lookup's name pattern (wildcards filled with a release date). */
const imageName = (pattern: string | undefined) => (pattern ?? "offline-plan-image-*").replace(/\*/g, RELEASE).replace(/\?/g, "0");

function ami(args: InvokeArgs, p: AwsPlace) {
    const owners = (args.owners as string[] | undefined) ?? [];
    const owner = owners[0] ?? "self";
    const ownerId = owner === "self" ? p.account : (OWNER_ACCOUNTS[owner] ?? owner);
    const name = imageName(filterValues(args, "name")?.[0]);
    const architecture = filterValues(args, "architecture")?.[0] ?? (/arm64|aarch64/.test(name) ? "arm64" : "x86_64");
    const id = amiId(seedOf("ami", args));
    return {
        ...args,
        id,
        imageId: id,
        arn: `arn:${p.partition}:ec2:${p.region}::image/${id}`,
        architecture,
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: "8", volumeType: "gp3", encrypted: "false" }, noDevice: "", virtualName: "" }],
        bootMode: "uefi-preferred",
        creationDate: "2025-01-15T00:00:00.000Z",
        deprecationTime: "2027-01-15T00:00:00.000Z",
        description: name,
        enaSupport: true,
        hypervisor: "xen",
        imageLocation: `${OWNER_ACCOUNTS[owner] ? owner : ownerId}/${name}`,
        imageOwnerAlias: OWNER_ACCOUNTS[owner] ? owner : "",
        imageType: "machine",
        imdsSupport: "v2.0",
        kernelId: "",
        lastLaunchedTime: "",
        name,
        ownerId,
        platform: /windows/i.test(name) ? "windows" : "",
        platformDetails: /windows/i.test(name) ? "Windows" : "Linux/UNIX",
        productCodes: [],
        public: ownerId !== p.account,
        ramdiskId: "",
        region: p.region,
        rootDeviceName: "/dev/xvda",
        rootDeviceType: "ebs",
        rootSnapshotId: `snap-${hex(id, 17)}`,
        sriovNetSupport: "simple",
        state: "available",
        stateReason: { code: "UNSET", message: "UNSET" },
        tags: {},
        tpmSupport: "",
        uefiData: "",
        usageOperation: "RunInstances",
        virtualizationType: "hvm",
    };
}

/** /aws/service/ecs/optimized-ami/<os>[/<variant>]/recommended: its OS and image naming. */
const ECS_OPTIMIZED: Record<string, { os: string; name: (arch: string) => string }> = {
    "amazon-linux": { os: "Amazon Linux", name: () => `amzn-ami-2018.03.${RELEASE}-amazon-ecs-optimized` },
    "amazon-linux-2": { os: "Amazon Linux 2", name: (arch) => `amzn2-ami-ecs-hvm-2.0.${RELEASE}-${arch}-ebs` },
    "amazon-linux-2023": { os: "Amazon Linux 2023", name: (arch) => `al2023-ami-ecs-hvm-2023.0.${RELEASE}-kernel-6.1-${arch}` },
};

/** The value of an AWS public parameter, in the shape AWS stores it; undefined if not one we know. */
export function publicParameter(name: string): string | undefined {
    const ecs = /^\/aws\/service\/ecs\/optimized-ami\/(amazon-linux(?:-2023|-2)?)((?:\/[\w.-]+)*?)\/recommended(?:\/(\w+))?$/.exec(name);
    if (ecs) {
        const [, family, variant = "", key] = ecs;
        const arch = variant.includes("arm64") ? "arm64" : "x86_64";
        const base = `/aws/service/ecs/optimized-ami/${family}${variant}/recommended`;
        const document: Record<string, string | number> = {
            ecs_agent_version: "1.89.2",
            ecs_runtime_version: family === "amazon-linux-2023" ? "Docker version 25.0.6" : "Docker version 20.10.25",
            image_id: amiId(base),
            image_name: ECS_OPTIMIZED[family!]!.name(arch),
            image_version: `${family === "amazon-linux-2023" ? "2023.0" : "2.0"}.${RELEASE}`,
            os: ECS_OPTIMIZED[family!]!.os,
            schema_version: 1,
            source_image_name: `${family}-minimal-${RELEASE}-${arch}`,
        };
        if (key === undefined) return JSON.stringify(document);
        return key in document ? String(document[key]) : undefined;
    }
    // Plain AMI ids: Amazon Linux, Windows, Bottlerocket, EKS, Ubuntu, Debian and the like.
    if (/^\/aws\/service\/.*(ami|image_id|image-id|ubuntu|debian|bottlerocket)/.test(name) && !/\/(image_name|image_version|os)$/.test(name))
        return amiId(name);
    return undefined;
}

function parameter(args: InvokeArgs, p: AwsPlace) {
    const name = String(args.name);
    const isPublic = name.startsWith("/aws/service/");
    // A parameter of the account itself: its value is not knowable offline; a placeholder stands in.
    const value = publicParameter(name) ?? (isPublic ? undefined : `offline-value-of-${name}`);
    if (value === undefined) return undefined;
    const arn = isPublic ? `arn:${p.partition}:ssm:${p.region}::parameter${name}` : p.arn("ssm", `parameter${name.startsWith("/") ? "" : "/"}${name}`);
    return { ...args, name, value, insecureValue: value, type: "String", version: 1, arn, region: p.region, id: name };
}

const registryHost = (p: AwsPlace, registryId: string) => p.host(`${registryId}.dkr.ecr.${p.region}`);

export const imageInvokes: Record<string, Answer> = {
    "aws:ec2/getAmi:getAmi": ami,
    "aws:ec2/getAmiIds:getAmiIds": (args, p) => ({ ...args, ids: [ami(args, p).id], owners: args.owners ?? [], region: p.region, id: p.region }),
    "aws:ssm/getParameter:getParameter": parameter,
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (args, p) => {
        const registryId = (args.registryId as string | undefined) ?? p.account;
        const password = `offline-${hex(`ecr-token:${registryId}`, 48)}`;
        return {
            ...args,
            userName: "AWS",
            password,
            authorizationToken: Buffer.from(`AWS:${password}`).toString("base64"),
            proxyEndpoint: `https://${registryHost(p, registryId)}`,
            expiresAt: "2025-01-15T12:00:00Z",
            region: p.region,
            id: p.region,
        };
    },
    "aws:ecr/getRepository:getRepository": (args, p) => {
        const name = String(args.name);
        const registryId = (args.registryId as string | undefined) ?? p.account;
        return {
            ...args,
            name,
            arn: p.arn("ecr", `repository/${name}`),
            registryId,
            repositoryUrl: `${registryHost(p, registryId)}/${name}`,
            encryptionConfigurations: [{ encryptionType: "AES256", kmsKey: "" }],
            imageScanningConfigurations: [{ scanOnPush: false }],
            imageTagMutability: "MUTABLE",
            imageTagMutabilityExclusionFilters: [],
            mostRecentImageTags: ["latest"],
            region: p.region,
            tags: {},
            id: name,
        };
    },
    "aws:ecr/getImage:getImage": (args, p) => {
        const repositoryName = String(args.repositoryName);
        const registryId = (args.registryId as string | undefined) ?? p.account;
        const imageDigest = (args.imageDigest as string | undefined) ?? `sha256:${hex(seedOf("ecr-image", args), 64)}`;
        const tag = (args.imageTag as string | undefined) ?? "latest";
        return {
            ...args,
            imageDigest,
            imagePushedAt: 1736899200,
            imageSizeInBytes: 52_428_800,
            imageTags: [tag],
            imageUri: `${registryHost(p, registryId)}/${repositoryName}@${imageDigest}`,
            registryId,
            repositoryName,
            region: p.region,
            id: imageDigest,
        };
    },
};
