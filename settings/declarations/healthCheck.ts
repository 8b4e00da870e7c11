// The target group's health check (and the container's, which probes the same path).
import { Type } from "@sinclair/typebox";
import * as c from "../constraints";
import { group, limit, setting } from "./declare";

export const HEALTH_CHECK = group("healthCheck", {
    path: setting(Type.String(), {
        key: "healthCheckPath",
        default: "/health",
        description: "The path the ALB and the container probe.",
        allowed: "starts with `/`, ≤ 1024 printable characters",
        check: c.checkHealthCheckPath,
    }),
    intervalSeconds: setting(limit(c.checkHealthCheckInterval), {
        key: "healthCheckIntervalSeconds",
        default: 10,
        description: "Seconds between probes.",
    }),
    timeoutSeconds: setting(limit(c.HEALTH_CHECK_TIMEOUT), {
        key: "healthCheckTimeoutSeconds",
        default: 5,
        description: "Seconds a probe may take.",
        allowed: "less than the interval",
    }),
    healthyThreshold: setting(limit(c.checkHealthCheckThreshold), { default: 2, description: "Passing probes in a row before a target is healthy." }),
    unhealthyThreshold: setting(limit(c.checkHealthCheckThreshold), { default: 3, description: "Failing probes in a row before a target is unhealthy." }),
    matcher: setting(Type.String(), {
        key: "healthCheckMatcher",
        default: "200",
        description: "The HTTP codes a healthy target answers.",
        allowed: "HTTP codes 200–499: `200`, `200,204`, `200-299`",
        check: c.checkHealthCheckMatcher,
    }),
});
