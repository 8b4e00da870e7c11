// The offline engine's core records: resources as the engine registers them, and the verdicts
// the policy server returns (their shapes are the analyzer client's, which speaks for the engine).
export type { Evaluation, Remediation, ResourceRecord, Violation } from "./analyzer/types";

/** `aws:ecs/service:Service` → `aws:ecs:Service`, as the Pulumi CLI shows types. */
export const displayType = (type: string) => type.replace(/^([\w-]+):([\w-]+)\/[\w-]+:(\w+)$/, "$1:$2:$3");
