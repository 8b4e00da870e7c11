// The offline engine's core records: resources as the engine registers them, and verdicts.

/** A registered resource as the engine sees it. */
export interface ResourceRecord {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent?: string;
    protect: boolean;
    inputs: Record<string, unknown>;
    /** Outputs after the update (mocked offline); stack policies read these. */
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

export interface Violation {
    policyName: string;
    enforcementLevel: "advisory" | "mandatory";
    severity?: string;
    message: string;
    urn?: string;
    /** The rule could not decide because a value is unknown at preview. */
    unverifiable: boolean;
}

export interface Remediation {
    policyName: string;
    urn: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
}

export interface Evaluation {
    violations: Violation[];
    remediations: Remediation[];
}

/** `aws:ecs/service:Service` → `aws:ecs:Service`, as the Pulumi CLI shows types. */
export const displayType = (type: string) => type.replace(/^([\w-]+):([\w-]+)\/[\w-]+:(\w+)$/, "$1:$2:$3");
