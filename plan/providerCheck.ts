// What the AWS provider's Check adds to a new resource's inputs before the engine plans it (and
// before the analyzer sees it, in both phases): the autonamed physical name and schema defaults.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

type State = Record<string, unknown>;

/**
 * Does the provider autoname this type's `name`? Read from @pulumi/aws's own declarations (the
 * resource's Args has a `name` input), so new resource types need no list kept by hand.
 */
const autonamed = new Map<string, boolean>();
function hasNameInput(type: string): boolean {
    const cached = autonamed.get(type);
    if (cached !== undefined) return cached;
    const m = /^aws:([\w-]+\/\w+):(\w+)$/.exec(type);
    let found = false;
    if (m) {
        try {
            const declarations = readFileSync(require.resolve(`@pulumi/aws/${m[1]}.d.ts`), "utf8");
            const args = new RegExp(`export interface ${m[2]}Args \\{([\\s\\S]*?)\\n\\}`).exec(declarations)?.[1] ?? "";
            found = /\n {4}name\?: /.test(args);
        } catch {
            found = false; // not an @pulumi/aws resource this provider knows: nothing to autoname
        }
    }
    autonamed.set(type, found);
    return found;
}

/** Schema defaults the provider fills in: those the pack or the plan reads, and their neighbours. */
const DEFAULTS: Record<string, State> = {
    "aws:ecr/repository:Repository": { imageTagMutability: "MUTABLE", forceDelete: false },
    "aws:ec2/securityGroup:SecurityGroup": { description: "Managed by Pulumi", revokeRulesOnDelete: false },
    "aws:ec2/subnet:Subnet": { mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false },
    "aws:ec2/vpc:Vpc": { enableDnsSupport: true, instanceTenancy: "default" },
    "aws:lb/loadBalancer:LoadBalancer": { loadBalancerType: "application", enableDeletionProtection: false, dropInvalidHeaderFields: false, idleTimeout: 60 },
    "aws:alb/loadBalancer:LoadBalancer": { loadBalancerType: "application", enableDeletionProtection: false, dropInvalidHeaderFields: false, idleTimeout: 60 },
    "aws:lb/targetGroup:TargetGroup": { deregistrationDelay: 300, targetType: "instance" },
    "aws:alb/targetGroup:TargetGroup": { deregistrationDelay: 300, targetType: "instance" },
    "aws:cloudwatch/logGroup:LogGroup": { retentionInDays: 0, skipDestroy: false },
    "aws:iam/role:Role": { path: "/", maxSessionDuration: 3600, forceDetachPolicies: false },
    "aws:kms/key:Key": { enableKeyRotation: false, isEnabled: true, keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT" },
    "aws:ecs/taskDefinition:TaskDefinition": { skipDestroy: false, trackLatest: false },
};

/** The provider's autoname: the logical name, "-" and 7 characters (deterministic here). */
export const autoname = (type: string, logicalName: string): string =>
    `${logicalName}-${createHash("sha256").update(`${type}::${logicalName}`).digest("hex").slice(0, 7)}`;

/** A new custom resource's inputs as Check returns them: given values win, even unknown ones. */
export function checkedInputs(type: string, logicalName: string, inputs: State): State {
    const named = !hasNameInput(type) || inputs.name !== undefined || inputs.namePrefix !== undefined ? {} : { name: autoname(type, logicalName) };
    return { ...DEFAULTS[type], ...named, ...inputs };
}
