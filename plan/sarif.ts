// The gate phase's findings as SARIF 2.1.0, for code scanning: one rule per policy of the pack (its
// description, remediation, severity, anchors and docs), one result per violation at the line that
// declared the resource. Paths are relative to the program's directory (this project: the repository root).
import { createHash } from "node:crypto";
import { relative, sep } from "node:path";
import type { Log, ReportingDescriptor, Result, Location } from "sarif";
import type { PolicyInfo } from "./analyzer/types";
import type { Plan } from "./plan";
import type { ResourceRecord, Violation } from "./types";
import { detailOf } from "./verdicts";
import { exemptedFinding } from "./exemptionFindings";

export interface SarifOptions {
    /**
     * Where a pack's relative docs URL (this pack: docs/policies.md#<policy>) is resolved, e.g. the
     * repository's blob URL at the commit; without it, rules carry the relative path in their help text only.
     */
    docsBaseUrl?: string;
    /** With --baseline: whether a finding is a known one (SARIF `baselineState` unchanged, else new). */
    inBaseline?: (v: Violation) => boolean;
}

/** GitHub's scale for `security-severity`: critical ≥ 9, high ≥ 7, medium ≥ 4, low below. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** The engine reports remediate-level violations as mandatory; the gate fails on them. */
const levelOf = (enforcementLevel: string): Result.level =>
    enforcementLevel === "mandatory" || enforcementLevel === "remediate" ? "error" : enforcementLevel === "advisory" ? "warning" : "none";

export function sarifLog(plan: Plan, options: SarifOptions = {}): Log {
    const levels = new Map(plan.policies.map((p) => [p.name, p.enforcementLevel]));
    const rules = plan.pack.policies.map((p) => ruleOf(p, levels.get(p.name) ?? p.enforcementLevel, options));
    const ruleIndex = new Map(plan.pack.policies.map((p, i) => [p.name, i]));
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    // A program's positions are in the gate phase's records (the same lines in either phase).
    const gateRecords = new Map((plan.phases[plan.gate]?.resources ?? []).map((r) => [r.urn, r]));
    const violations = plan.phases[plan.gate]?.evaluation.violations ?? [];
    const results = violations.map((reported): Result => {
        // An exempted finding is its own policy's result, suppressed with the exemption's terms.
        const exempted = exemptedFinding(reported);
        const v: Violation = exempted
            ? {
                  ...reported,
                  policyName: exempted.policy,
                  message: exempted.message,
                  description: undefined,
                  enforcementLevel: levelAsViolation(levels.get(exempted.policy)),
              }
            : reported;
        const resource = v.urn ? (gateRecords.get(v.urn) ?? byUrn.get(v.urn)) : undefined;
        const index = ruleIndex.get(v.policyName);
        return {
            ruleId: v.policyName,
            ...(index === undefined ? {} : { ruleIndex: index }),
            level: levelOf(v.enforcementLevel),
            message: { text: resultText(v) },
            ...(exempted
                ? {
                      suppressions: [
                          {
                              kind: "external",
                              status: "accepted",
                              justification: `${exempted.reason} (owner: ${exempted.owner}; ${exempted.expires ? `expires ${exempted.expires}` : "no expiry"})`,
                          },
                      ],
                  }
                : {}),
            locations: locationsOf(plan, v, resource),
            partialFingerprints: { "pulumiFinding/v1": findingFingerprint(v) },
            ...(options.inBaseline ? { baselineState: options.inBaseline(reported) ? "unchanged" : "new" } : {}),
            properties: {
                urn: v.urn ?? null,
                stack: plan.stack,
                project: plan.project,
                phase: plan.gate,
                enforcementLevel: v.enforcementLevel,
                severity: v.severity ?? null,
                unverifiable: v.unverifiable,
            },
        };
    });
    return {
        version: "2.1.0",
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [
            {
                tool: { driver: { name: plan.pack.name, version: plan.pack.version, rules } },
                automationDetails: { id: `${plan.project}/${plan.stack}/` },
                columnKind: "utf16CodeUnits",
                results,
                properties: { stack: plan.stack, project: plan.project, phase: plan.gate },
            },
        ],
    };
}

function ruleOf(p: PolicyInfo, enforcementLevel: string, options: SarifOptions): ReportingDescriptor {
    const helpUri = helpUriOf(p.url, options.docsBaseUrl);
    const remediation = p.remediationSteps ?? "See the policy's documentation.";
    const docs = p.url ? `\n\nDocumentation: ${helpUri ?? p.url}` : "";
    return {
        id: p.name,
        name: p.name,
        shortDescription: { text: p.description },
        fullDescription: { text: p.description },
        help: { text: `${remediation}${docs}`, markdown: `**Fix:** ${remediation}${p.url ? `\n\n[Documentation](${helpUri ?? p.url})` : ""}` },
        ...(helpUri ? { helpUri } : {}),
        defaultConfiguration: { level: levelOf(enforcementLevel), enabled: enforcementLevel !== "disabled" },
        properties: {
            ...(p.severity ? { severity: p.severity, "security-severity": SECURITY_SEVERITY[p.severity] } : {}),
            enforcementLevel,
            anchors: p.tags ?? [],
            tags: p.tags ?? [],
        },
    };
}

/** The level the exempted policy would have reported at. */
const levelAsViolation = (level: string | undefined): Violation["enforcementLevel"] =>
    level === "mandatory" || level === "remediate" ? "mandatory" : level === "disabled" ? "disabled" : "advisory";

/** An absolute URL as is; a relative one (the catalog's docs path) only against a base. */
function helpUriOf(url: string | undefined, base: string | undefined): string | undefined {
    if (!url) return undefined;
    try {
        return new URL(url).href;
    } catch {
        return base ? new URL(url, base.endsWith("/") ? base : `${base}/`).href : undefined;
    }
}

/** The server's text without its description prefix, naming the policy as the text output does. */
const resultText = (v: Violation) => `${v.policyName}: ${detailOf(v)}${v.unverifiable ? " (could not be decided at preview)" : ""}`;

/** Stable across runs: the policy, the resource and the policy's words. */
export const findingFingerprint = (v: Pick<Violation, "policyName" | "urn" | "message" | "description">): string =>
    createHash("sha256")
        .update(`${v.policyName}\0${v.urn ?? ""}\0${detailOf(v)}`)
        .digest("hex")
        .slice(0, 32);

/**
 * The declaring line; a violation without one (a stack policy's, or a state's resource) is placed at
 * the program's entry, so code scanning still shows it. A state has no source: the URN only.
 */
function locationsOf(plan: Plan, v: Violation, resource: ResourceRecord | undefined): Location[] {
    const logical = v.urn ? [{ fullyQualifiedName: v.urn, name: resource?.name ?? v.urn.split("::").pop(), kind: "resource" }] : undefined;
    if (plan.source.kind !== "program") return logical ? [{ logicalLocations: logical }] : [];
    const dir = plan.source.dir;
    const at = resource?.source ?? { file: plan.source.entry, line: 1 };
    return [
        {
            physicalLocation: {
                artifactLocation: { uri: relative(dir, at.file).split(sep).join("/"), uriBaseId: "%SRCROOT%" },
                region: { startLine: at.line, ...(at.column ? { startColumn: at.column } : {}) },
            },
            ...(logical ? { logicalLocations: logical } : {}),
        },
    ];
}
