// Which demo stacks have expired, read from their stack files: `expiresAt` is a moment; `ttl`
// counts from the stack's last update, which the stack file does not hold (the expire workflow
// reads it from the stack's history and passes it in). prod-profile stacks are never listed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseExpiresAt, parseTtlHours } from "../settings/expiry";
import { readProjectName } from "./stackConfig";
import { listStacks, stackInfo } from "./stackInfo";

export interface ExpiryReport {
    /** Expired stacks of a demo profile: the ones to destroy. */
    expired: string[];
    /** Stacks with an expiry that will not be destroyed, and why. */
    refused: { stack: string; reason: string }[];
    /** Stacks with an expiry still ahead. */
    live: { stack: string; expiresAt: string }[];
}

function expiryConfig(root: string, stack: string): { expiresAt?: string; ttl?: string } {
    const project = readProjectName(root);
    const config = ((parse(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {}) as Record<
        string,
        unknown
    >;
    const text = (key: string) => {
        const value = config[`${project}:${key}`] ?? config[key];
        return typeof value === "string" ? value : undefined;
    };
    return { expiresAt: text("expiresAt"), ttl: text("ttl") };
}

/** `lastUpdates`: stack → the end of its last update (ISO), for stacks that set a ttl. */
export function expiredStacks(root: string, now: Date, lastUpdates: Readonly<Record<string, string>> = {}): ExpiryReport {
    const report: ExpiryReport = { expired: [], refused: [], live: [] };
    for (const stack of listStacks(root)) {
        const { expiresAt, ttl } = expiryConfig(root, stack);
        if (expiresAt === undefined && ttl === undefined) continue;
        let at: Date | undefined;
        if (expiresAt !== undefined) {
            at = parseExpiresAt(expiresAt);
            if (!at) {
                report.refused.push({ stack, reason: `expiresAt=${expiresAt} is not a date the program accepts; the stack is left alone` });
                continue;
            }
        } else {
            const hours = parseTtlHours(ttl!);
            const updated = lastUpdates[stack] === undefined ? undefined : new Date(lastUpdates[stack]);
            if (hours === undefined || !updated || Number.isNaN(updated.getTime())) {
                const why = hours === undefined ? `ttl=${ttl} is not a duration the program accepts` : "its last update is not known (never deployed?)";
                report.refused.push({ stack, reason: `${why}; the stack is left alone` });
                continue;
            }
            at = new Date(updated.getTime() + hours * 3_600_000);
        }
        const profile = stackInfo(root, stack).profile;
        if (at.getTime() > now.getTime()) report.live.push({ stack, expiresAt: at.toISOString() });
        else if (profile === "prod")
            report.refused.push({ stack, reason: "profile prod is never destroyed by expiry (retire it by hand as docs/deploy.md says)" });
        else report.expired.push(stack);
    }
    return report;
}
