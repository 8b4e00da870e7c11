// The image: a prebuilt reference, or the stack's ECR repository and what it keeps.
import { Type } from "@sinclair/typebox";
import { checkImageReference } from "../formats";
import { group, setting, whole } from "./declare";

export const REGISTRY = group("registry", {
    image: setting(Type.String(), {
        description: "A prebuilt image to run; unset, the image is built from `app/` and pushed to the stack's repository.",
        allowed: "`registry/repository:tag` or `@sha256:` digest; never `:latest` or untagged",
        check: checkImageReference,
    }),
    keepImages: setting(whole(1, 1000), { default: { dev: 10, staging: 20, prod: 50 }, description: "Images the repository's lifecycle policy keeps." }),
    immutableTags: setting(Type.Boolean(), { default: { dev: false, staging: true, prod: true }, description: "Image tags cannot be overwritten." }),
});
