// Formats of the values users type: names, ARNs, ids and image references.

export const APP_NAME = /^[a-z][a-z0-9-]{0,28}[a-z0-9]$/;
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const SECRET_ARN =
    /^arn:aws(?:-cn|-us-gov)?:(?:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+(?::[\w-]*){0,3}|ssm:[a-z0-9-]+:\d{12}:parameter\/[\w/.-]+)$/;
export const SNS_ARN = /^arn:aws(?:-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/;
export const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
export const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
/** registry/repository:tag or @sha256 digest; a tag or digest is required. */
const IMAGE_REF =
    /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function checkImageReference(ref: string): string | undefined {
    if (!IMAGE_REF.test(ref)) return "registry/repository:tag or registry/repository@sha256:<digest>";
    const lastPart = ref.slice(ref.lastIndexOf("/") + 1);
    if (!lastPart.includes(":") && !ref.includes("@sha256:")) return "a pinned tag or digest (no implicit :latest)";
    if (/:latest(?:@|$)/.test(ref)) return "a pinned tag or digest, not :latest";
    return undefined;
}
