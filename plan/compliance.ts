// A compliance summary of the gate phase by anchor family: each policy lists the Security Hub
// controls, Checkov checks and cdk-nag rules it covers (its catalog anchors); a control fails when a
// policy covering it reported a finding, is exempted when its only findings were exempted, passes
// when its policies ran and found nothing, and is not evaluated when they were disabled or could not
// decide (a value unknown at preview).
import { exemptedFinding } from "./exemptionFindings";
import type { Plan } from "./plan";

export type Family = "Security Hub" | "Checkov" | "cdk-nag";
export type ControlStatus = "pass" | "fail" | "exempted" | "not evaluated";

export interface ControlResult {
    id: string;
    status: ControlStatus;
    policies: string[];
}

export interface FamilySummary {
    family: Family;
    pass: number;
    fail: number;
    exempted: number;
    notEvaluated: number;
    controls: ControlResult[];
}

export interface ComplianceSummary {
    phase: string;
    families: FamilySummary[];
}

/** The family and canonical id of an anchor; prose anchors ("IAM least privilege") have none. */
export function controlOf(anchor: string): { family: Family; id: string } | undefined {
    if (/^CKV2?_AWS_\d+$/.test(anchor)) return { family: "Checkov", id: anchor };
    const nag = /^(?:AwsSolutions|AS)-([A-Z]+\d*)$/.exec(anchor);
    if (nag) return { family: "cdk-nag", id: `AwsSolutions-${nag[1]}` };
    if (/^[A-Za-z][A-Za-z0-9]*\.\d+$/.test(anchor)) return { family: "Security Hub", id: anchor };
    return undefined;
}

const FAMILIES: readonly Family[] = ["Security Hub", "Checkov", "cdk-nag"];
const RANK: Record<ControlStatus, number> = { fail: 3, exempted: 2, pass: 1, "not evaluated": 0 };

export function complianceSummary(plan: Plan): ComplianceSummary {
    const violations = plan.phases[plan.gate]?.evaluation.violations ?? [];
    const failing = new Set(violations.filter((v) => !v.unverifiable && !exemptedFinding(v)).map((v) => v.policyName));
    const exempted = new Set(violations.map(exemptedFinding).flatMap((f) => (f ? [f.policy] : [])));
    const undecided = new Set(violations.filter((v) => v.unverifiable).map((v) => v.policyName));
    const levels = new Map(plan.policies.map((p) => [p.name, p.enforcementLevel]));
    const policyStatus = (name: string): ControlStatus => {
        if (levels.get(name) === "disabled") return "not evaluated";
        if (failing.has(name)) return "fail";
        if (exempted.has(name)) return "exempted";
        return undecided.has(name) ? "not evaluated" : "pass";
    };
    const controls = new Map<string, { family: Family; policies: string[] }>();
    for (const policy of plan.pack.policies)
        for (const anchor of policy.tags ?? []) {
            const control = controlOf(anchor);
            if (!control) continue;
            const key = `${control.family}\0${control.id}`;
            const entry = controls.get(key) ?? { family: control.family, policies: [] };
            if (!entry.policies.includes(policy.name)) entry.policies.push(policy.name);
            controls.set(key, entry);
        }
    const families = FAMILIES.map((family): FamilySummary => {
        const results = [...controls.entries()]
            .filter(([, c]) => c.family === family)
            .map(([key, c]): ControlResult => {
                // The control's worst policy decides: one failing policy fails it.
                const status = c.policies.map(policyStatus).reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "not evaluated" as ControlStatus);
                return { id: key.split("\0")[1]!, status, policies: c.policies };
            })
            .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
        const count = (s: ControlStatus) => results.filter((r) => r.status === s).length;
        return { family, pass: count("pass"), fail: count("fail"), exempted: count("exempted"), notEvaluated: count("not evaluated"), controls: results };
    });
    return { phase: plan.gate, families: families.filter((f) => f.controls.length > 0) };
}

/** One line per family, naming the failing and exempted controls. */
export function complianceLines(plan: Plan): string[] {
    const summary = complianceSummary(plan);
    if (summary.families.length === 0) return [];
    const where = plan.source.kind === "state" ? "on the state" : plan.gate === "preview" ? "at preview" : "after up";
    const lines = [`Compliance ${where} (controls the pack's policies cover):`];
    for (const f of summary.families) {
        const named = (status: ControlStatus) =>
            f.controls
                .filter((c) => c.status === status)
                .map((c) => c.id)
                .join(", ");
        const parts = [
            `${f.pass} pass`,
            `${f.fail} fail${f.fail > 0 ? ` (${named("fail")})` : ""}`,
            `${f.exempted} exempted${f.exempted > 0 ? ` (${named("exempted")})` : ""}`,
        ];
        if (f.notEvaluated > 0) parts.push(`${f.notEvaluated} not evaluated`);
        lines.push(`  ${f.family}: ${f.controls.length} controls: ${parts.join(", ")}`);
    }
    return [...lines, ""];
}
