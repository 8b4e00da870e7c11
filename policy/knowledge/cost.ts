// Monthly cost estimate from a stack's resources: what they are and how many, priced from
// prices.json, with the usage assumptions (data volumes, pulls) the resources cannot tell.
// Used by the monthly-cost-budget policy and by the offline plan.
import { parseContainers } from "./containers";
import { CostAssumptions, CostInput, CostLine, DEFAULT_COST_ASSUMPTIONS, HOURS_PER_MONTH, MODEL_ASSUMPTIONS, PricedItem, regionPrices } from "./costModel";
import { egressItems, instanceItems } from "./costEgress";
import {
    Ec2Tasks,
    dashboardLines,
    ec2CapacityLines,
    fargateEquivalentUsd,
    flowLogLines,
    pipelineLines,
    route53Lines,
    cloudMapLines,
    runsOnEc2,
    wafLines,
} from "./featureCost";
import { isSecretsManagerArn } from "./secrets";
import { Kind, isKind } from "./types";
import { asList, asRecords, at, knownProp, num, parseDocument, text, truthy } from "./values";

export type { CostAssumptions, CostInput, CostLine } from "./costModel";
export { DEFAULT_COST_ASSUMPTIONS, PRICE_SOURCE, regionPrices } from "./costModel";

export interface CostEstimate {
    region: string;
    lines: CostLine[];
    totalUsd: number;
    /** The usage the estimate assumed. */
    assumptions: CostAssumptions;
    /** The same stack on another launch type, for comparison (set for stacks on EC2 capacity). */
    alternative?: { label: string; totalUsd: number };
}

// Unknown at preview: estimate without it.
const read = (r: CostInput, key: string): unknown => knownProp(r.props, key);

