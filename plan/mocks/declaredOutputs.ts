// Outputs for any resource type the mocks have no rule for, read from its package's own
// TypeScript declarations (@pulumi/<package>/<module>/<resource>.d.ts): every output-only property
// (declared on the class, absent from its Args) gets a value shaped by its name and type, so
// nothing a program interpolates is ever `undefined`.
import { readFileSync } from "node:fs";
import { AwsPlace, hex } from "./aws";

interface Declared {
    /** Output property names and their declared TypeScript types. */
    outputs: Map<string, string>;
    component: boolean;
}

const cache = new Map<string, Declared | undefined>();

/** "aws:ec2/securityGroup:SecurityGroup" → @pulumi/aws/ec2/securityGroup.d.ts; "awsx:ecr:Image" → @pulumi/awsx/ecr/image.d.ts. */
function declarationFile(type: string): { file: string; className: string } | undefined {
    const m = /^([\w-]+):([\w/-]*):(\w+)$/.exec(type);
    if (!m) return undefined;
    const [, pkg, middle = "", className = ""] = m;
    const module = middle.split("/")[0]!;
    const base = `${className.charAt(0).toLowerCase()}${className.slice(1)}`;
    const path = module === "index" || module === "" ? base : `${module}/${base}`;
    try {
        return { file: require.resolve(`@pulumi/${pkg}/${path}.d.ts`), className };
    } catch {
        return undefined;
    }
}

export function declaredOutputs(type: string): Declared | undefined {
    if (cache.has(type)) return cache.get(type);
    let found: Declared | undefined;
    const where = declarationFile(type);
    if (where) {
        const text = readFileSync(where.file, "utf8");
        const body = new RegExp(`export declare class ${where.className} extends pulumi\\.(\\w+) \\{([\\s\\S]*?)\\n\\}`).exec(text);
        const args = new RegExp(`export interface ${where.className}Args \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";
        const inputs = new Set([...args.matchAll(/\n {4}(\w+)\??: /g)].map((x) => x[1]!));
        const outputs = new Map<string, string>();
        for (const [, name, declared] of (body?.[2] ?? "").matchAll(/\n {4}readonly (\w+)!?: pulumi\.Output<([^;]*?)>;/g))
            if (!inputs.has(name!) && name !== "urn") outputs.set(name!, declared!);
        found = body ? { outputs, component: body[1] === "ComponentResource" } : undefined;
    }
    cache.set(type, found);
    return found;
}

/** Modules whose ARNs name another service. */
const ARN_SERVICES: Record<string, string> = {
    lb: "elasticloadbalancing",
    alb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    apigatewayv2: "apigateway",
    efs: "elasticfilesystem",
    cognito: "cognito-idp",
    cloudwatch: "logs",
    ebs: "ec2",
    vpc: "ec2",
};

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** A plausible value for an output named `prop` of TypeScript type `declared`; undefined for nested objects. */
function valueFor(prop: string, declared: string, type: string, name: string, place: AwsPlace): unknown {
    const module = /^[\w-]+:([\w-]+)/.exec(type)?.[1] ?? "resource";
    const service = ARN_SERVICES[module] ?? module;
    const resource = kebab(/:(\w+)$/.exec(type)?.[1] ?? "resource");
    const seed = `${type}::${name}::${prop}`;
    const t = declared.replace(/ \| undefined$/, "").trim();
    if (t === "number") return /count|size/i.test(prop) ? 0 : 1;
    if (t === "boolean") return false;
    if (t.endsWith("[]")) return [];
    if (t.startsWith("{") || t.startsWith("outputs.")) return {};
    if (t !== "string") return undefined;
    if (prop === "name") return name;
    if (prop === "arn") return place.arn(service, `${resource}/${name}`);
    if (prop.endsWith("Arn")) return place.arn(service, `${kebab(prop.slice(0, -3))}/${name}`);
    if (/^(ownerId|accountId|awsAccountId)$/.test(prop)) return place.account;
    if (/zoneId$/i.test(prop)) return `Z${hex(seed, 13).toUpperCase()}`;
    if (/digest|sha256|hash$/i.test(prop)) return `sha256:${hex(seed, 64)}`;
    const host = `${name}-${hex(seed, 8)}.${place.host(`${module}.${place.region}`)}`;
    if (/url$|^apiEndpoint$/i.test(prop)) return `https://${host}`;
    if (/(endpoint|dnsName|domainName|fqdn|hostname|address)$/i.test(prop)) return host;
    if (/Id$/.test(prop)) return `${kebab(prop.slice(0, -2)).split("-").pop()}-${hex(seed, 17)}`;
    if (/(date|time|till)$/i.test(prop)) return "2025-01-15T00:00:00Z";
    return `${name}-${kebab(prop)}`;
}

/** Values for the declared properties `given` lacks. */
function filled(declared: Map<string, string> | undefined, type: string, name: string, given: Record<string, unknown>, place: AwsPlace) {
    const out: Record<string, unknown> = {};
    for (const [prop, t] of declared ?? []) {
        if (given[prop] !== undefined) continue;
        const value = valueFor(prop, t, type, name, place);
        if (value !== undefined) out[prop] = value;
    }
    return out;
}

/** Generic outputs of `type` that its inputs don't already give. */
export function fallbackOutputs(type: string, name: string, inputs: Record<string, unknown>, place: AwsPlace): Record<string, unknown> {
    return filled(declaredOutputs(type)?.outputs, type, name, inputs, place);
}

/** The required fields of an @pulumi/aws invoke's result ("aws:lb/getLoadBalancer:getLoadBalancer" → GetLoadBalancerResult). */
function declaredResult(token: string): Map<string, string> | undefined {
    const m = /^aws:([\w-]+)\/(\w+):\w+$/.exec(token);
    if (!m) return undefined;
    const [, module = "", fn = ""] = m;
    try {
        const text = readFileSync(require.resolve(`@pulumi/aws/${module === "index" ? "" : `${module}/`}${fn}.d.ts`), "utf8");
        const body = new RegExp(`export interface ${fn.charAt(0).toUpperCase()}${fn.slice(1)}Result \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";
        return new Map([...body.matchAll(/\n {4}readonly (\w+): ([^;]*);/g)].map((x) => [x[1]!, x[2]!] as [string, string]));
    } catch {
        return undefined;
    }
}

/** An invoke's result completed with every field its declaration requires (values shaped by name). */
export function completedResult(token: string, name: string, result: Record<string, unknown>, place: AwsPlace): Record<string, unknown> {
    const m = /^aws:([\w-]+)\/get(\w+):/.exec(token);
    const type = m ? `aws:${m[1]}/resource:${m[2]}` : token;
    return { ...filled(declaredResult(token), type, name, result, place), ...result };
}
