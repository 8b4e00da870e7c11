// The analyzer requests written straight to bytes decode, with the generated classes, to exactly
// the messages google-protobuf builds from the same values.
import { strict as assert } from "node:assert";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { StackResourceFields, encodeAnalyzeRequest, encodeAnalyzeStackRequest, encodeStackResource, encodeStruct } from "../../plan/analyzer/protoWriter";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../plan/analyzer/wire";

const PROPS: Record<string, unknown> = {
    name: "web-dev",
    empty: "",
    unicode: "tâche · 任务 · 🚀",
    long: "x".repeat(300),
    longer: "y".repeat(20_000),
    count: 0,
    negative: -3,
    ratio: 0.25,
    big: 2 ** 40,
    on: true,
    off: false,
    nothing: null,
    unknown: UNKNOWN,
    secret: { [SIG_KEY]: SECRET_SIG, value: "hunter2" },
    list: [1, "two", false, null, [], {}, [{ deep: ["er"] }]],
    nested: { a: { b: { c: [] } }, wide: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i])) },
};

const OPTIONS = {
    protect: true,
    ignoreChanges: ["tags"],
    deleteBeforeReplace: false,
    additionalSecretOutputs: ["password"],
    aliases: ["urn:pulumi:dev::p::t::old"],
    customTimeouts: { create: 60, update: 0, delete: 1.5, read: 0 },
    parent: "urn:pulumi:dev::p::c::parent",
};

function referenceOptions(): pb.AnalyzerResourceOptions {
    const t = new pb.AnalyzerResourceOptions.CustomTimeouts().setCreate(60).setUpdate(0).setDelete(1.5).setRead(0);
    return new pb.AnalyzerResourceOptions()
        .setProtect(true)
        .setIgnorechangesList(["tags"])
        .setDeletebeforereplace(false)
        .setDeletebeforereplacedefined(true)
        .setAdditionalsecretoutputsList(["password"])
        .setAliasesList(["urn:pulumi:dev::p::t::old"])
        .setCustomtimeouts(t)
        .setParent("urn:pulumi:dev::p::c::parent");
}

const provider = {
    urn: "urn:pulumi:dev::p::pulumi:providers:aws::default",
    type: "pulumi:providers:aws",
    name: "default",
    properties: { region: "us-east-1" },
};
const referenceProvider = () =>
    new pb.AnalyzerProviderResource()
        .setUrn(provider.urn)
        .setType(provider.type)
        .setName(provider.name)
        .setProperties(Struct.fromJavaScript(provider.properties));

describe("analyzer requests written as bytes", () => {
    it("a Struct of every JSON shape decodes to what Struct.fromJavaScript builds", () => {
        assert.deepEqual(Struct.deserializeBinary(encodeStruct(PROPS)).toJavaScript(), Struct.fromJavaScript(PROPS as never).toJavaScript());
        assert.deepEqual(Struct.deserializeBinary(encodeStruct(PROPS)).toObject(), Struct.fromJavaScript(PROPS as never).toObject());
    });

    it("AnalyzeRequest, with options and provider, decodes to the generated message", () => {
        const ours = encodeAnalyzeRequest({ type: "aws:ecs/service:Service", urn: "urn:x", name: "svc", properties: PROPS, options: OPTIONS, provider });
        const reference = new pb.AnalyzeRequest()
            .setType("aws:ecs/service:Service")
            .setUrn("urn:x")
            .setName("svc")
            .setProperties(Struct.fromJavaScript(PROPS as never))
            .setOptions(referenceOptions())
            .setProvider(referenceProvider());
        assert.deepEqual(pb.AnalyzeRequest.deserializeBinary(ours).toObject(), reference.toObject());
    });

    it("AnalyzeStackRequest with parents, dependencies and property dependencies decodes to the generated message", () => {
        const fields = (i: number): StackResourceFields => ({
            type: "aws:ec2/subnet:Subnet",
            urn: `urn:${i}`,
            name: `s${i}`,
            properties: { id: `subnet-${i}`, tags: {} },
            options: { ...OPTIONS, protect: false, deleteBeforeReplace: undefined, customTimeouts: { create: 0, update: 0, delete: 0, read: 0 } },
            parent: i === 0 ? "" : "urn:0",
            dependencies: i === 0 ? [] : ["urn:0"],
            propertyDependencies: i === 0 ? { vpcId: [] } : { vpcId: ["urn:0"], tags: [] as string[] },
        });
        const ours = encodeAnalyzeStackRequest([0, 1].map((i) => encodeStackResource(fields(i))));
        const reference = new pb.AnalyzeStackRequest().setResourcesList(
            [0, 1].map((i) => {
                const f = fields(i);
                const options = new pb.AnalyzerResourceOptions()
                    .setIgnorechangesList(f.options.ignoreChanges)
                    .setAdditionalsecretoutputsList(f.options.additionalSecretOutputs)
                    .setAliasesList(f.options.aliases)
                    .setCustomtimeouts(new pb.AnalyzerResourceOptions.CustomTimeouts())
                    .setParent(f.options.parent);
                const r = new pb.AnalyzerResource()
                    .setType(f.type)
                    .setUrn(f.urn)
                    .setName(f.name)
                    .setProperties(Struct.fromJavaScript(f.properties as never))
                    .setOptions(options)
                    .setParent(f.parent)
                    .setDependenciesList(f.dependencies);
                for (const [k, urns] of Object.entries(f.propertyDependencies))
                    if (urns.length > 0) r.getPropertydependenciesMap().set(k, new pb.AnalyzerPropertyDependencies().setUrnsList(urns));
                return r;
            }),
        );
        assert.deepEqual(pb.AnalyzeStackRequest.deserializeBinary(ours).toObject(), reference.toObject());
    });
});
