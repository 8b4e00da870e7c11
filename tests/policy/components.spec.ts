// Opaque awsx components: their inputs are judged as what awsx creates from them, through the
// real server, in both phases; when the stack shows the component's children, only the child
// rules speak.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { COMPONENT_RULE_PREFIX, componentRule, componentRules } from "../../policy/rules/components";
import { ecsServiceNoPublicIp } from "../../policy/rules/service";
import { ROOT } from "../support/mocks";
import { PHASES, ROLES, TAGS, component, container, decided, judge, logs, named, out, privateService } from "./awsxComponents";
import { SERVICE, evaluatePolicies, messages, resourceRecord } from "./harness";

describe("policy: opaque awsx components", () => {
    it("a private service with its secrets under `secrets` passes in both phases", async () => {
        for (const phase of PHASES) {
            const vs = await judge([component("awsx:ecs:FargateService", "svc", privateService(phase))], phase);
            assert.deepEqual(messages(decided(vs)), [], phase);
            // The image is a registry output: unknown at preview, so provenance waits for it (and nothing else does).
            assert.deepEqual(
                vs.filter((v) => v.unverifiable).map((v) => v.policyName),
                phase === "preview" ? ["awsx-ecs-container-image-provenance"] : [],
                phase,
            );
        }
    });

    it("networkConfiguration.assignPublicIp: true is reported as ecs-service-no-public-ip would, at its severity", async () => {
        for (const phase of PHASES) {
            const props = privateService(phase, { networkConfiguration: { subnets: [out(phase, "subnet-1")], assignPublicIp: true } });
            const vs = await judge([component("awsx:ecs:FargateService", "svc", props)], phase);
            assert.deepEqual(
                named(vs, "awsx-ecs-service-no-public-ip"),
                [
                    "svc: networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets. (judged on this awsx:ecs:FargateService's inputs: the service awsx creates)",
                ],
                phase,
            );
            const v = vs.find((x) => x.policyName === "awsx-ecs-service-no-public-ip")!;
            assert.deepEqual([v.severity, v.enforcementLevel, v.urn], ["high", "mandatory", "urn:pulumi:test::fargate-web::awsx:ecs:FargateService::svc"]);
        }
    });

    it("no networkConfiguration: awsx's default security group is open to the world on every port; assignPublicIp: true gives public IPs", async () => {
        for (const phase of PHASES) {
            const props = privateService(phase, { networkConfiguration: undefined, assignPublicIp: true });
            const vs = await judge([component("awsx:ecs:FargateService", "svc", props)], phase);
            const why =
                "(judged on this awsx:ecs:FargateService's inputs: no networkConfiguration, so awsx creates a security group open to the world on every port)";
            assert.deepEqual(
                named(vs, "awsx-security-group-no-world-ingress"),
                [`svc: ingress from the whole internet on all ports; allowed from the world: ports 80, 443 only. Use a security group source instead. ${why}`],
                phase,
            );
            assert.deepEqual(
                named(vs, "awsx-ecs-service-no-public-ip"),
                [
                    "svc: networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets. (judged on this awsx:ecs:FargateService's inputs: assignPublicIp, in the networkConfiguration awsx builds)",
                ],
                phase,
            );
        }
    });

    it("without networkConfiguration and assignPublicIp, awsx's default keeps tasks private: only the security group is reported", async () => {
        const vs = await judge([component("awsx:ecs:FargateService", "svc", privateService("up", { networkConfiguration: undefined }))], "up");
        assert.deepEqual(named(vs, "awsx-ecs-service-no-public-ip"), []);
        assert.equal(named(vs, "awsx-security-group-no-world-ingress").length, 1);
    });

    it("a password in a container's environment is critical, named by the variable", async () => {
        for (const phase of PHASES) {
            const env = { environment: [{ name: "DB_PASSWORD", value: "hunter2" }], secrets: undefined };
            const props = privateService(phase, { taskDefinitionArgs: { containers: { api: container(phase, env) }, ...ROLES } });
            const vs = await judge([component("awsx:ecs:FargateService", "svc", props)], phase);
            assert.deepEqual(
                named(vs, "awsx-ecs-container-no-plaintext-secrets"),
                [
                    "svc: container api has secrets in plain environment variables (DB_PASSWORD); use secrets with valueFrom. (judged on this awsx:ecs:FargateService's inputs: taskDefinitionArgs)",
                ],
                phase,
            );
            assert.equal(vs.find((v) => v.policyName === "awsx-ecs-container-no-plaintext-secrets")!.severity, "critical");
        }
    });

    it("container settings awsx passes through are judged: privileged, root user, writable root, an unpinned public image", async () => {
        const c = container("up", { privileged: true, user: undefined, readonlyRootFilesystem: undefined, image: "nginx:latest" });
        const vs = await judge([component("awsx:ecs:FargateTaskDefinition", "task", { container: c, tags: TAGS, logGroup: logs("up"), ...ROLES })], "up");
        assert.deepEqual(
            decided(vs)
                .map((v) => v.policyName)
                .sort(),
            [
                "awsx-ecs-container-image-provenance",
                "awsx-ecs-container-non-root-user",
                "awsx-ecs-container-not-privileged",
                "awsx-ecs-container-readonly-root",
            ],
        );
        // awsx's default log configuration (awslogs to its own log group) counts; skipping the log group does not.
        const skipped = await judge(
            [component("awsx:ecs:FargateTaskDefinition", "task", { container: container("up"), logGroup: { skip: true }, ...ROLES })],
            "up",
        );
        assert.deepEqual(named(skipped, "awsx-ecs-container-log-configuration"), [
            "task: container web has no logConfiguration; its output is lost. Add one with the awslogs driver. (judged on this awsx:ecs:FargateTaskDefinition's inputs: the task definition awsx creates)",
        ]);
    });

    it("the roles awsx creates: its trust policy has no confused-deputy condition", async () => {
        const roles = { taskRole: { args: { policyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"], tags: TAGS } } };
        const props = privateService("up", { taskDefinitionArgs: { container: container("up"), tags: TAGS, ...roles } });
        const vs = await judge([component("awsx:ecs:FargateService", "svc", props)], "up");
        const trust = "trust statement 0 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn conditions (confused deputy).";
        assert.deepEqual(named(vs, "awsx-iam-trust-confused-deputy"), [
            `svc: ${trust} (judged on this awsx:ecs:FargateService's inputs: taskDefinitionArgs.taskRole)`,
            `svc: ${trust} (judged on this awsx:ecs:FargateService's inputs: no executionRole, so the execution role awsx creates)`,
        ]);
        // Roles given by ARN are the program's own resources, judged where they are defined.
        assert.deepEqual(named(await judge([component("awsx:ecs:FargateService", "svc", privateService("up"))], "up"), "awsx-iam-trust-confused-deputy"), []);
    });

    it("an assignPublicIp unknown at preview is undecided, or fails closed naming the input when configured", async () => {
        const props = privateService("preview", { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: UNKNOWN.boolean } });
        const records = [component("awsx:ecs:FargateService", "svc", props)];
        const open = (await judge(records, "preview")).filter((v) => v.policyName === "awsx-ecs-service-no-public-ip");
        assert.deepEqual(
            open.map((v) => v.unverifiable),
            [true],
        );
        assert.match(messages(open)[0]!, /svc\.networkConfiguration\.assignPublicIp/);
        const strict = await judge(records, "preview", { "awsx-ecs-service-no-public-ip": { failClosedAtPreview: true } });
        assert.match(
            named(strict, "awsx-ecs-service-no-public-ip")[0]!,
            /^svc: svc\.networkConfiguration\.assignPublicIp is unknown at preview, so this policy cannot decide before deploy \(failClosedAtPreview is on\);.* \(judged on this awsx:ecs:FargateService's inputs: the service awsx creates\)$/,
        );
    });

    it("an input unknown as a whole leaves what awsx builds from it undecided, never judged as empty", async () => {
        const records = [
            component("awsx:ecs:FargateService", "svc", privateService("preview", { taskDefinitionArgs: UNKNOWN.object })),
            component("awsx:lb:ApplicationLoadBalancer", "web", { subnetIds: ["subnet-1"], dropInvalidHeaderFields: true, listeners: [UNKNOWN.object] }),
        ];
        const vs = await judge(records, "preview");
        const rules = ["awsx-ecs-container-no-plaintext-secrets", "awsx-ecs-container-log-configuration", "awsx-alb-https-only"];
        assert.deepEqual(
            vs.filter((v) => rules.includes(v.policyName)).map((v) => [v.policyName, v.unverifiable]),
            rules.map((r) => [r, true]),
        );
        const strict = await judge(records, "preview", { "awsx-alb-https-only": { failClosedAtPreview: true } });
        assert.match(named(strict, "awsx-alb-https-only")[0]!, /^web: web\.listeners\[0\] is unknown at preview/);
    });

    it('a container image another opaque component should have resolved is undecided, not "no image"', async () => {
        const props = privateService("up", {
            taskDefinitionArgs: { container: container("up", { image: undefined }), tags: TAGS, logGroup: logs("up"), ...ROLES },
        });
        const vs = await judge([component("awsx:ecs:FargateService", "svc", props)], "up");
        assert.deepEqual(
            vs.filter((v) => v.policyName === "awsx-ecs-container-image-provenance").map((v) => v.unverifiable),
            [true],
        );
    });

    it("no double report: with its children in the stack (a real preview), only the child rule speaks", async () => {
        const parent = component("awsx:ecs:FargateService", "svc", privateService("up", { networkConfiguration: { assignPublicIp: true } }));
        const child = { ...resourceRecord(SERVICE, "svc", { networkConfiguration: { assignPublicIp: true } }), parent: parent.urn };
        const vs = (await evaluatePolicies([ecsServiceNoPublicIp, ...componentRules], [parent, child], {}, "up")).violations;
        assert.deepEqual(
            vs.map((v) => [v.policyName, v.urn]),
            [["ecs-service-no-public-ip", child.urn]],
        );
    });

    it("a load balancer's default listener forwards plain HTTP; an HTTPS listener with a redirect passes", async () => {
        for (const phase of PHASES) {
            const lb = { subnetIds: [out(phase, "subnet-1")], dropInvalidHeaderFields: true };
            const vs = await judge([component("awsx:lb:ApplicationLoadBalancer", "web", lb)], phase);
            assert.deepEqual(
                named(vs, "awsx-alb-https-only"),
                [
                    "web: HTTP listener on port 80 serves content (forward); allowed: only a redirect to HTTPS. (judged on this awsx:lb:ApplicationLoadBalancer's inputs: no listener, so awsx's default listener)",
                ],
                phase,
            );
            const redirect = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
            const tls = "ELBSecurityPolicy-TLS13-1-2-2021-06";
            const listeners = [
                { port: 80, defaultActions: [redirect] },
                { port: 443, certificateArn: out(phase, "arn:aws:acm:us-east-1:123456789012:certificate/1"), sslPolicy: tls },
            ];
            const good = await judge([component("awsx:lb:ApplicationLoadBalancer", "web", { ...lb, listeners })], phase);
            assert.deepEqual(
                [...named(good, "awsx-alb-https-only"), ...named(good, "awsx-alb-tls-policy"), ...named(good, "awsx-alb-drop-invalid-headers")],
                [],
                phase,
            );
        }
    });

    it("an ECR repository without scanning or immutable tags is reported; with both it passes", async () => {
        const bad = await judge([component("awsx:ecr:Repository", "repo", {})], "up");
        assert.deepEqual(
            decided(bad)
                .map((v) => v.policyName)
                .sort(),
            ["awsx-ecr-immutable-tags", "awsx-ecr-scan-on-push"],
            "no tags are required without a config that names them",
        );
        const good = await judge(
            [component("awsx:ecr:Repository", "repo", { imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE", tags: TAGS })],
            "up",
        );
        assert.deepEqual(messages(good), []);
    });

    it("a VPC's public subnets map public IPs on launch, by awsx's default layout or a public spec; private-only passes", async () => {
        for (const phase of PHASES) {
            const vs = await judge([component("awsx:ec2:Vpc", "net", { tags: TAGS })], phase);
            assert.deepEqual(
                named(vs, "awsx-subnet-no-auto-public-ip"),
                [
                    "net: mapPublicIpOnLaunch is true; every instance or task launched here gets a public IP. Set it to false. (judged on this awsx:ec2:Vpc's inputs: no subnetSpecs, so awsx's default public subnets)",
                ],
                phase,
            );
            const spec = await judge(
                [component("awsx:ec2:Vpc", "net", { tags: TAGS, subnetSpecs: [{ type: "Isolated" }, { type: "Public", cidrMask: 24 }] })],
                phase,
            );
            assert.match(named(spec, "awsx-subnet-no-auto-public-ip").join("\n"), /inputs: subnetSpecs\[1\]\)$/, phase);
            const privateOnly = await judge(
                [component("awsx:ec2:Vpc", "net", { tags: TAGS, subnetSpecs: [{ type: "Private" }, { type: "Isolated" }] })],
                phase,
            );
            assert.deepEqual(messages(privateOnly), [], phase);
        }
    });

    it("a component rule takes its rule's metadata, and only a rule the pack built can be applied", () => {
        const rule = componentRule(ecsServiceNoPublicIp);
        assert.deepEqual(
            [rule.name, rule.severity, rule.enforcementLevel, rule.tags],
            ["awsx-ecs-service-no-public-ip", "high", "mandatory", ["CKV_AWS_333", "ECS.2", "ECS.16"]],
        );
        const foreign = { name: "foreign", description: "", enforcementLevel: "advisory" as const, validateResource: () => undefined };
        assert.throws(() => componentRule(foreign), /^Error: foreign is not a resource rule of this pack$/);
    });

    it("every profile gives a component rule the level and settings of the rule it applies", () => {
        for (const profile of ["dev", "staging", "prod"]) {
            const config = JSON.parse(readFileSync(join(ROOT, "policy", "config", `${profile}.json`), "utf8")) as Record<string, unknown>;
            for (const rule of componentRules)
                assert.deepEqual(config[rule.name], config[rule.name.slice(COMPONENT_RULE_PREFIX.length)], `${profile}: ${rule.name}`);
        }
    });
});
