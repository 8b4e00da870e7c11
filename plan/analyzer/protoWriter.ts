// The analyzer's request messages written straight to protobuf bytes from the wire JSON, without
// google-protobuf's object model (Struct.fromJavaScript then serializeBinary builds a message per
// value, which was most of the client's time and garbage). Same bytes on the wire: proto3, fields
// in number order, defaults omitted; tests decode them with the generated classes.

/** A growable byte buffer with protobuf's primitives. */
class Writer {
    private buf = Buffer.allocUnsafe(2048); // under half of Buffer.poolSize: taken from the shared pool
    private pos = 0;

    private room(n: number): void {
        if (this.pos + n <= this.buf.length) return;
        const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
        this.buf.copy(bigger, 0, 0, this.pos);
        this.buf = bigger;
    }

    varint(n: number): void {
        this.room(10);
        while (n > 0x7f) {
            this.buf[this.pos++] = (n & 0x7f) | 0x80;
            n = Math.floor(n / 128);
        }
        this.buf[this.pos++] = n;
    }

    tag(field: number, wireType: 0 | 1 | 2): void {
        this.varint((field << 3) | wireType);
    }

    string(field: number, value: string): void {
        const length = Buffer.byteLength(value);
        this.tag(field, 2);
        this.varint(length);
        this.room(length);
        this.pos += this.buf.write(value, this.pos, "utf8");
    }

    bytes(field: number, value: Buffer): void {
        this.tag(field, 2);
        this.varint(value.length);
        this.room(value.length);
        value.copy(this.buf, this.pos);
        this.pos += value.length;
    }

    double(field: number, value: number): void {
        this.tag(field, 1);
        this.room(8);
        this.buf.writeDoubleLE(value, this.pos);
        this.pos += 8;
    }

    bool(field: number, value: boolean): void {
        this.tag(field, 0);
        this.varint(value ? 1 : 0);
    }

    /** A nested message, written in place after one byte kept for its length; longer lengths move it up. */
    message(field: number, write: (w: Writer) => void): void {
        this.tag(field, 2);
        this.room(1);
        const start = ++this.pos;
        write(this);
        const length = this.pos - start;
        let size = 1;
        for (let n = length; n > 0x7f; n = Math.floor(n / 128)) size++;
        if (size > 1) {
            this.room(size - 1);
            this.buf.copyWithin(start + size - 1, start, this.pos);
            this.pos += size - 1;
        }
        // The length goes in the space kept (and made) before the content; no reallocation here.
        let at = start - 1;
        let n = length;
        while (n > 0x7f) {
            this.buf[at++] = (n & 0x7f) | 0x80;
            n = Math.floor(n / 128);
        }
        this.buf[at] = n;
    }

    finish(): Buffer {
        return this.buf.subarray(0, this.pos);
    }
}

// google.protobuf.Value: null_value = 1, number_value = 2, string_value = 3, bool_value = 4, struct_value = 5, list_value = 6.
function value(w: Writer, v: unknown): void {
    if (v === null || v === undefined) {
        w.tag(1, 0);
        w.varint(0);
    } else if (typeof v === "number") w.double(2, v);
    else if (typeof v === "string") w.string(3, v);
    else if (typeof v === "boolean") w.bool(4, v);
    else if (Array.isArray(v)) w.message(6, (list) => v.forEach((item) => list.message(1, (x) => value(x, item))));
    else if (typeof v === "object") w.message(5, (s) => struct(s, v as Record<string, unknown>));
    else throw new Error(`${typeof v} has no protobuf Value`);
}

/** google.protobuf.Struct: map<string, Value> fields = 1 (each entry: key = 1, value = 2). */
function struct(w: Writer, obj: Record<string, unknown>): void {
    for (const key of Object.keys(obj)) {
        const v = obj[key];
        if (v === undefined) continue;
        w.message(1, (entry) => {
            entry.string(1, key);
            entry.message(2, (x) => value(x, v));
        });
    }
}

export const encodeStruct = (obj: Record<string, unknown>): Buffer => {
    const w = new Writer();
    struct(w, obj);
    return w.finish();
};

export interface ResourceOptionsFields {
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    customTimeouts: { create: number; update: number; delete: number; read: number };
    parent: string;
}

// pulumirpc.AnalyzerResourceOptions: protect 1, ignoreChanges 2, deleteBeforeReplace 3, deleteBeforeReplaceDefined 4,
// additionalSecretOutputs 5, aliases 6, customTimeouts 7 (create 1, update 2, delete 3, read 4), parent 8.
function options(w: Writer, o: ResourceOptionsFields): void {
    if (o.protect) w.bool(1, true);
    for (const s of o.ignoreChanges) w.string(2, s);
    if (o.deleteBeforeReplace) w.bool(3, true);
    if (o.deleteBeforeReplace !== undefined) w.bool(4, true);
    for (const s of o.additionalSecretOutputs) w.string(5, s);
    for (const s of o.aliases) w.string(6, s);
    w.message(7, (t) => {
        [o.customTimeouts.create, o.customTimeouts.update, o.customTimeouts.delete, o.customTimeouts.read].forEach((x, i) => x !== 0 && t.double(i + 1, x));
    });
    if (o.parent) w.string(8, o.parent);
}

export interface ProviderFields {
    urn: string;
    type: string;
    name: string;
    properties: Record<string, unknown>;
}

/** The fields AnalyzeRequest and AnalyzerResource share: type 1, properties 2, urn 3, name 4, options 5, provider 6. */
export interface ResourceFields {
    type: string;
    urn: string;
    name: string;
    properties: Record<string, unknown>;
    options: ResourceOptionsFields;
    provider?: ProviderFields;
}

function resource(w: Writer, r: ResourceFields): void {
    if (r.type) w.string(1, r.type);
    w.message(2, (s) => struct(s, r.properties));
    if (r.urn) w.string(3, r.urn);
    if (r.name) w.string(4, r.name);
    w.message(5, (o) => options(o, r.options));
    const provider = r.provider;
    if (provider)
        w.message(6, (p) => {
            if (provider.type) p.string(1, provider.type);
            p.message(2, (s) => struct(s, provider.properties));
            if (provider.urn) p.string(3, provider.urn);
            if (provider.name) p.string(4, provider.name);
        });
}

/** pulumirpc.AnalyzeRequest (also Remediate's request). */
export function encodeAnalyzeRequest(r: ResourceFields): Buffer {
    const w = new Writer();
    resource(w, r);
    return w.finish();
}

export interface StackResourceFields extends ResourceFields {
    parent: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

/** pulumirpc.AnalyzerResource: the shared fields, parent 7, dependencies 8, propertyDependencies 9 (map<string, {urns = 1}>). */
export function encodeStackResource(r: StackResourceFields): Buffer {
    const w = new Writer();
    resource(w, r);
    if (r.parent) w.string(7, r.parent);
    for (const d of r.dependencies) w.string(8, d);
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        if (urns.length === 0) continue;
        w.message(9, (entry) => {
            entry.string(1, key);
            entry.message(2, (deps) => urns.forEach((u) => deps.string(1, u)));
        });
    }
    return w.finish();
}

/** pulumirpc.AnalyzeStackRequest: resources = 1, each already encoded. */
export function encodeAnalyzeStackRequest(resources: Buffer[]): Buffer {
    const w = new Writer();
    for (const r of resources) w.bytes(1, r);
    return w.finish();
}
