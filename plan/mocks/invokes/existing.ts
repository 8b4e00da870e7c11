// Reads of things that already exist in the account or in AWS: IAM roles and managed policies,
// KMS keys and aliases, certificates, secrets, hosted zones, the ELB log-delivery accounts and
// the policy-document function. Values AWS owns are real; the account's own are plausible.
import { AwsPlace, hex, uuid } from "../aws";
import { PolicyDocumentArgs, renderPolicyDocument } from "../policyDocument";
import { Answer, InvokeArgs, InvokeRejected } from "./types";

/** The accounts Elastic Load Balancing writes access logs from (regions opened before August 2022). */
const ELB_ACCOUNTS: Record<string, string> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580",
    "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331",
    "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-south-1": "635631232127",
    "eu-west-3": "009996457667",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
    "us-gov-west-1": "048591011584",
    "us-gov-east-1": "190560391635",
    "cn-north-1": "638102146993",
    "cn-northwest-1": "037604701340",
};

const nameOf = (args: InvokeArgs, key = "name") => String(args[key] ?? args.arn ?? args.id ?? "").replace(/^.*[:/]/, "");

/** A trust policy for a role found by name: the service its name suggests, else the account. */
function trustPolicy(name: string, p: AwsPlace): string {
    const service = /ecs-?task|ecsTask/i.test(name)
        ? "ecs-tasks.amazonaws.com"
        : /lambda/i.test(name)
          ? "lambda.amazonaws.com"
          : /ec2|instance/i.test(name)
            ? "ec2.amazonaws.com"
            : undefined;
    const principal = service ? { Service: service } : { AWS: `arn:${p.partition}:iam::${p.account}:root` };
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
}

const key = (p: AwsPlace, keyId: string) => ({
    arn: p.arn("kms", `key/${keyId}`),
    awsAccountId: p.account,
    keyId,
    keyManager: "CUSTOMER",
    keySpec: "SYMMETRIC_DEFAULT",
    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    keyState: "Enabled",
    keyUsage: "ENCRYPT_DECRYPT",
    enabled: true,
    multiRegion: false,
    origin: "AWS_KMS",
    creationDate: "2025-01-15T00:00:00Z",
    description: "",
    cloudHsmClusterId: "",
    customKeyStoreId: "",
    deletionDate: "",
    expirationModel: "",
    multiRegionConfigurations: [],
    pendingDeletionWindowInDays: 0,
    validTo: "",
    xksKeyConfigurations: [],
    region: p.region,
    id: keyId,
});

