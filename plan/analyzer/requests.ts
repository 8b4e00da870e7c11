// Records → the protobuf requests the engine sends (pkg/resource/deploy/step_generator.go and
// sdk/go/common/resource/plugin/analyzer_plugin.go): inputs for Analyze and Remediate, outputs
// plus parent and (property) dependencies for AnalyzeStack.
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Phase, ResourceRecord } from "./types";
import { encodeProperties } from "./wire";

type Props = Record<string, unknown>;

export const toStruct = (props: Props) => Struct.fromJavaScript(props as never);

/** Wire form of a record's properties; Remediate keeps internal (`__`) keys, the others drop them. */
export const wireProps = async (r: ResourceRecord, props: Props, phase: Phase, skipInternalKeys: boolean) =>
    encodeProperties(props, { phase, skipInternalKeys, where: r.urn });

export function resourceOptions(r: ResourceRecord): pb.AnalyzerResourceOptions {
    const timeouts = new pb.AnalyzerResourceOptions.CustomTimeouts();
    const t = r.customTimeouts ?? {};
    timeouts
        .setCreate(t.create ?? 0)
        .setUpdate(t.update ?? 0)
        .setDelete(t.delete ?? 0)
        .setRead(t.read ?? 0);
    return new pb.AnalyzerResourceOptions()
        .setProtect(r.protect)
        .setIgnorechangesList(r.ignoreChanges ?? [])
        .setDeletebeforereplace(r.deleteBeforeReplace ?? false)
        .setDeletebeforereplacedefined(r.deleteBeforeReplace !== undefined)
        .setAdditionalsecretoutputsList(r.additionalSecretOutputs ?? [])
        .setAliasesList(r.aliases ?? [])
        .setCustomtimeouts(timeouts)
        .setParent(r.parent ?? "");
}

async function provider(r: ResourceRecord, phase: Phase): Promise<pb.AnalyzerProviderResource | undefined> {
    if (!r.provider) return undefined;
    const { urn, type, name, inputs } = r.provider;
    const props = await encodeProperties(inputs, { phase, skipInternalKeys: true, where: urn });
    return new pb.AnalyzerProviderResource().setUrn(urn).setType(type).setName(name).setProperties(toStruct(props));
}

/** The request of Analyze and Remediate, from properties already in wire form. */
export async function analyzeRequest(r: ResourceRecord, wire: Props, phase: Phase): Promise<pb.AnalyzeRequest> {
    return new pb.AnalyzeRequest()
        .setUrn(r.urn)
        .setType(r.type)
        .setName(r.name)
        .setProperties(toStruct(wire))
        .setOptions(resourceOptions(r))
        .setProvider(await provider(r, phase));
}

/** One resource of AnalyzeStack: its outputs, parent and dependencies (properties with none are left out). */
export async function stackResource(r: ResourceRecord, outputs: Props, phase: Phase): Promise<pb.AnalyzerResource> {
    const resource = new pb.AnalyzerResource()
        .setUrn(r.urn)
        .setType(r.type)
        .setName(r.name)
        .setProperties(toStruct(await wireProps(r, outputs, phase, true)))
        .setOptions(resourceOptions(r))
        .setProvider(await provider(r, phase))
        .setParent(r.parent ?? "")
        .setDependenciesList(r.dependencies);
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        if (urns.length > 0) resource.getPropertydependenciesMap().set(key, new pb.AnalyzerPropertyDependencies().setUrnsList(urns));
    }
    return resource;
}
