// Property values → the JSON the engine puts in a Struct for the analyzer (MarshalProperties with
// KeepUnknowns and KeepSecrets, no resource references, no output values). Records hold what the
// SDK's deserializeProperties produced: plain JSON, secret signature objects, `output.unknown`,
// and (with resource references on) live resources, plus Outputs and assets when built by hand.
import type { Phase } from "./types";

/** Wire constants of @pulumi/pulumi/runtime/rpc.js, repeated so the client need not load the SDK. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

type Maybe<T> = T | Promise<T>;
type Obj = Record<string, unknown>;

export interface EncodeOptions {
    phase: Phase;
    /** Analyze and AnalyzeStack drop top-level `__` keys (the engine's SkipInternalKeys); Remediate keeps them. */
    skipInternalKeys: boolean;
    /** Names the resource in errors. */
    where: string;
}

const isPromise = (v: unknown): v is Promise<unknown> => v instanceof Promise;
// The SDK's own isInstance checks: a true-valued marker member.
const marked = (v: object, marker: string) => (v as Obj)[marker] === true;

/** Encodes a property map; synchronous unless an Output, resource or asset needs awaiting. */
export function encodeProperties(props: Obj, opts: EncodeOptions): Maybe<Obj> {
    const keys = Object.keys(props).filter((k) => !(opts.skipInternalKeys && k.startsWith("__")));
    return encodeEntries(props, keys, opts, "");
}

function encodeEntries(obj: Obj, keys: string[], opts: EncodeOptions, path: string): Maybe<Obj> {
    const out: Obj = {};
    let pending: Promise<unknown>[] | undefined;
    for (const key of keys) {
        const value = encode(obj[key], opts, path ? `${path}.${key}` : key);
        if (value === undefined) continue; // absent, as the SDK serializes undefined
        if (isPromise(value)) (pending ??= []).push(value.then((v) => (v === undefined ? delete out[key] : (out[key] = v))));
        out[key] = value;
    }
    return pending ? Promise.all(pending).then(() => out) : out;
}

function encode(value: unknown, opts: EncodeOptions, path: string): Maybe<unknown> {
    if (value === null || typeof value === "boolean" || typeof value === "number") return value;
    if (typeof value === "string") return value === UNKNOWN ? unknown(opts, path) : value;
    if (value === undefined) return undefined;
    if (Array.isArray(value)) {
        // Undefined elements keep their place as null, as the SDK serializes them.
        const items = value.map((v, i) => encode(v, opts, `${path}[${i}]`));
        return items.some(isPromise) ? Promise.all(items).then((xs) => xs.map((x) => x ?? null)) : items.map((x) => x ?? null);
    }
    if (typeof value !== "object") throw new Error(`${opts.where}: ${path} is a ${typeof value}, which has no wire form`);
    if (marked(value, "__pulumiUnknown")) return unknown(opts, path);
    if (marked(value, "__pulumiOutput")) return encodeOutput(value as OutputLike, opts, path);
    if (marked(value, "__pulumiResource")) return encodeResource(value as ResourceLike, opts, path);
    if (marked(value, "__pulumiAsset") || marked(value, "__pulumiArchive")) return encodeAsset(value as Obj, opts, path);
    const obj = value as Obj;
    if (obj[SIG_KEY] === SECRET_SIG) {
        const inner = encode(obj.value, opts, path);
        return isPromise(inner) ? inner.then(secret) : secret(inner);
    }
    return encodeEntries(obj, Object.keys(obj), opts, path);
}

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value: value ?? null });

function unknown(opts: EncodeOptions, path: string): string {
    // During an update every input is resolved; an unknown here means a preview recording was passed.
    if (opts.phase === "up") throw new Error(`${opts.where}: ${path} is unknown, but every value is known during up (is this a preview recording?)`);
    return UNKNOWN;
}

/** The SDK's Output: its members are promises; unknown outputs travel as the unknown sentinel. */
interface OutputLike {
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    promise(withUnknowns?: boolean): Promise<unknown>;
}

async function encodeOutput(output: OutputLike, opts: EncodeOptions, path: string): Promise<unknown> {
    const [known, isSecret, value] = await Promise.all([output.isKnown, output.isSecret, output.promise(true)]);
    const encoded = known ? await encode(value, opts, path) : unknown(opts, path);
    return isSecret ? secret(encoded) : encoded;
}

interface ResourceLike {
    urn: OutputLike;
    id?: OutputLike;
}

/** Without KeepResources the engine sends a custom resource as its id (unknown while empty), else its URN. */
async function encodeResource(resource: ResourceLike, opts: EncodeOptions, path: string): Promise<unknown> {
    if (!marked(resource, "__pulumiCustomResource") || !resource.id) return encodeOutput(resource.urn, opts, path);
    const id = await encodeOutput(resource.id, opts, path);
    return id === "" ? unknown(opts, path) : id;
}

/** Assets and archives travel as signature objects naming their path, text, uri or member assets. */
async function encodeAsset(asset: Obj, opts: EncodeOptions, path: string): Promise<unknown> {
    const sig = marked(asset, "__pulumiAsset") ? ASSET_SIG : ARCHIVE_SIG;
    for (const field of ["path", "text", "uri", "assets"]) {
        if (asset[field] === undefined) continue;
        return { [SIG_KEY]: sig, [field]: await encode(await asset[field], opts, `${path}.${field}`) };
    }
    throw new Error(`${opts.where}: ${path} is an asset with no path, text, uri or assets`);
}
