// What the task role may do: the S3 buckets the app uses, nothing else.
import { Type } from "@sinclair/typebox";
import { group, setting } from "./declare";
import { S3_GRANT } from "./shapes";

export const ROLES = group("roles", {
    s3Grants: setting(Type.Array(S3_GRANT), {
        ownReader: true,
        default: [],
        description: "Buckets the task role may read or read and write.",
        allowed: "list of `{ bucket: <name>, access: read | read-write }`; no wildcards",
    }),
});
