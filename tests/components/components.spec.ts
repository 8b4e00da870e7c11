import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { Cluster } from "../../components/cluster";
import { Logs } from "../../components/logs";
import { Network } from "../../components/network";
import { Registry } from "../../components/registry";
import { Roles } from "../../components/roles";
import { WebService } from "../../components/webService";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const tags = { app: "web" };

describe("components under mocks", () => {
    describe("Network", () => {
        it("creates public and private subnets per AZ; private ones route to a NAT, never the IGW", async () => {
            const resources = await record(() => new Network("net", { namePrefix: "web-dev", vpcCidr: "10.0.0.0/16", azCount: 2, egress: "nat-single", tags }));
            const subnets = ofType(resources, "aws:ec2/subnet:Subnet");
            assert.equal(subnets.length, 4);
            assert.ok(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false));
            assert.deepEqual(
                subnets.map((s) => s.inputs.availabilityZone),
                ["us-east-1a", "us-east-1b", "us-east-1a", "us-east-1b"],
            );
            const routes = ofType(resources, "aws:ec2/route:Route");
            const privateRoutes = routes.filter((r) => r.name.includes("private"));
            assert.equal(privateRoutes.length, 2);
            assert.ok(privateRoutes.every((r) => typeof r.inputs.natGatewayId === "string" && r.inputs.gatewayId === undefined));
            assert.equal(
                one(resources, "aws:ec2/route:Route", "web-dev-public-default").inputs.gatewayId,
                one(resources, "aws:ec2/internetGateway:InternetGateway").outputs.id,
            );
            assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length, 1);
            const closed = one(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
            assert.equal(closed.inputs.vpcId, one(resources, "aws:ec2/vpc:Vpc").outputs.id, "adopts the VPC's default group");
            assert.deepEqual([closed.inputs.ingress, closed.inputs.egress], [undefined, undefined], "with no rules, so AWS's defaults are removed");
            assert.ok(
                resources.filter((r) => r.custom).every((r) => r.parent?.endsWith("::net")),
                "every child is parented to the component",
            );
        });

        it("nat-per-az puts one NAT gateway (and EIP) in each AZ", async () => {
            const resources = await record(
                () => new Network("net", { namePrefix: "web-prod", vpcCidr: "10.1.0.0/16", azCount: 3, egress: "nat-per-az", tags }),
            );
            assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length, 3);
            assert.equal(ofType(resources, "aws:ec2/eip:Eip").length, 3);
            const natIds = new Set(
                ofType(resources, "aws:ec2/route:Route")
                    .filter((r) => r.inputs.natGatewayId)
                    .map((r) => r.inputs.natGatewayId),
            );
            assert.equal(natIds.size, 3);
        });

        it("adopts an existing VPC without creating anything", async () => {
            let network: Network | undefined;
            const resources = await record(() => {
                network = new Network("net", {
                    namePrefix: "web-dev",
                    vpcCidr: "10.0.0.0/16",
                    azCount: 2,
                    egress: "nat-single",
                    tags,
                    existingVpc: { vpcId: "vpc-0123456789abcdef0", publicSubnetIds: ["subnet-a1234567"], privateSubnetIds: ["subnet-b1234567"] },
                });
            });
            assert.equal(resources.filter((r) => r.custom).length, 0);
            assert.equal(network!.natGatewayCount, 0);
        });

        it("refuses more AZs than the region has", async () => {
            await assert.rejects(
                record(
                    () => new Network("net", { namePrefix: "web-dev", vpcCidr: "10.0.0.0/16", azCount: 4, egress: "nat-single", tags }),
                    "test",
                    "eu-west-1",
                ),
                /azCount=4 is not valid in this region; allowed: at most 3/,
            );
        });
    });

    it("Cluster: Container Insights on, both Fargate providers, Spot default when asked", async () => {
        const resources = await record(() => new Cluster("web-dev", { name: "web-dev", spot: true, tags }));
        assert.deepEqual(one(resources, "aws:ecs/cluster:Cluster").inputs.settings, [{ name: "containerInsights", value: "enabled" }]);
        const providers = one(resources, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").inputs;
        assert.deepEqual(providers.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
        assert.deepEqual(providers.defaultCapacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", weight: 1 }]);
        // Anything using the cluster waits for the capacity providers to be associated.
        const withService = await record(() => {
            const cluster = new Cluster("web-dev", { name: "web-dev", spot: true, tags });
            new aws.ecs.Service("svc", { cluster: cluster.arn });
        });
        const arnDeps = one(withService, "aws:ecs/service:Service").propertyDependencies.cluster ?? [];
        assert.ok(
            arnDeps.some((urn) => urn.includes("ClusterCapacityProviders")),
            JSON.stringify(arnDeps),
        );
    });

    describe("Registry", () => {
        const base = {
            repositoryName: "web/dev",
            immutableTags: true,
            keepImages: 10,
            disposable: true,
            protect: false,
            buildContext: "app",
            platform: "linux/amd64" as const,
            tags,
        };

        it("scan on push, KMS, lifecycle, forceDelete on disposable stacks, image built from app/", async () => {
            const resources = await record(() => new Registry("web-dev", base));
            const repo = one(resources, "aws:ecr/repository:Repository");
            assert.deepEqual(repo.inputs.imageScanningConfiguration, { scanOnPush: true });
            assert.equal(repo.inputs.imageTagMutability, "IMMUTABLE");
            assert.equal(repo.inputs.forceDelete, true);
            assert.deepEqual(repo.inputs.encryptionConfigurations, [{ encryptionType: "KMS" }]);
            assert.match(String(one(resources, "aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs.policy), /"countNumber":10/);
            const image = one(resources, "awsx:ecr:Image");
            assert.equal(image.inputs.context, "app");
            assert.match(String(image.inputs.imageTag), /^app-[0-9a-f]{16}$/);
        });

        it("prod keeps images: no forceDelete, protected", async () => {
            const resources = await record(() => new Registry("web-prod", { ...base, disposable: false, protect: true }));
            const repo = one(resources, "aws:ecr/repository:Repository");
            assert.equal(repo.inputs.forceDelete, false);
            assert.equal(repo.protect, true);
        });

        it("a prebuilt image builds nothing", async () => {
            let registry: Registry | undefined;
            const resources = await record(() => (registry = new Registry("web-dev", { ...base, image: "ghcr.io/acme/web:1.2.3" })));
            assert.equal(ofType(resources, "awsx:ecr:Image").length, 0);
            assert.equal(registry!.builtHere, false);
        });
    });

    it("Logs: named group, retention, optional KMS key, protected on prod", async () => {
        const resources = await record(() => new Logs("web-prod", { logGroupName: "/ecs/web/prod", retentionDays: 365, kms: true, protect: true, tags }));
        const group = one(resources, "aws:cloudwatch/logGroup:LogGroup");
        assert.equal(group.inputs.name, "/ecs/web/prod");
        assert.equal(group.inputs.retentionInDays, 365);
        const key = one(resources, "aws:kms/key:Key");
        assert.equal(group.inputs.kmsKeyId, key.outputs.arn);
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.ok(group.protect && key.protect);
    });

    describe("Roles", () => {
        const base = {
            executionRoleName: "web-dev-execution",
            taskRoleName: "web-dev-task",
            repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/web/dev"],
            logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev",
            secrets: [],
            s3Grants: [],
            enableExec: false,
            tags,
        };

        it("two roles trusting ecs-tasks with confused-deputy conditions; execution policy scoped", async () => {
            const resources = await record(() => new Roles("web-dev", base));
            const roles = ofType(resources, "aws:iam/role:Role");
            assert.equal(roles.length, 2);
            for (const role of roles) {
                const trust = json(role.inputs.assumeRolePolicy) as { Statement: { Principal: unknown; Condition: Record<string, Record<string, string>> }[] };
                assert.deepEqual(trust.Statement[0]!.Principal, { Service: "ecs-tasks.amazonaws.com" });
                assert.equal(trust.Statement[0]!.Condition.StringEquals!["aws:SourceAccount"], "123456789012");
            }
            const policy = json(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy) as {
                Statement: { Action: string[]; Resource: string | string[] }[];
            };
            const wildcard = policy.Statement.filter((s) => s.Resource === "*");
            assert.deepEqual(
                wildcard.map((s) => s.Action),
                [["ecr:GetAuthorizationToken"]],
            );
            assert.ok(policy.Statement.every((s) => s.Action.every((a) => !a.includes("*"))));
            assert.ok(!resources.some((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment"), "no managed policies");
        });

        it("task role gets a policy only for declared grants", async () => {
            const resources = await record(() => new Roles("web-dev", { ...base, s3Grants: [{ bucket: "acme-assets", access: "read" }] }));
            const policies = ofType(resources, "aws:iam/rolePolicy:RolePolicy");
            assert.equal(policies.length, 2);
            const task = json(policies.find((p) => p.name === "web-dev-task")!.inputs.policy) as { Statement: { Resource: string[] }[] };
            assert.deepEqual(
                task.Statement.flatMap((s) => s.Resource),
                ["arn:aws:s3:::acme-assets", "arn:aws:s3:::acme-assets/*"],
            );
        });
    });

    describe("WebService", () => {
        const build = (stack: string, raw: Record<string, string> = {}) => {
            const s = settingsFor(stack, raw);
            return record(
                () =>
                    new WebService(s.names.prefix, {
                        settings: s,
                        vpcId: "vpc-0123456789abcdef0",
                        publicSubnetIds: ["subnet-00000000000000001", "subnet-00000000000000002"],
                        privateSubnetIds: ["subnet-00000000000000003", "subnet-00000000000000004"],
                        clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/web",
                        clusterName: "web",
                        imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev@sha256:" + "a".repeat(64),
                        containerHealthCheck: true,
                        logGroupName: "/ecs/web/dev",
                        region: "us-east-1",
                        executionRoleArn: "arn:aws:iam::123456789012:role/exec",
                        taskRoleArn: "arn:aws:iam::123456789012:role/task",
                        tags,
                    }),
                stack,
            );
        };

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
            assert.equal(service.platformVersion, "1.4.0");
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
            const tg = one(await build("prod"), "aws:lb/targetGroup:TargetGroup").inputs;
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

        it("ALB: public subnets, drops invalid headers, defensive desync mitigation, deletion protection on prod only", async () => {
            const prod = one(await build("prod"), "aws:lb/loadBalancer:LoadBalancer").inputs;
            assert.deepEqual(prod.subnets, ["subnet-00000000000000001", "subnet-00000000000000002"]);
            assert.equal(prod.dropInvalidHeaderFields, true);
            assert.equal(prod.desyncMitigationMode, "defensive");
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
            const resources = await build("prod");
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
    });
});
