// The tag keys a resource will carry: its own `tags`, its `tagsAll` where known (the provider merges
// defaultTags into it), and the provider's defaultTags, which AWS applies to every taggable resource.
import { read } from "../knowledge/unknowns";
import { at, isRecord, parseDocument } from "../knowledge/values";

export interface ProvidedTags {
    /** Keys with a value (a value unknown at preview counts: the resource will carry the key). */
    keys: Set<string>;
    /** The resource's whole tags map is unknown at preview: keys it adds cannot be read yet. */
    unknown: boolean;
}

function tagKeys(value: unknown): string[] {
    if (!isRecord(value)) return [];
    return Object.keys(value).filter((key) => {
        const tag = read(value, key);
        return !tag.known || (typeof tag.value === "string" && tag.value !== "");
    });
}

/** The provider's defaultTags.tags; the engine may send nested provider inputs as JSON text. */
function defaultTags(provider: Record<string, unknown> | undefined): unknown {
    const value = read(provider, "defaultTags");
    if (!value.known) return undefined;
    const parsed = parseDocument(value.value);
    return parsed.ok ? at(parsed.value, "tags") : undefined;
}

export function providedTags(props: Record<string, unknown>, provider?: Record<string, unknown>): ProvidedTags {
    const own = read(props, "tags");
    const all = read(props, "tagsAll");
    const keys = new Set([...tagKeys(defaultTags(provider)), ...tagKeys(all.known ? all.value : undefined), ...tagKeys(own.known ? own.value : undefined)]);
    return { keys, unknown: !own.known && !(all.known && isRecord(all.value)) };
}
