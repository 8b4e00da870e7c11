import { strict as assert } from "node:assert";
import { isTaggable } from "../../policy/rules/tagging";
import { json, one, ofType } from "../support/mocks";
import { buildWebService } from "../support/webService";

describe("WebService under mocks", () => {
    const build = buildWebService;

    it("service: private subnets, no public IP, circuit breaker with rollback, bounds and grace", async () => {
        const service = one(await build("dev"), "aws:ecs/service:Service").inputs;
        assert.deepEqual(service.networkConfiguration, {
            subnets: ["subnet-00000000000000003", "subnet-00000000000000004"],
            securityGroups: [(service.networkConfiguration as { securityGroups: string[] }).securityGroups[0]],
            assignPublicIp: false,
        });
        assert.deepEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.equal(service.deploymentMinimumHealthyPercent, 0);
        assert.equal(service.deploymentMaximumPercent, 200);
        assert.equal(service.healthCheckGracePeriodSeconds, 30);
        assert.equal(service.platformVersion, "LATEST");
        assert.deepEqual(service.capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", weight: 1 }]);
    });

    it("task definition: awsvpc, size, roles, one container with logs, read-only root, non-root", async () => {
        const td = one(await build("dev", { cpu: "512", memory: "1024" }), "aws:ecs/taskDefinition:TaskDefinition").inputs;
        assert.equal(td.networkMode, "awsvpc");
        assert.deepEqual([td.cpu, td.memory], ["512", "1024"]);
        assert.notEqual(td.executionRoleArn, td.taskRoleArn);
        const [container] = json(td.containerDefinitions) as Record<string, unknown>[];
        assert.equal((container!.logConfiguration as { logDriver: string }).logDriver, "awslogs");
        assert.equal(container!.readonlyRootFilesystem, true);
        assert.equal(container!.user, "10001:10001");
    });

    it("target group: ip targets, fast health check, per-stack deregistration delay", async () => {
        const tg = one(await build("prod"), "aws:lb/targetGroup:TargetGroup", "web-prod-tg").inputs;
        assert.equal(tg.targetType, "ip");
        assert.equal(tg.deregistrationDelay, 30);
        assert.deepEqual(tg.healthCheck, {
            enabled: true,
            path: "/health",
            protocol: "HTTP",
            port: "traffic-port",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
            matcher: "200",
        });
    });

    it("ALB: public subnets, drops invalid headers, deletion protection on prod only", async () => {
        const prod = one(await build("prod"), "aws:lb/loadBalancer:LoadBalancer").inputs;
        assert.deepEqual(prod.subnets, ["subnet-00000000000000001", "subnet-00000000000000002"]);
        assert.equal(prod.dropInvalidHeaderFields, true);
        assert.equal(prod.enableDeletionProtection, true);
        assert.equal(one(await build("dev"), "aws:lb/loadBalancer:LoadBalancer").inputs.enableDeletionProtection, false);
    });

    it("with a certificate: HTTPS with a TLS 1.2+ policy and an HTTP→HTTPS redirect", async () => {
        const resources = await build("staging", { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" });
        const listeners = ofType(resources, "aws:lb/listener:Listener").map((l) => l.inputs);
        const https = listeners.find((l) => l.protocol === "HTTPS")!;
        assert.equal(https.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
        const http = listeners.find((l) => l.protocol === "HTTP")!;
        assert.deepEqual(http.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
        const worldPorts = ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0")
            .map((r) => r.inputs.fromPort);
        assert.deepEqual(worldPorts, [80, 443]);
    });

    it("security groups: tasks accept the container port from the ALB SG only; every rule described", async () => {
        const resources = await build("dev");
        const taskIngress = one(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "web-dev-task-in-alb");
        const albSg = one(resources, "aws:ec2/securityGroup:SecurityGroup", "web-dev-alb");
        assert.equal(taskIngress.inputs.referencedSecurityGroupId, albSg.outputs.id);
        assert.deepEqual([taskIngress.inputs.fromPort, taskIngress.inputs.toPort, taskIngress.inputs.cidrIpv4], [8080, 8080, undefined]);
        const rules = [
            ...ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
            ...ofType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
        ];
        assert.ok(rules.every((r) => typeof r.inputs.description === "string" && r.inputs.description.length > 0));
    });

    it("autoscaling between the stack's min and max on CPU, memory and requests; three alarms", async () => {
        // Requests per target needs the one target group a rolling deployment serves from.
        const resources = await build("prod", { deployment: "rolling" });
        const target = one(resources, "aws:appautoscaling/target:Target").inputs;
        assert.deepEqual([target.minCapacity, target.maxCapacity], [3, 12]);
        const metrics = ofType(resources, "aws:appautoscaling/policy:Policy").map(
            (p) =>
                (
                    p.inputs.targetTrackingScalingPolicyConfiguration as {
                        predefinedMetricSpecification: { predefinedMetricType: string; resourceLabel?: string };
                    }
                ).predefinedMetricSpecification,
        );
        assert.deepEqual(metrics.map((m) => m.predefinedMetricType).sort(), [
            "ALBRequestCountPerTarget",
            "ECSServiceAverageCPUUtilization",
            "ECSServiceAverageMemoryUtilization",
        ]);
        assert.match(metrics.find((m) => m.resourceLabel)!.resourceLabel!, /^app\/web-prod-[0-9a-f]{7}\/[0-9a-f]{16}\/targetgroup\//);
        assert.deepEqual(
            ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm")
                .map((a) => a.name)
                .sort(),
            ["web-prod-5xx-rate", "web-prod-high-cpu", "web-prod-unhealthy-hosts"],
        );
    });

    it("every resource of a type that takes tags carries the stack's tags (security group rules and the scaling target too)", async () => {
        const taggable = (await build("prod")).filter((r) => isTaggable(r.type));
        assert.ok(taggable.some((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"));
        assert.ok(taggable.some((r) => r.type === "aws:appautoscaling/target:Target"));
        assert.deepEqual(
            taggable.filter((r) => (r.inputs.tags as Record<string, string> | undefined)?.app !== "web").map((r) => r.name),
            [],
        );
    });
});
