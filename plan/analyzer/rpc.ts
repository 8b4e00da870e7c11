// The Analyzer RPCs as promises, and the protobuf ↔ plain conversions for info and config.
import type { ServiceError } from "@grpc/grpc-js";
import type { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { EnforcementLevel, PackInfo, PolicyInfo, ResolvedPolicyConfig, Severity } from "./types";

type Callback<Res> = (error: ServiceError | null, response: Res) => void;

/** One unary call; a failure rejects with the server's own message (for a policy error, its stack). */
function call<Res>(start: (callback: Callback<Res>) => unknown): Promise<Res> {
    return new Promise((resolve, reject) =>
        start((error, response) => (error ? reject(new Error(error.details || error.message, { cause: error })) : resolve(response))),
    );
}

const LEVELS: Record<number, EnforcementLevel> = {
    [pb.EnforcementLevel.ADVISORY]: "advisory",
    [pb.EnforcementLevel.MANDATORY]: "mandatory",
    [pb.EnforcementLevel.REMEDIATE]: "remediate",
    [pb.EnforcementLevel.DISABLED]: "disabled",
};

export function levelOf(level: pb.EnforcementLevel): EnforcementLevel {
    const name = LEVELS[level];
    if (!name) throw new Error(`unknown enforcement level ${level} from the policy pack`);
    return name;
}

const toProtoLevel = (level: EnforcementLevel): pb.EnforcementLevel =>
    ({
        advisory: pb.EnforcementLevel.ADVISORY,
        mandatory: pb.EnforcementLevel.MANDATORY,
        remediate: pb.EnforcementLevel.REMEDIATE,
        disabled: pb.EnforcementLevel.DISABLED,
    })[level];

const SEVERITIES: Record<number, Severity | undefined> = {
    [pb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [pb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [pb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [pb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

export const severityOf = (severity: pb.PolicySeverity): Severity | undefined => SEVERITIES[severity];

const TYPES: Record<number, PolicyInfo["type"]> = { [pb.PolicyType.POLICY_TYPE_RESOURCE]: "resource", [pb.PolicyType.POLICY_TYPE_STACK]: "stack" };

export async function getAnalyzerInfo(client: AnalyzerClient): Promise<PackInfo> {
    const info = await call<pb.AnalyzerInfo>((cb) => client.getAnalyzerInfo(new Empty(), cb));
    const policies = info.getPoliciesList().map((p): PolicyInfo => {
        const schema = p.getConfigschema();
        return {
            name: p.getName(),
            description: p.getDescription(),
            type: TYPES[p.getPolicyType()] ?? "unknown",
            enforcementLevel: levelOf(p.getEnforcementlevel()),
            severity: severityOf(p.getSeverity()),
            configSchema: schema && {
                properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
                required: schema.getRequiredList(),
            },
            ...(p.getRemediationSteps() ? { remediationSteps: p.getRemediationSteps() } : {}),
            ...(p.getTagsList().length > 0 ? { tags: p.getTagsList() } : {}),
            ...(p.getUrl() ? { url: p.getUrl() } : {}),
        };
    });
    const initialConfig: PackInfo["initialConfig"] = {};
    for (const [name, config] of info.getInitialconfigMap().entries()) {
        initialConfig[name] = { enforcementLevel: levelOf(config.getEnforcementlevel()), properties: config.getProperties()?.toJavaScript() ?? {} };
    }
    return { name: info.getName(), version: info.getVersion(), policies, initialConfig };
}

/** Sends the reconciled config; like the CLI, nothing is sent when there is none. */
export async function configure(client: AnalyzerClient, config: ResolvedPolicyConfig): Promise<void> {
    if (Object.keys(config).length === 0) return;
    const request = new pb.ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    for (const [name, { enforcementLevel, properties }] of Object.entries(config)) {
        const entry = new pb.PolicyConfig();
        entry.setEnforcementlevel(toProtoLevel(enforcementLevel));
        entry.setProperties(Struct.fromJavaScript(properties as never));
        map.set(name, entry);
    }
    await call<Empty>((cb) => client.configure(request, cb));
}

export interface StackSettings {
    stack: string;
    project: string;
    organization?: string;
    tags?: Record<string, string>;
    /** Stack config, `namespace:key` → value, as the CLI passes it to the pack. */
    config?: Record<string, string>;
}

export async function configureStack(client: AnalyzerClient, settings: StackSettings, dryRun: boolean): Promise<void> {
    const request = new pb.AnalyzerStackConfigureRequest();
    request
        .setStack(settings.stack)
        .setProject(settings.project)
        .setOrganization(settings.organization ?? "")
        .setDryRun(dryRun);
    for (const [k, v] of Object.entries(settings.tags ?? {})) request.getTagsMap().set(k, v);
    for (const [k, v] of Object.entries(settings.config ?? {})) request.getConfigMap().set(k, v);
    await call<pb.AnalyzerStackConfigureResponse>((cb) => client.configureStack(request, cb));
}
