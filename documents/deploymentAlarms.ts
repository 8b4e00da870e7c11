// The metrics of the alarms ECS watches during a deployment, over every target group the service
// uses. During a canary the new revision sits in its own target group with a small share of the
// requests: a rate per target group, then the worst of them, sees a failing canary that a rate
// over the whole load balancer would dilute below the threshold.
import type * as aws from "@pulumi/aws";

type MetricQuery = aws.types.input.cloudwatch.MetricAlarmMetricQuery;

const elbMetric = (metricName: string, loadBalancer: string, targetGroup: string, stat: string) => ({
    namespace: "AWS/ApplicationELB",
    metricName,
    dimensions: { LoadBalancer: loadBalancer, TargetGroup: targetGroup },
    period: 60,
    stat,
});

/** Percent of requests answered 5xx by targets, the worst target group's. */
export function fiveXxRateQueries(loadBalancer: string, targetGroups: string[]): MetricQuery[] {
    const perGroup = targetGroups.flatMap((tg, i): MetricQuery[] => [
        { id: `errors${i}`, metric: elbMetric("HTTPCode_Target_5XX_Count", loadBalancer, tg, "Sum") },
        { id: `requests${i}`, metric: elbMetric("RequestCount", loadBalancer, tg, "Sum") },
        // MAX([errors, requests]) is the request count, guarded against a period without requests.
        { id: `rate${i}`, expression: `100 * errors${i} / MAX([errors${i}, requests${i}])`, label: `5xx percent, target group ${i}` },
    ]);
    if (targetGroups.length === 1) return perGroup.map((q) => (q.id === "rate0" ? { ...q, label: "5xx percent", returnData: true } : q));
    const rates = targetGroups.map((_, i) => `rate${i}`).join(", ");
    return [...perGroup, { id: "worst", expression: `MAX([${rates}])`, label: "5xx percent, worst target group", returnData: true }];
}

/** Unhealthy targets, the worst target group's. */
export function unhealthyHostQueries(loadBalancer: string, targetGroups: string[]): MetricQuery[] {
    const perGroup = targetGroups.map((tg, i): MetricQuery => ({ id: `unhealthy${i}`, metric: elbMetric("UnHealthyHostCount", loadBalancer, tg, "Maximum") }));
    if (targetGroups.length === 1) return [{ ...perGroup[0]!, returnData: true }];
    const all = targetGroups.map((_, i) => `unhealthy${i}`).join(", ");
    return [...perGroup, { id: "worst", expression: `MAX([${all}])`, label: "Unhealthy targets, worst target group", returnData: true }];
}
