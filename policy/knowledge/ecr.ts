// ECR image references: which repository an image is pulled from, for the execution role the
// program writes and the least-privilege proof the pack makes.

export interface EcrImage {
    account: string;
    region: string;
    repository: string;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

/** The ECR repository an image reference points into; undefined for other registries. */
export function parseEcrImage(image: string): EcrImage | undefined {
    const m = ECR_IMAGE.exec(image);
    return m ? { account: m[1]!, region: m[2]!, repository: m[3]! } : undefined;
}

export const ecrRepositoryArn = ({ account, region, repository }: EcrImage, partition = "aws"): string =>
    `arn:${partition}:ecr:${region}:${account}:repository/${repository}`;

/** The registry host of an account's private ECR in a region. */
export const ecrRegistryHost = (account: string, region: string, dnsSuffix = "amazonaws.com"): string => `${account}.dkr.ecr.${region}.${dnsSuffix}`;