export const existingInvokes: Record<string, Answer> = {
    "aws:iam/getPolicyDocument:getPolicyDocument": (args) => ({ ...args, ...renderPolicyDocument(args as PolicyDocumentArgs) }),
    "aws:iam/getRole:getRole": (args, p) => {
        const name = nameOf(args);
        return {
            ...args,
            name,
            arn: `arn:${p.partition}:iam::${p.account}:role/${name}`,
            assumeRolePolicy: trustPolicy(name, p),
            createDate: "2025-01-15T00:00:00Z",
            description: "",
            maxSessionDuration: 3600,
            path: "/",
            permissionsBoundary: "",
            roleLastUseds: [],
            tags: {},
            uniqueId: `AROA${hex(`role:${name}`, 17).toUpperCase()}`,
            id: name,
        };
    },
    "aws:iam/getPolicy:getPolicy": (args, p) => {
        // Found by ARN (an AWS managed policy's is arn:aws:iam::aws:policy/...) or by name in the account.
        const arn =
            (args.arn as string | undefined) ?? `arn:${p.partition}:iam::${p.account}:policy${(args.pathPrefix as string | undefined) ?? "/"}${nameOf(args)}`;
        const name = arn.replace(/^.*\//, "");
        return {
            ...args,
            arn,
            name,
            path: /:policy(\/.*\/)[^/]+$/.exec(arn)?.[1] ?? "/",
            attachmentCount: 1,
            description: "",
            // Its statements are not knowable offline: an empty document rather than invented grants.
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
            policyId: `ANPA${hex(`policy:${arn}`, 17).toUpperCase()}`,
            tags: {},
            id: arn,
        };
    },
    "aws:kms/getKey:getKey": (args, p) => ({
        ...args,
        ...key(p, nameOf(args, "keyId").startsWith("alias") ? uuid(String(args.keyId)) : nameOf(args, "keyId")),
    }),
    "aws:kms/getAlias:getAlias": (args, p) => {
        const name = String(args.name);
        const targetKeyId = uuid(`alias:${name}`);
        return {
            ...args,
            name,
            arn: p.arn("kms", name),
            targetKeyId,
            targetKeyArn: p.arn("kms", `key/${targetKeyId}`),
            region: p.region,
            id: p.arn("kms", name),
        };
    },
    "aws:acm/getCertificate:getCertificate": (args, p) => {
        const domain = String(args.domain ?? "example.com");
        return {
            ...args,
            domain,
            arn: p.arn("acm", `certificate/${uuid(`certificate:${domain}`)}`),
            status: "ISSUED",
            certificate: "",
            certificateChain: "",
            region: p.region,
            tags: {},
            id: p.arn("acm", `certificate/${uuid(`certificate:${domain}`)}`),
        };
    },
    "aws:secretsmanager/getSecret:getSecret": (args, p) => {
        const name = nameOf(args).replace(/-[A-Za-z0-9]{6}$/, "");
        const arn = (args.arn as string | undefined) ?? p.arn("secretsmanager", `secret:${name}-${hex(`secret:${name}`, 6)}`);
        return {
            ...args,
            name,
            arn,
            createdDate: "2025-01-15T00:00:00Z",
            lastChangedDate: "2025-01-15T00:00:00Z",
            description: "",
            kmsKeyId: "",
            policy: "",
            region: p.region,
            tags: {},
            type: "",
            id: arn,
        };
    },
    "aws:secretsmanager/getSecretVersion:getSecretVersion": (args, p) => {
        const secretId = String(args.secretId);
        const arn = secretId.startsWith("arn:") ? secretId : p.arn("secretsmanager", `secret:${secretId}-${hex(`secret:${secretId}`, 6)}`);
        const versionId = (args.versionId as string | undefined) ?? uuid(`version:${secretId}`);
        // The secret's value is the account's own: a placeholder stands in (supply one with --invoke-results).
        return {
            ...args,
            arn,
            secretArn: arn,
            secretId,
            secretString: `offline-secret-of-${secretId}`,
            secretBinary: "",
            versionId,
            versionStages: [args.versionStage ?? "AWSCURRENT"],
            createdDate: "2025-01-15T00:00:00Z",
            region: p.region,
            id: `${arn}|${versionId}`,
        };
    },
    "aws:route53/getZone:getZone": (args) => {
        // A zone of that name exists in the account (as the stack files assume).
        const name = String(args.name ?? "example.com").replace(/\.$/, "");
        const zoneId = (args.zoneId as string | undefined) ?? `Z${hex(name, 20).toUpperCase()}`;
        const nameServers = [1, 2, 3, 4].map(
            (i) => `ns-${parseInt(hex(`${name}${i}`, 3), 16) % 2048}.awsdns-${10 + i}.${["com", "net", "org", "co.uk"][i - 1]}`,
        );
        return {
            ...args,
            name,
            zoneId,
            id: zoneId,
            arn: `arn:aws:route53:::hostedzone/${zoneId}`,
            privateZone: args.privateZone ?? false,
            nameServers,
            primaryNameServer: nameServers[0],
            resourceRecordSetCount: 2,
            callerReference: hex(name, 8),
            comment: "",
            linkedServiceDescription: "",
            linkedServicePrincipal: "",
            tags: {},
        };
    },
    "aws:elb/getServiceAccount:getServiceAccount": (args, p) => {
        const region = (args.region as string | undefined) ?? p.region;
        const account = ELB_ACCOUNTS[region];
        if (!account)
            throw new InvokeRejected(
                `aws.elb.getServiceAccount: no ELB account for region ${region} (regions opened after August 2022 deliver logs through the logdelivery.elasticloadbalancing.amazonaws.com service principal)`,
            );
        return { ...args, id: account, arn: `arn:${p.partition}:iam::${account}:root`, region };
    },
};
