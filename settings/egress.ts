// Egress settings: how private subnets reach out (NAT instance, NAT gateways or endpoints only),
// the NAT instance's type, and the VPC interface endpoints. Each combination that cannot work
// (a NAT instance on prod, endpoints-only without the endpoints tasks need) fails here.
import { parseEcrImage } from "../policy/knowledge/ecr";
import { INTERFACE_ENDPOINT_SERVICES, InterfaceEndpointService } from "../policy/knowledge/endpoints";
import { isSecretsManagerArn } from "../policy/knowledge/secrets";
import { show } from "../policy/knowledge/values";
import type { ConfigReader } from "./configReader";
import { NETWORK } from "./declarations";
import type { Egress, Profile } from "./profiles";
import { readSetting } from "./readGroup";
import type { ExistingVpc, SecretRef } from "./types";

export { DEFAULT_NAT_INSTANCE_TYPE } from "./declarations/network";

export interface EgressSettings {
    egress: Egress;
    natInstanceType: string;
    interfaceEndpoints: InterfaceEndpointService[];
}

export interface EgressContext {
    profile: Profile;
    existingVpc?: ExistingVpc;
    secrets: SecretRef[];
    enableExec: boolean;
    image?: string;
    region?: string;
}

/** What tasks without a NAT must reach through endpoints: ECR, CloudWatch Logs, and the secret stores and ECS Exec they use. */
export function requiredEndpoints(ctx: Pick<EgressContext, "secrets" | "enableExec">): InterfaceEndpointService[] {
    const needs: InterfaceEndpointService[] = ["ecr.api", "ecr.dkr", "logs"];
    if (ctx.secrets.some((s) => isSecretsManagerArn(s.valueFrom))) needs.push("secretsmanager");
    if (ctx.secrets.some((s) => s.valueFrom.includes(":ssm:"))) needs.push("ssm");
    if (ctx.enableExec) needs.push("ssmmessages");
    return needs;
}

export function readEgress(r: ConfigReader, ctx: EgressContext): EgressSettings {
    const egress = readSetting(r, NETWORK, "egress", ctx.profile);
    if (egress === "nat-instance" && ctx.profile === "prod")
        r.fail(
            "egress=nat-instance is not valid for profile prod; allowed: nat-per-az, nat-single, endpoints-only (a NAT instance is one instance in one AZ: a single point of failure)",
        );

    const natInstanceType = readSetting(r, NETWORK, "natInstanceType", ctx.profile);
    if (r.given("natInstanceType") && egress !== "nat-instance")
        r.fail(`natInstanceType=${natInstanceType} is set, but egress=${egress} runs no NAT instance; allowed: set it only with egress=nat-instance`);

    const needed = egress === "endpoints-only" ? requiredEndpoints(ctx) : [];
    const interfaceEndpoints = readInterfaceEndpoints(r, needed);

    if (egress === "endpoints-only" && ctx.image !== undefined) {
        const ecr = parseEcrImage(ctx.image);
        const inRegion = ecr !== undefined && (ctx.region === undefined || ecr.region === ctx.region);
        if (!inRegion)
            r.fail(
                `image=${ctx.image} is not valid with egress=endpoints-only; allowed: an ECR image in this stack's region (without a NAT, tasks reach only AWS APIs through VPC endpoints), or a NAT egress mode`,
            );
    }
    if (ctx.existingVpc) {
        for (const key of ["egress", "natInstanceType", "interfaceEndpoints"].filter((k) => r.given(k)))
            r.fail(`${key} is set together with existingVpc; allowed: leave it unset (an adopted VPC brings its own egress; this stack creates no network)`);
    }
    return { egress, natInstanceType, interfaceEndpoints };
}

/** The user's list (checked: known services, each once, including what egress needs), else what egress needs. */
function readInterfaceEndpoints(r: ConfigReader, needed: InterfaceEndpointService[]): InterfaceEndpointService[] {
    const value = r.json("interfaceEndpoints");
    if (value === undefined) return needed;
    const allowed = INTERFACE_ENDPOINT_SERVICES as readonly string[];
    if (!Array.isArray(value)) return (r.expect("interfaceEndpoints", value, `a list of ${allowed.join(", ")}`), needed);
    const known = value.filter((v, i): v is InterfaceEndpointService =>
        r.expect(`interfaceEndpoints[${i}]`, v, typeof v === "string" && allowed.includes(v) ? undefined : `one of ${allowed.join(", ")}`),
    );
    const twice = [...new Set(known.filter((v, i) => known.indexOf(v) !== i))];
    if (twice.length > 0) r.fail(`interfaceEndpoints lists ${twice.join(", ")} more than once; allowed: each service once`);
    const missing = needed.filter((n) => !known.includes(n));
    if (missing.length > 0)
        r.fail(
            `interfaceEndpoints=${show(value)} is not valid with egress=endpoints-only; allowed: a list that includes ${needed.join(", ")} (missing ${missing.join(", ")}: without a NAT, tasks reach them only through endpoints)`,
        );
    return [...new Set(known)];
}
