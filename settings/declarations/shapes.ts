// Schemas of the structured settings (JSON objects and lists): their TypeScript types derive from
// these. Their readers (settings/structured.ts and the group readers) keep the finer checks.
import { Type } from "@sinclair/typebox";
import { INTERFACE_ENDPOINT_SERVICES } from "../../policy/knowledge/endpoints";
import { LIFECYCLE_STAGES } from "../profiles";
import { oneOf } from "./declare";

export const S3_GRANT = Type.Object({ bucket: Type.String(), access: oneOf(["read", "read-write"]) });
export const SECRET_REF = Type.Object({
    /** Environment variable name inside the container. */
    name: Type.String(),
    /** Secrets Manager secret ARN or SSM parameter ARN. */
    valueFrom: Type.String(),
});
export const SECRETS = Type.Array(SECRET_REF);
export const ENVIRONMENT = Type.Record(Type.String(), Type.String());
export const TAGS = Type.Record(Type.String(), Type.String());
export const EXISTING_VPC = Type.Object({ vpcId: Type.String(), publicSubnetIds: Type.Array(Type.String()), privateSubnetIds: Type.Array(Type.String()) });
export const INTERFACE_ENDPOINTS = Type.Array(oneOf(INTERFACE_ENDPOINT_SERVICES));
/** A scheduled action on the service's scalable target: from `schedule` on, min/max are these. */
export const SCHEDULE = Type.Object({
    name: Type.String(),
    /** cron(...) or at(...) as Application Auto Scaling takes it. */
    schedule: Type.String(),
    /** IANA time zone the schedule is read in. */
    timezone: Type.String(),
    minCount: Type.Integer(),
    maxCount: Type.Integer(),
});
/** The service's host name: an ACM certificate validated by DNS and an alias to the ALB in the zone. */
export const DOMAIN = Type.Object({
    name: Type.String(),
    /** The public hosted zone, by id... */
    hostedZoneId: Type.Optional(Type.String()),
    /** ...or by name, looked up when the program runs (an invoke: known at preview). */
    zoneName: Type.Optional(Type.String()),
});
export const HOOK_STAGES = Type.Array(oneOf(LIFECYCLE_STAGES));
/** JSON objects whose readers build a richer value (names, defaults from other settings). */
export const OBJECT = Type.Record(Type.String(), Type.Unknown());
