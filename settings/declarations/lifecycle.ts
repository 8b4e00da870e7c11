// How a stack's resources live and die: disposable, protected, retiring on purpose, expiring, tagged.
import { Type } from "@sinclair/typebox";
import { group, setting } from "./declare";
import { TAGS } from "./shapes";

export const LIFECYCLE = group("lifecycle", {
    retiring: setting(Type.Boolean(), {
        default: false,
        description:
            "Retire the stack on purpose: deletion protection and `protect` off, the repository force-deletable, every resource tagged `retiring=true` (which prod's policy config exempts from `alb-deletion-protection`), so `pulumi up` then `pulumi destroy` pass the policy. See [deploy.md](deploy.md).",
        allowed:
            "refused together with `protect: true`, `deletionProtection: true` or `disposable: false`; `tags.retiring` is refused (only this setting sets the tag)",
    }),
    disposable: setting(Type.Boolean(), {
        default: { dev: true, staging: true, prod: false },
        description: "Stateful resources may be deleted with their contents (ECR `forceDelete`); true while retiring.",
    }),
    deletionProtection: setting(Type.Boolean(), {
        default: { dev: false, staging: false, prod: true },
        description: "The ALB's deletion protection; off while retiring.",
    }),
    protect: setting(Type.Boolean(), {
        default: { dev: false, staging: false, prod: true },
        description: "Pulumi `protect` on the repository, log group and KMS key; off while retiring.",
        allowed: "not together with `disposable`",
    }),
    tags: setting(TAGS, {
        ownReader: true,
        default: {},
        description: "Extra tags on every resource; `app`, `environment`, `stack`, `managed-by` are always set.",
        allowed: "key 1–128, value ≤ 256, no `aws:` prefix",
    }),
});

/** A demo that outlives a quarter is no demo: longer is refused rather than forgotten. */
export const MAX_TTL_HOURS = 90 * 24;
export const EXPIRES_AT_FORMS = "a date YYYY-MM-DD (midnight UTC) or YYYY-MM-DDThh:mm[:ss]Z";
export const TTL_FORMS = `a duration such as 36h, 7d or 2w (at most ${MAX_TTL_HOURS / 24}d)`;

/** When a demo stack may be destroyed; none by default, never on prod. */
export const EXPIRY = group("expiry", {
    expiresAt: setting(Type.String(), {
        ownReader: true,
        description: "When the expire workflow may destroy this demo stack. Tags every resource `expires-at`. Not with `ttl`; never on prod.",
        allowed: EXPIRES_AT_FORMS,
    }),
    ttl: setting(Type.String(), {
        ownReader: true,
        description: "A duration from the last `pulumi up`; the moment tags every resource `expires-at`. Not with `expiresAt`; never on prod.",
        allowed: TTL_FORMS,
    }),
});