export function estimateMonthlyCost(resources: CostInput[], region = "us-east-1", assumptions: CostAssumptions = DEFAULT_COST_ASSUMPTIONS): CostEstimate {
    const { prices: p, multiplier } = regionPrices(region);
    const h = HOURS_PER_MONTH;
    const a = { ...MODEL_ASSUMPTIONS, ...assumptions };
    const lines: CostLine[] = [];
    const add = (item: string, quantity: number, unit: string, unitUsd: number) => {
        if (quantity > 0) lines.push({ item, quantity, unit, monthlyUsd: round(quantity * unitUsd * multiplier) });
    };
    const of = (kind: Kind) => resources.filter((r) => isKind(r.type, kind));

    const taskDefinitions = of("taskDefinition");
    let tasks = 0;
    const ec2Tasks: Ec2Tasks[] = [];
    for (const service of of("service")) {
        const td = taskDefinitions.find((t) => read(t, "arn") !== undefined && read(t, "arn") === read(service, "taskDefinition")) ?? taskDefinitions[0];
        if (!td) continue;
        const count = num(read(service, "desiredCount"), 1);
        tasks += count;
        const vcpu = num(read(td, "cpu"), 256) / 1024;
        const gb = num(read(td, "memory"), 512) / 1024;
        const arch = at(read(td, "runtimePlatform"), "cpuArchitecture") === "ARM64" ? "ARM64" : "X86_64";
        if (runsOnEc2(service)) {
            ec2Tasks.push({ count, cpu: vcpu * 1024, memoryMiB: gb * 1024, arch });
            continue;
        }
        const strategies = asRecords(read(service, "capacityProviderStrategies"));
        const totalWeight = strategies.reduce((s, x) => s + num(x.weight, 0), 0);
        const spotShare =
            totalWeight > 0 ? strategies.filter((x) => x.capacityProvider === "FARGATE_SPOT").reduce((s, x) => s + num(x.weight, 0), 0) / totalWeight : 0;
        const rates = p.fargate[arch];
        for (const [share, kind, rate] of [
            [1 - spotShare, "on-demand", rates.onDemand],
            [spotShare, "Spot", rates.spot],
        ] as const) {
            add(`Fargate ${arch} ${kind} vCPU`, count * share * vcpu * h, "vCPU-hours", rate.vcpuHour);
            add(`Fargate ${arch} ${kind} memory`, count * share * gb * h, "GB-hours", rate.gbHour);
        }
        const storage = num(at(read(td, "ephemeralStorage"), "sizeInGib"), 20);
        add("Fargate ephemeral storage over 20 GB", count * Math.max(0, storage - 20) * h, "GB-hours", p.fargate.ephemeralGbHourOver20);
    }

    const albs = of("loadBalancer").filter((lb) => (read(lb, "loadBalancerType") ?? "application") === "application");
    add("Application Load Balancer", albs.length * h, "hours", p.albHour);
    add("ALB capacity units (baseline)", albs.length * a.baselineLcu * h, "LCU-hours", p.lcuHour);
    const albIps = albs.filter((lb) => !truthy(read(lb, "internal"))).reduce((n, lb) => n + Math.max(2, asList(read(lb, "subnets")).length), 0);
    add("Public IPv4 (ALB, one per AZ)", albIps * h, "IP-hours", p.publicIpv4Hour);

    const priced = (items: PricedItem[]) => items.forEach((i) => add(i.item, i.quantity, i.unit, i.unitUsd));
    priced(egressItems(resources, tasks, a, p));
    priced(instanceItems(resources, p));

    const logGroups = of("logGroup");
    add("CloudWatch Logs ingestion", tasks * a.logGbPerTaskMonth, "GB", p.logIngestionGb);
    const retention = Math.max(1, ...logGroups.map((g) => num(read(g, "retentionInDays"), 3653)));
    add("CloudWatch Logs storage", tasks * a.logGbPerTaskMonth * Math.min(retention / 30, 12), "GB-months", p.logStorageGbMonth);

    const insightTasks = of("cluster").some((c) => asRecords(read(c, "settings")).some((s) => s.name === "containerInsights" && s.value !== "disabled"))
        ? tasks
        : 0;
    add("Container Insights", insightTasks, "task-months", p.containerInsightsTaskMonth);

    const kept = of("lifecyclePolicy").map((lp) =>
        num(at(asRecords(at(parseDocument(read(lp, "policy")), "value", "rules"))[0], "selection", "countNumber"), 0),
    );
    add("ECR storage", kept.reduce((s, n) => s + n, 0) * a.imageGb || of("repository").length * a.imageGb, "GB-months", p.ecrStorageGbMonth);

    const secrets = new Set(
        taskDefinitions.flatMap((td) => {
            const parsed = parseContainers(read(td, "containerDefinitions"));
            return parsed.ok
                ? parsed.containers.flatMap((c) =>
                      asRecords(c.secrets)
                          .map((s) => text(s.valueFrom))
                          .filter(isSecretsManagerArn),
                  )
                : [];
        }),
    );
    add("Secrets Manager secrets", secrets.size, "secrets", p.secretMonth);
    add("KMS keys", resources.filter((r) => r.type === "aws:kms/key:Key").length, "keys", p.kmsKeyMonth);
    const alarmMetrics = resources
        .filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")
        .reduce((n, r) => n + Math.max(1, asRecords(read(r, "metricQueries")).filter((q) => q.metric !== undefined).length), 0);
    add("CloudWatch alarm metrics", alarmMetrics, "metric-months", p.alarmMetricMonth);

    const before = lines.length;
    const ec2SpotShare = ec2CapacityLines(resources, ec2Tasks, add);
    const ec2Usd = lines.slice(before).reduce((s, l) => s + l.monthlyUsd, 0);
    pipelineLines(resources, add);
    dashboardLines(resources, add);
    flowLogLines(resources, add);
    wafLines(resources, add);
    route53Lines(resources, add);
    cloudMapLines(resources, add);

    const totalUsd = round(lines.reduce((s, l) => s + l.monthlyUsd, 0));
    const alternative =
        ec2Tasks.length > 0
            ? { label: "the same tasks on Fargate", totalUsd: round(totalUsd - ec2Usd + fargateEquivalentUsd(ec2Tasks, ec2SpotShare, multiplier)) }
            : undefined;
    return { region, lines, totalUsd, assumptions: { ...assumptions }, ...(alternative ? { alternative } : {}) };
}

const round = (n: number) => Math.round(n * 100) / 100;
