// The stack's expiry as the plan shows it: read from the `expires-at` tag its resources carry, so
// a state file or another program tagged the same way shows it too.
import { isRecord } from "../policy/knowledge/values";
import { EXPIRES_AT_TAG } from "../settings/expiry";
import type { ResourceRecord } from "./types";

export function expiryLines(resources: readonly ResourceRecord[]): string[] {
    const moments = new Map<string, number>();
    for (const r of resources) {
        const tags = r.inputs.tags;
        const at = isRecord(tags) ? tags[EXPIRES_AT_TAG] : undefined;
        if (typeof at === "string") moments.set(at, (moments.get(at) ?? 0) + 1);
    }
    if (moments.size === 0) return [];
    const listed = [...moments].map(([at, n]) => `${at} (${n} resources tagged ${EXPIRES_AT_TAG})`).join("; ");
    return [`Expires: ${listed}; the expire workflow destroys the stack after that`];
}
