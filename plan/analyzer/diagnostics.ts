// Server responses → violations, as the engine reports them (analyze_snapshot.go, step_generator.go).
import type * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { levelOf, severityOf } from "./rpc";
import type { Severity, Violation } from "./types";

/**
 * The server's words when a policy or remediation read a value unknown at preview
 * (@pulumi/policy server.js: "can't run policy '<name>' from policy pack '<pack>@v<version>'
 * during preview: <type> value at .<path> can't be known during preview").
 */
const CANT_RUN = /^can't run (?:policy|remediation) '[^']*' from policy pack '[^']*' during preview: /;

export const isUnverifiable = (message: string) => CANT_RUN.test(message);

/**
 * Analyze and AnalyzeStack diagnostics. `urn` is the analyzed resource: the engine reports a
 * resource's diagnostics against it even when the server leaves the diagnostic's own URN empty.
 * A missing severity is taken from the policy's info, as the CLI does.
 */
export function violationsOf(
    diagnostics: pb.AnalyzeDiagnostic[],
    urn: string | undefined,
    severityOfPolicy: (name: string) => Severity | undefined,
): Violation[] {
    return diagnostics.map((d) => {
        const level = levelOf(d.getEnforcementlevel());
        const message = d.getMessage();
        return {
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            policyPackVersion: d.getPolicypackversion() || undefined,
            // The engine downgrades remediate to mandatory: a violation remains after remediation.
            enforcementLevel: level === "remediate" ? "mandatory" : level,
            severity: severityOf(d.getSeverity()) ?? severityOfPolicy(d.getPolicyname()),
            description: d.getDescription() || undefined,
            message,
            urn: d.getUrn() || urn,
            unverifiable: isUnverifiable(message),
        };
    });
}

/** A remediation that could not run: the engine shows its diagnostic as an advisory violation. */
export function remediationViolation(r: pb.Remediation, urn: string): Violation {
    const message = r.getDiagnostic();
    return {
        policyName: r.getPolicyname(),
        policyPackName: r.getPolicypackname(),
        policyPackVersion: r.getPolicypackversion() || undefined,
        enforcementLevel: "advisory",
        description: r.getDescription() || undefined,
        message,
        urn,
        unverifiable: isUnverifiable(message),
    };
}
