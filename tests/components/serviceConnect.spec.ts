// Service Connect under mocks: the namespace as the cluster's default, the service's registration
// and its proxy's logs, and the task group's ingress on the Service Connect port.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import type { ResourceRecord } from "../../plan/types";
import { json, ofType, one, record } from "../support/mocks";
import { settingsFor } from "../support/settings";
import { buildWebService } from "../support/webService";

const NAMESPACE = "aws:servicediscovery/httpNamespace:HttpNamespace";
const SERVICE = "aws:ecs/service:Service";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const serviceConnect = (value: unknown) => ({ serviceConnect: JSON.stringify(value) });
const taskIngress = (resources: ResourceRecord[]) => ofType(resources, INGRESS).filter((r) => r.name.includes("-task-in-"));

describe("Service Connect under mocks", () => {
    it("off: no namespace, no Service Connect, the task group open to the ALB only", async () => {
        const resources = await record(() => deployApp(settingsFor("dev")), "dev");
        assert.equal(ofType(resources, NAMESPACE).length, 0);
        assert.equal(one(resources, "aws:ecs/cluster:Cluster").inputs.serviceConnectDefaults, undefined);
        assert.equal(one(resources, SERVICE).inputs.serviceConnectConfiguration, undefined);
        assert.deepEqual(
            taskIngress(resources).map((r) => r.name),
            ["web-dev-task-in-alb"],
        );
    });

    it("on: the namespace is the cluster's default; the service registers its named port with its alias and logs", async () => {
        const settings = settingsFor("dev", serviceConnect({ namespace: "web.dev.internal", clientAlias: { port: 80, dnsName: "web.internal" } }));
        const resources = await record(() => deployApp(settings), "dev");
        const namespace = one(resources, NAMESPACE);
        assert.equal(namespace.inputs.name, "web.dev.internal");
        const namespaceArn = namespace.outputs.arn;
        assert.match(String(namespaceArn), /^arn:aws:servicediscovery:us-east-1:123456789012:namespace\/ns-[0-9a-f]{17}$/);
        assert.deepEqual(one(resources, "aws:ecs/cluster:Cluster").inputs.serviceConnectDefaults, { namespace: namespaceArn });
        assert.deepEqual(one(resources, SERVICE).inputs.serviceConnectConfiguration, {
            enabled: true,
            namespace: namespaceArn,
            services: [{ portName: "http", discoveryName: "web", clientAlias: [{ port: 80, dnsName: "web.internal" }] }],
            logConfiguration: {
                logDriver: "awslogs",
                options: { "awslogs-group": "/ecs/web/dev", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "service-connect" },
            },
        });
        // The port the service names is the container's named port mapping.
        const containers = json(one(resources, "aws:ecs/taskDefinition:TaskDefinition").inputs.containerDefinitions) as { portMappings: unknown[] }[];
        assert.deepEqual(containers[0]!.portMappings, [{ containerPort: 8080, protocol: "tcp", name: "http", appProtocol: "http" }]);
    });

    it("the task group takes the Service Connect port from itself and each peer group; another port becomes the proxy's ingress port", async () => {
        const resources = await buildWebService(
            "dev",
            serviceConnect({ namespace: "web.dev.internal", port: 9090, peerSecurityGroupIds: ["sg-0123456789abcdef0"] }),
            {
                namespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef",
            },
        );
        const taskGroup = one(resources, "aws:ec2/securityGroup:SecurityGroup", "web-dev-task");
        const taskGroupId = taskGroup.outputs.id;
        assert.match(String(taskGroupId), /^sg-[0-9a-f]{17}$/);
        const sc = taskIngress(resources)
            .filter((r) => r.name.includes("-task-in-sc-"))
            .sort((a, b) => a.name.localeCompare(b.name));
        assert.deepEqual(
            sc.map((r) => [r.name, r.inputs.fromPort, r.inputs.toPort, r.inputs.referencedSecurityGroupId, r.inputs.securityGroupId]),
            [
                ["web-dev-task-in-sc-self", 9090, 9090, taskGroupId, taskGroupId],
                ["web-dev-task-in-sc-sg-0123456789abcdef0", 9090, 9090, "sg-0123456789abcdef0", taskGroupId],
            ],
        );
        const config = one(resources, SERVICE).inputs.serviceConnectConfiguration as { services: Record<string, unknown>[] };
        assert.equal(config.services[0]!.ingressPortOverride, 9090);
    });

    it("without the cluster's namespace the service gets no Service Connect block", async () => {
        const resources = await buildWebService("dev", serviceConnect({ namespace: "web.dev.internal" }));
        assert.equal(one(resources, SERVICE).inputs.serviceConnectConfiguration, undefined);
    });
});
