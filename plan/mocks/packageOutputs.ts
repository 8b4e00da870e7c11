// Outputs of the non-AWS-provider types programs use next to @pulumi/aws: awsx components (whose
// outputs are their child resources, as plain objects the program reads through), Docker image
// builds (a digest per build), and @pulumi/random's values.
import { AwsPlace, hex, uuid } from "./aws";
import { defaultVpcId, defaultSubnetIds } from "./invokes/network";

type State = Record<string, unknown>;

const digest = (seed: string) => `sha256:${hex(seed, 64)}`;
/** "host/repo:tag" or "host/repo@sha256:…" → "host/repo". */
const repositoryOf = (image: string) => image.replace(/@sha256:[0-9a-f]+$/, "").replace(/:[\w.-]+$/, "");
const text = (v: unknown, fallback: string) => (typeof v === "string" && v !== "" ? v : fallback);
const PET_WORDS = ["brave", "calm", "eager", "gentle", "jolly", "lively", "proud", "witty", "otter", "falcon", "panda", "heron", "lynx", "koala"];

function awsxOutputs(p: AwsPlace, type: string, name: string, inputs: State, seed: string): State | undefined {
    const ecrHost = p.host(`${p.account}.dkr.ecr.${p.region}`);
    switch (type) {
        case "awsx:ecr:Repository": {
            const repoName = text(inputs.name, name.toLowerCase());
            const url = `${ecrHost}/${repoName}`;
            return { url, repository: { name: repoName, arn: p.arn("ecr", `repository/${repoName}`), repositoryUrl: url, registryId: p.account } };
        }
        case "awsx:ecr:Image":
            return { imageUri: `${text(inputs.repositoryUrl, `${ecrHost}/${name}`)}@${digest(`${seed}:${String(inputs.imageTag)}`)}` };
        case "awsx:lb:ApplicationLoadBalancer":
        case "awsx:lb:NetworkLoadBalancer": {
            const kind = type.endsWith("ApplicationLoadBalancer") ? "app" : "net";
            const lbName = name.slice(0, 32);
            const suffix = `${kind}/${lbName}/${hex(seed, 16)}`;
            const dnsName = `${lbName}-${parseInt(hex(seed, 8), 16)}.${p.region}.elb.${p.dnsSuffix}`;
            const tgName = `${name.slice(0, 24)}-tg`;
            const listenerArn = p.arn("elasticloadbalancing", `listener/${suffix}/${hex(`${seed}:listener`, 16)}`);
            const sg = `sg-${hex(`${seed}:sg`, 17)}`;
            return {
                loadBalancer: {
                    name: lbName,
                    arn: p.arn("elasticloadbalancing", `loadbalancer/${suffix}`),
                    arnSuffix: suffix,
                    dnsName,
                    zoneId: "Z35SXDOTRQ7X7K",
                    loadBalancerType: kind === "app" ? "application" : "network",
                },
                defaultTargetGroup: {
                    name: tgName,
                    arn: p.arn("elasticloadbalancing", `targetgroup/${tgName}/${hex(`${seed}:tg`, 16)}`),
                    port: 80,
                    protocol: kind === "app" ? "HTTP" : "TCP",
                },
                listeners: [{ arn: listenerArn, port: 80, protocol: kind === "app" ? "HTTP" : "TCP" }],
                defaultSecurityGroup: kind === "app" ? { id: sg, arn: p.arn("ec2", `security-group/${sg}`), name: `${name}-sg` } : undefined,
                vpcId: defaultVpcId(p),
            };
        }
        case "awsx:ecs:FargateService":
        case "awsx:ecs:EC2Service": {
            const family = name;
            const cluster = text(inputs.cluster, p.arn("ecs", "cluster/default"));
            return {
                service: { name, id: p.arn("ecs", `service/${cluster.replace(/^.*\//, "")}/${name}`), cluster },
                taskDefinition: inputs.taskDefinition ? undefined : { family, arn: p.arn("ecs", `task-definition/${family}:1`), revision: 1 },
            };
        }
        case "awsx:ecs:FargateTaskDefinition":
        case "awsx:ecs:EC2TaskDefinition": {
            const family = text(inputs.family, name);
            return { taskDefinition: { family, arn: p.arn("ecs", `task-definition/${family}:1`), revision: 1 }, loadBalancers: [] };
        }
        case "awsx:ec2:DefaultVpc":
            return { vpcId: defaultVpcId(p), publicSubnetIds: defaultSubnetIds(p), privateSubnetIds: [] };
        case "awsx:ec2:Vpc": {
            const vpcId = `vpc-${hex(seed, 17)}`;
            const zones = p.zones().slice(0, typeof inputs.numberOfAvailabilityZones === "number" ? inputs.numberOfAvailabilityZones : 3);
            const ids = (kind: string) => zones.map((z) => `subnet-${hex(`${seed}:${kind}:${z}`, 17)}`);
            return {
                vpcId,
                vpc: { id: vpcId, arn: p.arn("ec2", `vpc/${vpcId}`), cidrBlock: text(inputs.cidrBlock, "10.0.0.0/16") },
                publicSubnetIds: ids("public"),
                privateSubnetIds: ids("private"),
                isolatedSubnetIds: [],
            };
        }
        default:
            return undefined;
    }
}

