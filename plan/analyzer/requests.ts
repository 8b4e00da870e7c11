// Records → the protobuf requests the engine sends (pkg/resource/deploy/step_generator.go and
// sdk/go/common/resource/plugin/analyzer_plugin.go): inputs for Analyze and Remediate, outputs
// plus parent and (property) dependencies for AnalyzeStack. Encoded to bytes by protoWriter.ts.
import { ProviderFields, ResourceOptionsFields, encodeAnalyzeRequest, encodeStackResource } from "./protoWriter";
import type { Phase, ResourceRecord } from "./types";
import { encodeProperties } from "./wire";

type Props = Record<string, unknown>;

/** Wire form of a record's properties; Remediate keeps internal (`__`) keys, the others drop them. */
export const wireProps = async (r: ResourceRecord, props: Props, phase: Phase, skipInternalKeys: boolean) =>
    encodeProperties(props, { phase, skipInternalKeys, where: r.urn });

export function resourceOptions(r: ResourceRecord): ResourceOptionsFields {
    const t = r.customTimeouts ?? {};
    return {
        protect: r.protect,
        ignoreChanges: r.ignoreChanges ?? [],
        deleteBeforeReplace: r.deleteBeforeReplace,
        additionalSecretOutputs: r.additionalSecretOutputs ?? [],
        aliases: r.aliases ?? [],
        customTimeouts: { create: t.create ?? 0, update: t.update ?? 0, delete: t.delete ?? 0, read: t.read ?? 0 },
        parent: r.parent ?? "",
    };
}

async function provider(r: ResourceRecord, phase: Phase): Promise<ProviderFields | undefined> {
    if (!r.provider) return undefined;
    const { urn, type, name, inputs } = r.provider;
    return { urn, type, name, properties: await encodeProperties(inputs, { phase, skipInternalKeys: true, where: urn }) };
}

/** The request of Analyze and Remediate, from properties already in wire form. */
export async function analyzeRequest(r: ResourceRecord, wire: Props, phase: Phase): Promise<Buffer> {
    return encodeAnalyzeRequest({ type: r.type, urn: r.urn, name: r.name, properties: wire, options: resourceOptions(r), provider: await provider(r, phase) });
}

/** One resource of AnalyzeStack: its outputs, parent and dependencies (properties with none are left out). */
export async function stackResource(r: ResourceRecord, outputs: Props, phase: Phase): Promise<Buffer> {
    return encodeStackResource({
        type: r.type,
        urn: r.urn,
        name: r.name,
        properties: await wireProps(r, outputs, phase, true),
        options: resourceOptions(r),
        provider: await provider(r, phase),
        parent: r.parent ?? "",
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    });
}
