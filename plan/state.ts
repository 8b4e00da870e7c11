// A deployed stack's resources from a `pulumi stack export` file, as records the analyzer client
// sends: inputs for Analyze, outputs for AnalyzeStack, parent, dependencies, property dependencies,
// options and provider. Secrets exported with --show-secrets keep their values (as secrets);
// encrypted ones cannot be read offline and travel as unknown secrets.
import { isRecord } from "../policy/knowledge/values";
import { FileError } from "./errors";
import { readJsonFile } from "./files";
import type { ResourceRecord } from "./types";

/** Wire constants of the Pulumi SDK: a secret is { [SIG_KEY]: SECRET_SIG, value }. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface StackState {
    file: string;
    /** From the stack resource's URN: urn:pulumi:<stack>::<project>::… */
    stack: string;
    project: string;
    resources: ResourceRecord[];
    /** The stack's exported outputs. */
    outputs: Record<string, unknown>;
    /** Secret values the export holds only encrypted (export with --show-secrets to let policies read them). */
    encryptedSecrets: number;
}

const isProvider = (type: string) => type.startsWith("pulumi:providers:");
const STACK_TYPE = "pulumi:pulumi:Stack";

export function readStackState(file: string): StackState {
    const doc = readJsonFile(file, "stack export");
    const deployment = isRecord(doc) ? doc.deployment : undefined;
    if (!isRecord(deployment) || !Array.isArray(deployment.resources))
        throw new FileError(file, "not a `pulumi stack export` file: expected { version, deployment: { resources: [...] } }");
    const counter = { encrypted: 0 };
    const raw = deployment.resources.map((r, i) => checked(r, i, file));
    const live = raw.filter((r) => r.delete !== true);
    const providers = new Map(live.filter((r) => isProvider(r.type)).map((r) => [r.urn, r]));
    const root = live.find((r) => r.type === STACK_TYPE);
    const urnOfAny = root?.urn ?? live[0]?.urn ?? "";
    const [, stack = "", project = ""] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urnOfAny) ?? [];

    const resources = live
        .filter((r) => r.type !== STACK_TYPE && !isProvider(r.type))
        .map((r): ResourceRecord => {
            const provider = r.provider ? providers.get(providerUrn(r.provider)) : undefined;
            return {
                urn: r.urn,
                type: r.type,
                name: nameOf(r.urn),
                custom: r.custom === true,
                parent: typeof r.parent === "string" ? r.parent : undefined,
                protect: r.protect === true,
                inputs: decodeSecrets(r.inputs ?? {}, counter),
                outputs: decodeSecrets(r.outputs ?? {}, counter),
                dependencies: stringList(r.dependencies),
                propertyDependencies: Object.fromEntries(
                    Object.entries(isRecord(r.propertyDependencies) ? r.propertyDependencies : {}).map(([k, v]) => [k, stringList(v)]),
                ),
                ignoreChanges: stringList(r.ignoreChanges),
                additionalSecretOutputs: stringList(r.additionalSecretOutputs),
                deleteBeforeReplace: typeof r.deleteBeforeReplace === "boolean" ? r.deleteBeforeReplace : undefined,
                provider: provider && {
                    urn: provider.urn,
                    type: provider.type,
                    name: nameOf(provider.urn),
                    inputs: decodeSecrets(provider.inputs ?? {}, counter),
                },
            };
        });
    const outputs = root ? decodeSecrets(root.outputs ?? {}, counter) : {};
    return { file, stack, project, resources, outputs, encryptedSecrets: counter.encrypted };
}

interface ExportedResource {
    urn: string;
    type: string;
    custom?: unknown;
    delete?: unknown;
    parent?: unknown;
    protect?: unknown;
    provider?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    dependencies?: unknown;
    propertyDependencies?: unknown;
    ignoreChanges?: unknown;
    additionalSecretOutputs?: unknown;
    deleteBeforeReplace?: unknown;
}

function checked(r: unknown, index: number, file: string): ExportedResource {
    const where = `deployment.resources[${index}]`;
    if (!isRecord(r) || typeof r.urn !== "string" || typeof r.type !== "string")
        throw new FileError(file, `${where} is not a resource: it needs a string urn and type`);
    for (const key of ["inputs", "outputs"] as const) {
        if (r[key] !== undefined && !isRecord(r[key])) throw new FileError(file, `${where}.${key} must be an object of properties`);
    }
    if (r.provider !== undefined && typeof r.provider !== "string") throw new FileError(file, `${where}.provider must be a provider reference string`);
    return r as unknown as ExportedResource;
}

/** The name is the URN's last `::` part. */
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** A provider reference is `<provider URN>::<provider id>`. */
const providerUrn = (reference: string) => reference.slice(0, reference.lastIndexOf("::"));

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Exported secrets carry `plaintext` (JSON text, with --show-secrets) or `ciphertext`. */
function decodeSecrets<T>(value: T, counter: { encrypted: number }): T {
    if (Array.isArray(value)) return value.map((v: unknown) => decodeSecrets(v, counter)) as T;
    if (!isRecord(value)) return value;
    if (value[SIG_KEY] === SECRET_SIG) {
        if (typeof value.plaintext === "string") return { [SIG_KEY]: SECRET_SIG, value: decodeSecrets(JSON.parse(value.plaintext) as unknown, counter) } as T;
        if ("value" in value) return { [SIG_KEY]: SECRET_SIG, value: decodeSecrets(value.value, counter) } as T;
        counter.encrypted++;
        return { [SIG_KEY]: SECRET_SIG, value: UNKNOWN } as T;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeSecrets(v, counter)])) as T;
}
