// Names AWS will accept. Long app/stack names are shortened deterministically:
// a cut prefix plus a short hash of the full name, so two stacks never collide.
import { AUTONAME_SUFFIX_LENGTH } from "./constraints";

/** FNV-1a, 32 bit: tiny, stable, and enough to tell names apart. */
export function shortHash(text: string, length = 4): string {
    let hash = 0x811c9dc5;
    for (const ch of text) {
        hash ^= ch.codePointAt(0)!;
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(36).padStart(length, "0").slice(-length);
}

/** `name` if it fits in `max` characters, else a cut of it ending in "-<hash>". */
export function shortenName(name: string, max: number): string {
    if (name.length <= max) return name;
    const hash = shortHash(name);
    const head = name.slice(0, max - hash.length - 1).replace(/-+$/, "");
    return `${head}-${hash}`;
}

/** Stack names may hold "_" and "."; AWS names here may not. */
export function stackSlug(stack: string): string {
    return stack
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}

export interface ResourceNames {
    /** Prefix of every logical name: "<app>-<stack>". */
    prefix: string;
    /** Logical names of autonamed resources whose AWS name has a length limit. */
    alb: string;
    targetGroup: string;
    /** The second target group of blue/green, canary and linear deployments. */
    alternateTargetGroup: string;
    executionRole: string;
    taskRole: string;
    /** The role ECS assumes to shift traffic between the target groups. */
    trafficRole: string;
    /** The role ECS assumes to invoke the deployment lifecycle hook. */
    hookRole: string;
    /** The NAT instance's role (egress nat-instance). */
    natRole: string;
    /** The role VPC flow logs assume to write their log group. */
    flowLogRole: string;
    /** Explicit AWS names. */
    repository: string;
    logGroup: string;
    cluster: string;
    flowLogGroup: string;
    /** WAF delivers logs only to groups named aws-waf-logs-*. */
    wafLogGroup: string;
    webAcl: string;
}

/** Logical name budgets: AWS limit minus Pulumi's autoname suffix. */
const ELB_NAME_BUDGET = 32 - AUTONAME_SUFFIX_LENGTH;
const ROLE_NAME_BUDGET = 64 - AUTONAME_SUFFIX_LENGTH;

export function resourceNames(appName: string, stack: string): ResourceNames {
    const prefix = `${appName}-${stackSlug(stack)}`;
    return {
        prefix,
        alb: shortenName(prefix, ELB_NAME_BUDGET),
        targetGroup: shortenName(`${prefix}-tg`, ELB_NAME_BUDGET),
        alternateTargetGroup: shortenName(`${prefix}-tg-alt`, ELB_NAME_BUDGET),
        executionRole: shortenName(`${prefix}-execution`, ROLE_NAME_BUDGET),
        taskRole: shortenName(`${prefix}-task`, ROLE_NAME_BUDGET),
        trafficRole: shortenName(`${prefix}-ecs-traffic`, ROLE_NAME_BUDGET),
        hookRole: shortenName(`${prefix}-ecs-hook`, ROLE_NAME_BUDGET),
        natRole: shortenName(`${prefix}-nat`, ROLE_NAME_BUDGET),
        repository: `${appName}/${stackSlug(stack)}`,
        logGroup: `/ecs/${appName}/${stackSlug(stack)}`,
        cluster: shortenName(prefix, 255),
        flowLogGroup: `/vpc/${appName}/${stackSlug(stack)}/flow-logs`,
        wafLogGroup: `aws-waf-logs-${prefix}`,
        webAcl: shortenName(prefix, 128),
        flowLogRole: shortenName(`${prefix}-flow-logs`, ROLE_NAME_BUDGET),
    };
}
