import type { Settings } from "../settings/settings";

/** Cost-allocation tags every taggable resource carries; user tags may add, never remove them. */
export const REQUIRED_TAG_KEYS = ["app", "environment", "stack", "managed-by"] as const;

export function standardTags(s: Pick<Settings, "appName" | "profile" | "stack" | "tags">): Record<string, string> {
    return { ...s.tags, app: s.appName, environment: s.profile, stack: s.stack, "managed-by": "pulumi" };
}
