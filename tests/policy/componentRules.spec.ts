// The awsx component rules beyond the headline ones: for each, a component input that fails and
// one that passes, through the real server.
import { strict as assert } from "node:assert";
import type { PolicyPackConfig } from "@pulumi/policy";
import { ROLES, TAGS, component, container, judge, named, privateService } from "./awsxComponents";

describe("policy: opaque awsx components, rule by rule", () => {
    const inline = (statement: object) => ({
        args: {
            tags: TAGS,
            inlinePolicies: [{ name: "app", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] }) }],
        },
    });
    const ec2Task = (over: object) => ({ container: container("up", { memory: 512 }), ...over });
    const cases: { rule: string; type: string; bad: object; good: object; message: RegExp }[] = [
        {
            rule: "awsx-ecs-service-security-groups",
            type: "awsx:ecs:FargateService",
            bad: privateService("up", { networkConfiguration: { subnets: ["subnet-1"] } }),
            good: privateService("up"),
            message:
                /^svc: networkConfiguration\.securityGroups is unset; its tasks get the VPC's default security group\..* \(judged on .*: the service awsx creates\)$/,
        },
        {
            rule: "awsx-ecs-fargate-platform-version",
            type: "awsx:ecs:FargateService",
            bad: privateService("up", { platformVersion: "1.3.0" }),
            good: privateService("up", { platformVersion: "LATEST" }),
            message: /^svc: platformVersion 1\.3\.0 is older than 1\.4\.0/,
        },
        {
            rule: "awsx-ecs-task-awsvpc-network-mode",
            type: "awsx:ecs:EC2TaskDefinition",
            bad: ec2Task({ networkMode: "bridge" }),
            good: ec2Task({}),
            message: /^svc: networkMode is bridge; set it to "awsvpc"\. \(judged on this awsx:ecs:EC2TaskDefinition's inputs/,
        },
        {
            rule: "awsx-ecs-task-no-host-namespaces",
            type: "awsx:ecs:EC2TaskDefinition",
            bad: ec2Task({ pidMode: "host" }),
            good: ec2Task({ pidMode: "task" }),
            message: /^svc: pidMode is "host"/,
        },
        {
            rule: "awsx-ecs-container-memory-limit",
            type: "awsx:ecs:EC2TaskDefinition",
            bad: { container: container("up") },
            good: ec2Task({}),
            message: /^svc: container web has no memory limit and the task sets none/,
        },
        {
            rule: "awsx-security-group-no-world-egress-all-ports",
            type: "awsx:ecs:FargateService",
            bad: privateService("up", { networkConfiguration: undefined }),
            good: privateService("up"),
            message:
                /^svc: egress\[0\] allows tcp 0-65535 out to the whole internet \(0\.0\.0\.0\/0, ::\/0\).*awsx creates a security group open to the world on every port\)$/,
        },
        {
            rule: "awsx-security-group-rule-description",
            type: "awsx:lb:ApplicationLoadBalancer",
            bad: {
                subnetIds: ["subnet-1"],
                defaultSecurityGroup: { args: { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] } },
            },
            good: {
                subnetIds: ["subnet-1"],
                defaultSecurityGroup: {
                    args: { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" }] },
                },
            },
            message: /^svc: ingress\[0\] \(ingress tcp 443\) has no description.*defaultSecurityGroup\.args, the security group awsx creates\)$/,
        },
        ...(
            [
                ["awsx-iam-no-admin-access", { Action: "*", Resource: "*" }, /allows \["\*"\] on \["\*"\]: administrator access/],
                ["awsx-iam-no-service-wildcards", { Action: "s3:*", Resource: "arn:aws:s3:::assets/*" }, /allows s3:\* \(every s3 action/],
                [
                    "awsx-iam-no-wildcard-resource",
                    { Action: "s3:GetObject", Resource: "*" },
                    /allows s3:GetObject \(accesspointobject, object\) on Resource "\*"/,
                ],
                ["awsx-iam-no-privilege-escalation", { Action: "iam:PassRole", Resource: "*" }, /allows privilege escalation: iam:PassRole on any role/],
            ] as const
        ).map(([rule, statement, message]) => ({
            rule,
            type: "awsx:ecs:FargateTaskDefinition",
            bad: { container: container("up"), executionRole: ROLES.executionRole, taskRole: inline(statement) },
            good: {
                container: container("up"),
                executionRole: ROLES.executionRole,
                taskRole: inline({ Action: "s3:GetObject", Resource: "arn:aws:s3:::assets/*" }),
            },
            message: new RegExp(`^svc: inlinePolicies\\[0\\] \\(app\\).*${message.source}.*taskRole\\)$`),
        })),
        {
            rule: "awsx-log-group-retention",
            type: "awsx:ecs:FargateTaskDefinition",
            bad: { container: container("up") },
            good: { container: container("up"), logGroup: { args: { retentionInDays: 30 } } },
            message:
                /^svc: retentionInDays is not set, so logs are kept forever; set it to at least 7 days\. \(judged on .*: no logGroup, so the log group awsx creates\)$/,
        },
        {
            rule: "awsx-log-group-kms",
            type: "awsx:ecs:FargateTaskDefinition",
            bad: { container: container("up"), logGroup: { args: { retentionInDays: 30 } } },
            good: { container: container("up"), logGroup: { args: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/logs" } } },
            message: /^svc: kmsKeyId is not set.*\(judged on .*: logGroup\)$/,
        },
        {
            rule: "awsx-required-tags",
            type: "awsx:ecr:Repository",
            bad: { tags: { app: "web" } },
            good: { tags: TAGS },
            message:
                /^svc: missing tags environment \(has \["app"\]\); add them for cost allocation\. \(judged on this awsx:ecr:Repository's inputs: the repository awsx creates\)$/,
        },
        {
            rule: "awsx-alb-deletion-protection",
            type: "awsx:lb:ApplicationLoadBalancer",
            bad: { subnetIds: ["subnet-1"] },
            good: { subnetIds: ["subnet-1"], enableDeletionProtection: true },
            message: /^svc: enableDeletionProtection is not true/,
        },
        {
            rule: "awsx-alb-access-logs",
            type: "awsx:lb:ApplicationLoadBalancer",
            bad: { subnetIds: ["subnet-1"] },
            good: { subnetIds: ["subnet-1"], accessLogs: { bucket: "logs", enabled: true } },
            message: /^svc: access logs are off/,
        },
    ];
    for (const c of cases) {
        it(`${c.rule} on ${c.type}`, async () => {
            // required-tags asks for the tags a config names (none by default).
            const config: PolicyPackConfig = c.rule === "awsx-required-tags" ? { "awsx-required-tags": { requiredTags: ["app", "environment"] } } : {};
            const bad = await judge([component(c.type, "svc", c.bad)], "up", config);
            assert.deepEqual(
                named(bad, c.rule).map((m) => c.message.test(m)),
                [true],
                named(bad, c.rule).join("\n"),
            );
            assert.deepEqual(named(await judge([component(c.type, "svc", c.good)], "up", config), c.rule), []);
        });
    }
});
