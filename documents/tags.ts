import { RETIRING_TAG } from "../policy/knowledge/lifecycle";
import type { Settings } from "../settings/settings";

/** Cost-allocation tags every taggable resource carries; user tags may add, never remove them. */
export const REQUIRED_TAG_KEYS = ["app", "environment", "stack", "managed-by"] as const;

export function standardTags(s: Pick<Settings, "appName" | "profile" | "stack" | "tags"> & Partial<Pick<Settings, "retiring">>): Record<string, string> {
    // While retiring, every resource says so; the policy config may exempt what carries the tag.
    const retiring: Record<string, string> = s.retiring ? { [RETIRING_TAG]: "true" } : {};
    return { ...s.tags, ...retiring, app: s.appName, environment: s.profile, stack: s.stack, "managed-by": "pulumi" };
}
