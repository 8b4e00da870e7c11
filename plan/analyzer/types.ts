// The shapes the offline engine uses for what the engine registers and what the policy server
// answers; the optional fields are what the engine also sends when known. plan/types.ts re-exports them.

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export type Severity = "low" | "medium" | "high" | "critical";

/** A registered resource as the engine sees it. */
export interface ResourceRecord {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** A remote (multi-language) component: under mocks it is never constructed, so it has no children. */
    remote?: boolean;
    parent?: string;
    protect: boolean;
    inputs: Record<string, unknown>;
    /** Outputs after the update (mocked offline); stack policies read these. */
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number; read?: number };
    /** The resource's provider, when the recording knows it (the engine sends its inputs). */
    provider?: { urn: string; type: string; name: string; inputs: Record<string, unknown> };
    /** Where the program declared the resource (the SDK's registration source position), when known. */
    source?: SourcePosition;
}

/** A line of a program's source file: an absolute path and 1-based line and column. */
export interface SourcePosition {
    file: string;
    line: number;
    column?: number;
}

export interface Violation {
    policyName: string;
    policyPackName: string;
    policyPackVersion?: string;
    /** As the engine reports it: a violation at `remediate` level is reported as mandatory. */
    enforcementLevel: Exclude<EnforcementLevel, "remediate">;
    severity?: Severity;
    /** The policy's description. */
    description?: string;
    /** The server's text: the description, a newline, then what the policy reported. */
    message: string;
    urn?: string;
    /** The policy could not decide because a value is unknown at preview. */
    unverifiable: boolean;
}

export interface Remediation {
    policyName: string;
    urn: string;
    /** Properties in the SDK's wire form (secrets as signature objects, unknowns as the sentinel string). */
    before: Record<string, unknown>;
    after: Record<string, unknown>;
}

export interface Evaluation {
    violations: Violation[];
    remediations: Remediation[];
}

/** A policy as GetAnalyzerInfo describes it. */
export interface PolicyInfo {
    name: string;
    description: string;
    type: "resource" | "stack" | "unknown";
    /** The policy's own level, or the pack's when the policy sets none. */
    enforcementLevel: EnforcementLevel;
    severity?: Severity;
    configSchema?: { properties: Record<string, unknown>; required: string[] };
    /** How to fix a violation (the policy's `remediationSteps`). */
    remediationSteps?: string;
    /** The policy's tags: this pack's catalog anchors (Security Hub, Checkov, cdk-nag ids). */
    tags?: string[];
    /** Where the policy is documented, as the pack gives it (this pack: docs/policies.md#<name>). */
    url?: string;
}

/** One policy's settings as sent to Configure. */
export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type ResolvedPolicyConfig = Record<string, PolicyConfig>;

export interface PackInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
    /** Config the pack sets in code (`new PolicyPack(name, args, initialConfig)`). */
    initialConfig: Record<string, Partial<PolicyConfig>>;
}

/** preview: values unknown until the update may be unknown; up: every value is resolved. */
export type Phase = "preview" | "up";
