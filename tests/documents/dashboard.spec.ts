import { strict as assert } from "node:assert";
import { dashboardBody } from "../../documents/dashboard";
import { dashboardUrl, pipelineUrl } from "../../documents/consoleUrls";

const args = {
    region: "eu-west-1",
    clusterName: "web-prod",
    serviceName: "web-prod-svc",
    albArnSuffix: "app/web-prod/0123456789abcdef",
    targetGroupArnSuffix: "targetgroup/web-prod-tg/fedcba9876543210",
    alarmArns: ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-prod-5xx-rate"],
    logGroupName: "/ecs/web/prod",
};
type Metric = (string | { stat?: string })[];
const metricsOf = (title: string, body = dashboardBody(args)) => {
    const widget = body.widgets.find((w) => w.properties.title === title);
    assert.ok(widget, `no widget "${title}" in ${body.widgets.map((w) => w.properties.title).join(", ")}`);
    return widget.properties.metrics as Metric[];
};
const summary = (metrics: Metric[]) => metrics.map((m) => `${m[0]}/${m[1]} ${(m.at(-1) as { stat?: string }).stat}`);

describe("dashboard body", () => {
    it("service CPU and memory, average and max, for this cluster and service", () => {
        for (const [title, metric] of [
            ["Service CPU (%)", "CPUUtilization"],
            ["Service memory (%)", "MemoryUtilization"],
        ] as const) {
            const metrics = metricsOf(title);
            assert.deepEqual(summary(metrics), [`AWS/ECS/${metric} Average`, `AWS/ECS/${metric} Maximum`]);
            assert.deepEqual(metrics[0]!.slice(2, 6), ["ClusterName", "web-prod", "ServiceName", "web-prod-svc"]);
        }
    });

    it("tasks running vs desired (Container Insights), ALB requests, 5xx, p50/p99 latency, healthy vs unhealthy targets", () => {
        assert.deepEqual(summary(metricsOf("Tasks: running vs desired")), [
            "ECS/ContainerInsights/RunningTaskCount Average",
            "ECS/ContainerInsights/DesiredTaskCount Average",
            "ECS/ContainerInsights/PendingTaskCount Average",
        ]);
        assert.deepEqual(summary(metricsOf("ALB requests")), ["AWS/ApplicationELB/RequestCount Sum"]);
        assert.deepEqual(metricsOf("ALB requests")[0]!.slice(2, 4), ["LoadBalancer", "app/web-prod/0123456789abcdef"]);
        assert.deepEqual(summary(metricsOf("5xx responses")), [
            "AWS/ApplicationELB/HTTPCode_Target_5XX_Count Sum",
            "AWS/ApplicationELB/HTTPCode_ELB_5XX_Count Sum",
        ]);
        assert.deepEqual(summary(metricsOf("Target response time (s)")), [
            "AWS/ApplicationELB/TargetResponseTime p50",
            "AWS/ApplicationELB/TargetResponseTime p99",
        ]);
        const health = metricsOf("Targets: healthy vs unhealthy");
        assert.deepEqual(summary(health), ["AWS/ApplicationELB/HealthyHostCount Minimum", "AWS/ApplicationELB/UnHealthyHostCount Maximum"]);
        assert.deepEqual(health[0]!.slice(2, 6), ["TargetGroup", "targetgroup/web-prod-tg/fedcba9876543210", "LoadBalancer", "app/web-prod/0123456789abcdef"]);
    });

    it("shows the alarms' states and recent errors from the app's log group", () => {
        const body = dashboardBody(args);
        assert.deepEqual(body.widgets.find((w) => w.type === "alarm")!.properties.alarms, args.alarmArns);
        assert.match(String(body.widgets.find((w) => w.type === "log")!.properties.query), /^SOURCE '\/ecs\/web\/prod' \|/);
        const bare = dashboardBody({ ...args, alarmArns: [], logGroupName: undefined });
        assert.deepEqual(
            bare.widgets.map((w) => w.type),
            Array(7).fill("metric"),
            "no empty alarm widget",
        );
    });

    it("adds the EC2 capacity provider's reservation only on the EC2 launch type", () => {
        assert.ok(!dashboardBody(args).widgets.some((w) => w.properties.title === "EC2 capacity reservation (%)"));
        const ec2 = metricsOf("EC2 capacity reservation (%)", dashboardBody({ ...args, capacityProviderName: "web-prod-ec2" }));
        assert.deepEqual(ec2[0]!.slice(0, 6), [
            "AWS/ECS/ManagedScaling",
            "CapacityProviderReservation",
            "ClusterName",
            "web-prod",
            "CapacityProviderName",
            "web-prod-ec2",
        ]);
    });

    it("lays widgets two to a row on CloudWatch's 24-column grid, none overlapping", () => {
        const widgets = dashboardBody({ ...args, capacityProviderName: "cp" }).widgets;
        const cells = widgets.map((w) => `${w.x},${w.y}`);
        assert.equal(new Set(cells).size, widgets.length);
        assert.ok(widgets.every((w) => w.x + w.width <= 24 && w.width === 12 && w.height === 6));
        assert.ok(widgets.every((w) => w.type === "alarm" || w.properties.region === "eu-west-1"));
    });

    it("console addresses per partition", () => {
        assert.equal(
            dashboardUrl("aws", "eu-west-1", "web-prod"),
            "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/web-prod",
        );
        assert.equal(dashboardUrl("aws-cn", "cn-north-1", "web"), "https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#dashboards/dashboard/web");
        assert.equal(
            pipelineUrl("aws-us-gov", "us-gov-west-1", "web-prod"),
            "https://console.amazonaws-us-gov.com/codesuite/codepipeline/pipelines/web-prod/view?region=us-gov-west-1",
        );
    });
});
