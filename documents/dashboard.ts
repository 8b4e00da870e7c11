// The stack's CloudWatch dashboard body: service CPU and memory, tasks running vs desired, ALB
// traffic, errors, latency, target health and the alarms, as one pure function of names.

export interface DashboardArgs {
    region: string;
    clusterName: string;
    serviceName: string;
    /** app/<alb-name>/<id>, the LoadBalancer dimension. */
    albArnSuffix: string;
    /** targetgroup/<name>/<id>, the TargetGroup dimension. */
    targetGroupArnSuffix: string;
    alarmArns: string[];
    /** EC2 launch type: the capacity provider whose reservation managed scaling tracks. */
    capacityProviderName?: string;
    /** The app's log group, for a recent-errors view. */
    logGroupName?: string;
}

type Metric = (string | Record<string, unknown>)[];
export interface Widget {
    type: "metric" | "alarm" | "log";
    x: number;
    y: number;
    width: number;
    height: number;
    properties: Record<string, unknown>;
}
export interface DashboardBody {
    widgets: Widget[];
}

const WIDTH = 12;
const HEIGHT = 6;

export function dashboardBody(a: DashboardArgs): DashboardBody {
    const service = ["ClusterName", a.clusterName, "ServiceName", a.serviceName];
    const lb = ["LoadBalancer", a.albArnSuffix];
    const tg = ["TargetGroup", a.targetGroupArnSuffix, "LoadBalancer", a.albArnSuffix];
    const metric = (title: string, metrics: Metric[], extra: Record<string, unknown> = {}) => ({
        type: "metric" as const,
        properties: { title, region: a.region, view: "timeSeries", stacked: false, period: 60, metrics, ...extra },
    });
    const percent = { yAxis: { left: { min: 0, max: 100, label: "%" } } };

    const widgets: Omit<Widget, "x" | "y" | "width" | "height">[] = [
        metric(
            "Service CPU (%)",
            [
                ["AWS/ECS", "CPUUtilization", ...service, { stat: "Average", label: "average" }],
                ["AWS/ECS", "CPUUtilization", ...service, { stat: "Maximum", label: "max" }],
            ],
            percent,
        ),
        metric(
            "Service memory (%)",
            [
                ["AWS/ECS", "MemoryUtilization", ...service, { stat: "Average", label: "average" }],
                ["AWS/ECS", "MemoryUtilization", ...service, { stat: "Maximum", label: "max" }],
            ],
            percent,
        ),
        // Container Insights (on for every cluster here) publishes the task counts.
        metric("Tasks: running vs desired", [
            ["ECS/ContainerInsights", "RunningTaskCount", ...service, { stat: "Average", label: "running" }],
            ["ECS/ContainerInsights", "DesiredTaskCount", ...service, { stat: "Average", label: "desired" }],
            ["ECS/ContainerInsights", "PendingTaskCount", ...service, { stat: "Average", label: "pending" }],
        ]),
        metric("ALB requests", [["AWS/ApplicationELB", "RequestCount", ...lb, { stat: "Sum", label: "requests" }]]),
        metric("5xx responses", [
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...lb, { stat: "Sum", label: "from targets" }],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", ...lb, { stat: "Sum", label: "from the load balancer" }],
        ]),
        metric(
            "Target response time (s)",
            [
                ["AWS/ApplicationELB", "TargetResponseTime", ...lb, { stat: "p50", label: "p50" }],
                ["AWS/ApplicationELB", "TargetResponseTime", ...lb, { stat: "p99", label: "p99" }],
            ],
            { yAxis: { left: { min: 0, label: "s" } } },
        ),
        metric("Targets: healthy vs unhealthy", [
            ["AWS/ApplicationELB", "HealthyHostCount", ...tg, { stat: "Minimum", label: "healthy (min)" }],
            ["AWS/ApplicationELB", "UnHealthyHostCount", ...tg, { stat: "Maximum", label: "unhealthy (max)" }],
        ]),
    ];
    if (a.capacityProviderName)
        widgets.push(
            metric(
                "EC2 capacity reservation (%)",
                [
                    [
                        "AWS/ECS/ManagedScaling",
                        "CapacityProviderReservation",
                        "ClusterName",
                        a.clusterName,
                        "CapacityProviderName",
                        a.capacityProviderName,
                        { stat: "Average" },
                    ],
                ],
                percent,
            ),
        );
    if (a.alarmArns.length > 0) widgets.push({ type: "alarm", properties: { title: "Alarms", alarms: a.alarmArns, sortBy: "stateUpdatedTimestamp" } });
    if (a.logGroupName)
        widgets.push({
            type: "log",
            properties: {
                title: "Recent errors",
                region: a.region,
                view: "table",
                query: `SOURCE '${a.logGroupName}' | fields @timestamp, @message | filter @message like /(?i)error/ | sort @timestamp desc | limit 50`,
            },
        });
    // Two widgets a row, in order.
    return { widgets: widgets.map((w, i) => ({ ...w, x: (i % 2) * WIDTH, y: Math.floor(i / 2) * HEIGHT, width: WIDTH, height: HEIGHT })) };
}
