// Readers for the structured settings (JSON lists and maps), each collecting its own problems.
import { RETIRING_TAG } from "../policy/knowledge/lifecycle";
import { SECRET_LIKE_NAME } from "../policy/knowledge/secrets";
import { isRecord } from "../policy/knowledge/values";
import * as c from "./constraints";
import type { ConfigReader } from "./configReader";
import { BUCKET, ENV_NAME, SECRET_ARN, SUBNET_ID, VPC_ID } from "./formats";
import { reservedProblem } from "./reservedEnvironment";
import { EXPIRES_AT_TAG } from "./expiry";
import type { ExistingVpc, S3Access, S3Grant, SecretRef } from "./types";

export function readExistingVpc(r: ConfigReader, azCount: number): ExistingVpc | undefined {
    const value = r.json("existingVpc");
    if (value === undefined) return undefined;
    const shape = "{ vpcId: vpc-…, publicSubnetIds: [subnet-…, …], privateSubnetIds: [subnet-…, …] } with at least 2 subnets each";
    if (!isRecord(value) || typeof value.vpcId !== "string" || !Array.isArray(value.publicSubnetIds) || !Array.isArray(value.privateSubnetIds)) {
        r.expect("existingVpc", value, shape);
        return undefined;
    }
    r.expect("existingVpc.vpcId", value.vpcId, VPC_ID.test(value.vpcId) ? undefined : "vpc- followed by 8 or 17 hex digits");
    for (const list of ["publicSubnetIds", "privateSubnetIds"] as const) {
        const ids = value[list] as unknown[];
        if (ids.length < Math.min(2, azCount)) r.expect(`existingVpc.${list}`, ids, "at least 2 subnets in different AZs");
        ids.forEach((id, i) =>
            r.expect(`existingVpc.${list}[${i}]`, id, typeof id === "string" && SUBNET_ID.test(id) ? undefined : "subnet- followed by 8 or 17 hex digits"),
        );
    }
    return { vpcId: value.vpcId, publicSubnetIds: value.publicSubnetIds as string[], privateSubnetIds: value.privateSubnetIds as string[] };
}

export function readS3Grants(r: ConfigReader): S3Grant[] {
    return r.list("s3Grants", "{ bucket: <name>, access: read | read-write }", (grant, key) => {
        const bucketOk = r.expect(
            `${key}.bucket`,
            grant.bucket,
            typeof grant.bucket === "string" && BUCKET.test(grant.bucket)
                ? undefined
                : "an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens); wildcards are not allowed",
        );
        const accessOk = r.expect(`${key}.access`, grant.access, grant.access === "read" || grant.access === "read-write" ? undefined : "read, read-write");
        return bucketOk && accessOk ? { bucket: grant.bucket as string, access: grant.access as S3Access } : undefined;
    });
}

export function readSecrets(r: ConfigReader): SecretRef[] {
    return r.list("secrets", "{ name: ENV_NAME, valueFrom: <Secrets Manager or SSM parameter ARN> }", (secret, key) => {
        const nameOk = r.expect(
            `${key}.name`,
            secret.name,
            typeof secret.name === "string" && ENV_NAME.test(secret.name) ? undefined : "an environment variable name ([A-Za-z_][A-Za-z0-9_]*)",
        );
        const reserved = nameOk ? reservedProblem(secret.name as string) : undefined;
        if (reserved) r.fail(`${key}.name=${secret.name as string} ${reserved}`);
        const arnOk = r.expect(
            `${key}.valueFrom`,
            secret.valueFrom,
            typeof secret.valueFrom === "string" && SECRET_ARN.test(secret.valueFrom) ? undefined : "a Secrets Manager secret ARN or an SSM parameter ARN",
        );
        return nameOk && !reserved && arnOk ? { name: secret.name as string, valueFrom: secret.valueFrom as string } : undefined;
    });
}

export function readEnvironment(r: ConfigReader, secrets: SecretRef[]): Record<string, string> {
    const value = r.json("environment") ?? {};
    if (!isRecord(value)) {
        r.expect("environment", value, "a map of NAME: value");
        return {};
    }
    const env: Record<string, string> = {};
    for (const [name, v] of Object.entries(value)) {
        const key = `environment.${name}`;
        if (
            !r.expect(
                key,
                v,
                ENV_NAME.test(name) && ["string", "number", "boolean"].includes(typeof v)
                    ? undefined
                    : "a variable name ([A-Za-z_][A-Za-z0-9_]*) with a string value",
            )
        )
            continue;
        const reserved = reservedProblem(name);
        if (reserved) r.fail(`${key} ${reserved}`);
        else if (SECRET_LIKE_NAME.test(name))
            r.fail(
                `${key} looks like a secret; plain environment variables are visible in the task definition; allowed: declare it under secrets with a Secrets Manager or SSM valueFrom`,
            );
        else if (secrets.some((s) => s.name === name)) r.fail(`${key} is also declared under secrets; allowed: one of the two`);
        else env[name] = String(v);
    }
    return env;
}

export function readTags(r: ConfigReader): Record<string, string> {
    const value = r.json("tags") ?? {};
    if (!isRecord(value)) return (r.expect("tags", value, "a map of key: value"), {});
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
        // The retiring tag exempts resources from deletion protection: only `retiring: true` sets it.
        if (k === RETIRING_TAG) r.fail(`tags.${k} is set by the program from retiring; allowed: set retiring: true instead`);
        else if (k === EXPIRES_AT_TAG) r.fail(`tags.${k} is set by the program from expiresAt or ttl; allowed: set one of those instead`);
        else if (r.expect(`tags.${k}`, v, typeof v === "string" ? c.checkTag(k, v) : "a string value")) tags[k] = v as string;
    }
    return tags;
}
