import { RETIRING_TAG } from "../policy/knowledge/lifecycle";
import { EXPIRES_AT_TAG } from "../settings/expiry";
import type { Settings } from "../settings/settings";

/** Cost-allocation tags every taggable resource carries; user tags may add, never remove them. */
export const REQUIRED_TAG_KEYS = ["app", "environment", "stack", "managed-by"] as const;

export function standardTags(
    s: Pick<Settings, "appName" | "profile" | "stack" | "tags"> & Partial<Pick<Settings, "retiring" | "expiry">>,
): Record<string, string> {
    // While retiring, every resource says so; the policy config may exempt what carries the tag.
    const retiring: Record<string, string> = s.retiring ? { [RETIRING_TAG]: "true" } : {};
    // A demo stack's expiry on every resource: seen in the console and in cost reports, not only in the stack file.
    const expiry: Record<string, string> = s.expiry ? { [EXPIRES_AT_TAG]: s.expiry.at } : {};
    return { ...s.tags, ...retiring, ...expiry, app: s.appName, environment: s.profile, stack: s.stack, "managed-by": "pulumi" };
}
