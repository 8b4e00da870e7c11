// The app's identity: which profile's defaults apply, and the name every resource name starts with.
import { Type } from "@sinclair/typebox";
import { APP_NAME } from "../formats";
import { PROFILES } from "../profiles";
import { group, oneOf, setting } from "./declare";

export const APP = group("app", {
    profile: setting(oneOf(PROFILES), {
        ownReader: true,
        default: "dev",
        docDefault: "from the stack name",
        description: "Picks the per-environment defaults of every other setting.",
        allowed: "required when the stack has another name",
    }),
    appName: setting(Type.String({ pattern: APP_NAME.source }), {
        default: "web",
        description: "The name every resource name starts with.",
        allowed: "2–30 lowercase letters, digits and hyphens, starting with a letter",
    }),
});
