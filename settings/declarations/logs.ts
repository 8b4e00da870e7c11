// The service's log group.
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { group, setting, whole } from "./declare";

export const LOGS = group("logs", {
    logRetentionDays: setting(whole(c.LOG_RETENTION_DAYS[0]!, c.LOG_RETENTION_DAYS[c.LOG_RETENTION_DAYS.length - 1]!), {
        default: { dev: 7, staging: 30, prod: 365 },
        unit: " days",
        description: "How long CloudWatch keeps the logs.",
        allowed: `a CloudWatch retention value (${c.LOG_RETENTION_DAYS.join(", ")})`,
        check: c.checkLogRetention,
    }),
    logKms: setting(Type.Boolean(), { default: { dev: false, staging: false, prod: true }, description: "Encrypts the log group with the stack's KMS key." }),
});
