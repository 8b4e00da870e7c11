import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { Dashboard } from "../../components/dashboard";
import { outputValue } from "../../plan/runProgram";
import { json, one, record } from "../support/mocks";

const inputs = (capacityProviderName?: string) => ({
    dashboardName: "web-dev",
    clusterName: pulumi.output("web-dev"),
    serviceName: pulumi.output("web-dev-1234567"),
    albArnSuffix: pulumi.output("app/web-dev/0123456789abcdef"),
    targetGroupArnSuffix: pulumi.output("targetgroup/web-dev-tg/fedcba9876543210"),
    alarmArns: [pulumi.output("arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-dev-5xx-rate")],
    logGroupName: pulumi.output("/ecs/web/dev"),
    capacityProviderName,
});
type Body = { widgets: { type: string; properties: { title?: string; region?: string; metrics?: unknown[][]; alarms?: string[] } }[] };

describe("Dashboard under mocks", () => {
    it("registers the body built from the service's, load balancer's and alarms' names, in the stack's region", async () => {
        const resources = await record(() => new Dashboard("web-dev", inputs()), "test", "eu-west-1");
        const dashboard = one(resources, "aws:cloudwatch/dashboard:Dashboard").inputs;
        assert.equal(dashboard.dashboardName, "web-dev");
        const body = json(dashboard.dashboardBody) as Body;
        const cpu = body.widgets.find((w) => w.properties.title === "Service CPU (%)")!;
        assert.deepEqual(cpu.properties.metrics![0]!.slice(0, 6), ["AWS/ECS", "CPUUtilization", "ClusterName", "web-dev", "ServiceName", "web-dev-1234567"]);
        assert.equal(cpu.properties.region, "eu-west-1");
        assert.deepEqual(body.widgets.find((w) => w.type === "alarm")!.properties.alarms, ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-dev-5xx-rate"]);
        assert.ok(!body.widgets.some((w) => w.properties.title === "EC2 capacity reservation (%)"));
    });

    it("shows the EC2 capacity provider when there is one", async () => {
        const resources = await record(() => new Dashboard("web-dev", inputs("web-dev-ec2")));
        const body = json(one(resources, "aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody) as Body;
        assert.deepEqual(body.widgets.find((w) => w.properties.title === "EC2 capacity reservation (%)")!.properties.metrics![0]!.slice(4, 6), [
            "CapacityProviderName",
            "web-dev-ec2",
        ]);
    });

    it("its console address is the component's output", async () => {
        let dashboard: Dashboard | undefined;
        await record(() => (dashboard = new Dashboard("web-dev", inputs())), "test", "eu-west-1");
        assert.equal(
            await outputValue(dashboard!.url),
            "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/web-dev",
        );
    });
});