function dockerOutputs(type: string, inputs: State, seed: string): State | undefined {
    switch (type) {
        case "docker:index/image:Image": {
            const imageName = text(inputs.imageName, "image");
            const repository = repositoryOf(imageName);
            return {
                imageName,
                baseImageName: imageName,
                repoDigest: `${repository}@${digest(seed)}`,
                registryServer: repository.split("/")[0],
                dockerfile: text(inputs.dockerfile, "Dockerfile"),
            };
        }
        case "docker-build:index:Image": {
            const tags = Array.isArray(inputs.tags) ? (inputs.tags as string[]) : [];
            const d = digest(seed);
            // A tag computed from another resource's output is not a string here (unknown at preview).
            return { digest: d, ref: typeof tags[0] === "string" ? `${repositoryOf(tags[0])}@${d}` : d, contextHash: hex(`${seed}:context`, 64) };
        }
        case "docker:index/registryImage:RegistryImage":
            return { sha256Digest: digest(seed) };
        case "docker:index/remoteImage:RemoteImage": {
            const name = text(inputs.name, "image");
            return { imageId: digest(`${seed}:id`), repoDigest: `${repositoryOf(name)}@${digest(seed)}` };
        }
        default:
            return undefined;
    }
}

function randomOutputs(type: string, inputs: State, seed: string): State | undefined {
    const length = typeof inputs.length === "number" ? inputs.length : 16;
    const chars = Buffer.from(hex(seed, length * 2), "hex")
        .toString("base64")
        .replace(/[^A-Za-z0-9]/g, "x");
    switch (type) {
        case "random:index/randomPassword:RandomPassword":
            return { result: chars.slice(0, length), bcryptHash: `$2a$10$${hex(`${seed}:bcrypt`, 53)}` };
        case "random:index/randomString:RandomString":
            return { result: inputs.upper === false ? chars.slice(0, length).toLowerCase() : chars.slice(0, length) };
        case "random:index/randomId:RandomId": {
            const bytes = Buffer.from(hex(seed, 2 * (typeof inputs.byteLength === "number" ? inputs.byteLength : 8)), "hex");
            return {
                hex: bytes.toString("hex"),
                b64Url: bytes.toString("base64url"),
                b64Std: bytes.toString("base64"),
                dec: BigInt(`0x${bytes.toString("hex")}`).toString(),
            };
        }
        case "random:index/randomPet:RandomPet": {
            const words = Array.from(
                { length: typeof inputs.length === "number" ? inputs.length : 2 },
                (_, i) => PET_WORDS[parseInt(hex(`${seed}:${i}`, 4), 16) % PET_WORDS.length],
            );
            return { id: [inputs.prefix, ...words].filter(Boolean).join(text(inputs.separator, "-")) };
        }
        case "random:index/randomInteger:RandomInteger": {
            const min = Number(inputs.min ?? 0);
            const max = Number(inputs.max ?? min);
            return { result: min + (parseInt(hex(seed, 8), 16) % (max - min + 1)) };
        }
        case "random:index/randomUuid:RandomUuid":
            return { result: uuid(seed) };
        case "random:index/randomShuffle:RandomShuffle":
            return { results: Array.isArray(inputs.inputs) ? [...(inputs.inputs as unknown[])].reverse() : [] };
        default:
            return undefined;
    }
}

/** Outputs of a known non-provider type; undefined for any other type. */
export function packageOutputs(p: AwsPlace, type: string, name: string, inputs: State, seed: string): State | undefined {
    return awsxOutputs(p, type, name, inputs, seed) ?? dockerOutputs(type, inputs, seed) ?? randomOutputs(type, inputs, seed);
}
