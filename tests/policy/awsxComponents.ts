// Fixtures for the awsx component rules: components as the offline plan records them, containers
// and services that pass every rule, and the real server's verdicts for them.
import type { PolicyPackConfig } from "@pulumi/policy";
import type { Phase } from "../../plan/analyzer/types";
import type { ResourceRecord, Violation } from "../../plan/types";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { componentRules } from "../../policy/rules/components";
import { evaluatePolicies, messages, resourceRecord } from "./harness";

export const PHASES: Phase[] = ["preview", "up"];
/** A computed output: unknown at preview, AWS's value after up. */
export const out = (phase: Phase, value: string) => (phase === "preview" ? UNKNOWN.string : value);
export const TAGS = { app: "web", environment: "dev" };
/** Roles the program creates itself (judged where they are defined), passed to awsx by ARN. */
export const ROLES = {
    taskRole: { roleArn: "arn:aws:iam::123456789012:role/app-task" },
    executionRole: { roleArn: "arn:aws:iam::123456789012:role/app-execution" },
};
/** The log group awsx creates, with a retention, a key and tags. */
export const logs = (phase: Phase) => ({ args: { retentionInDays: 30, kmsKeyId: out(phase, "arn:aws:kms:us-east-1:123456789012:key/logs"), tags: TAGS } });
export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:" + "a".repeat(64);

/** A component as the offline plan records an awsx remote component: not custom, its args as props. */
export function component(type: string, name: string, props: object): ResourceRecord {
    return { ...resourceRecord(type, name, props), custom: false };
}

/** A container that passes every container rule; `over` changes it. */
export const container = (phase: Phase, over: object = {}) => ({
    name: "web",
    image: out(phase, IMAGE),
    user: "10001:10001",
    readonlyRootFilesystem: true,
    secrets: [{ name: "DB_PASSWORD", valueFrom: out(phase, "arn:aws:secretsmanager:us-east-1:123456789012:secret:db") }],
    ...over,
});

/** A Fargate service in the program's own private subnets and security group. */
export const privateService = (phase: Phase, over: object = {}) => ({
    cluster: out(phase, "arn:aws:ecs:us-east-1:123456789012:cluster/main"),
    networkConfiguration: { subnets: [out(phase, "subnet-1")], securityGroups: [out(phase, "sg-1")], assignPublicIp: false },
    taskDefinitionArgs: { container: container(phase), tags: TAGS, logGroup: logs(phase), ...ROLES },
    tags: TAGS,
    ...over,
});

export async function judge(records: ResourceRecord[], phase: Phase, config: PolicyPackConfig = {}): Promise<Violation[]> {
    return (await evaluatePolicies(componentRules, records, config, phase)).violations;
}

export const decided = (vs: Violation[]) => vs.filter((v) => !v.unverifiable);
export const named = (vs: Violation[], name: string) => messages(vs.filter((v) => v.policyName === name));
