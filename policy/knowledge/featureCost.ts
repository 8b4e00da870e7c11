// Cost lines for the optional systems: EC2 container instances (with what the same tasks would cost
// on Fargate), the CI/CD pipeline, the dashboard, the edge (flow logs, WAF, Route 53) and Service Connect's namespace. Called by cost.ts; priced from featurePrices.json.
import prices from "./prices.json";
import featurePrices from "./featurePrices.json";
import { INSTANCE_TYPES, tasksPerInstance } from "./ec2Instances";
import { asRecords, at, knownProp, num, text } from "./values";

interface Priced {
    type: string;
    props: Record<string, unknown>;
}
type Add = (item: string, quantity: number, unit: string, unitUsd: number) => void;

/** Tasks of one service that run on EC2 capacity, with their size. */
export interface Ec2Tasks {
    count: number;
    cpu: number;
    memoryMiB: number;
    arch: "X86_64" | "ARM64";
}

const FARGATE_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];
const read = (r: Priced, key: string): unknown => knownProp(r.props, key);
/** A value read through the policy SDK's proxy, or `fallback` when some part is unknown at preview. */
function safe<T>(readValue: () => T, fallback: T): T {
    try {
        return readValue();
    } catch {
        return fallback;
    }
}
const ofType = (resources: Priced[], type: string) => resources.filter((r) => r.type === type);

/** A service runs on EC2 when it names the EC2 launch type or a capacity provider other than Fargate's. */
export function runsOnEc2(service: Priced): boolean {
    if (read(service, "launchType") === "EC2") return true;
    const providers = safe(() => asRecords(read(service, "capacityProviderStrategies")).map((s) => text(s.capacityProvider)), []);
    return providers.length > 0 && providers.every((p) => p !== "" && !FARGATE_PROVIDERS.includes(p));
}

interface Group {
    instanceType: string;
    instances: number;
    onDemandShare: number;
    volumeGb: number;
}

function groupsOf(resources: Priced[], tasks: Ec2Tasks[]): Group[] {
    const templates = ofType(resources, "aws:ec2/launchTemplate:LaunchTemplate");
    return ofType(resources, "aws:autoscaling/group:Group").map((asg, i) => {
        const mixed = read(asg, "mixedInstancesPolicy");
        // At preview the template's id is unknown: with one template in the stack, it is that one.
        const templateId = safe(
            () => at(mixed, "launchTemplate", "launchTemplateSpecification", "launchTemplateId") ?? at(read(asg, "launchTemplate"), "id"),
            undefined,
        );
        const template = templates.find((t) => templateId !== undefined && read(t, "id") === templateId) ?? templates[0];
        const override = safe(() => text(asRecords(at(mixed, "launchTemplate", "overrides"))[0]?.instanceType), "");
        const instanceType = override || text(template && read(template, "instanceType"));
        const instanceSpec = INSTANCE_TYPES[instanceType];
        // Managed scaling runs as many instances as the tasks need; the first group takes them all.
        const needed =
            i === 0 && instanceSpec
                ? tasks.reduce((n, t) => n + Math.ceil(t.count / Math.max(1, tasksPerInstance(instanceSpec, t.cpu, t.memoryMiB).tasks)), 0)
                : 0;
        const instances = Math.max(num(read(asg, "minSize"), 0), num(read(asg, "desiredCapacity"), 0), needed);
        const distribution = safe(() => at(mixed, "instancesDistribution"), undefined);
        const base = Math.min(
            instances,
            safe(() => num(at(distribution, "onDemandBaseCapacity"), 0), 0),
        );
        const above = mixed === undefined ? 100 : safe(() => num(at(distribution, "onDemandPercentageAboveBaseCapacity"), 100), 100);
        const onDemand = base + ((instances - base) * above) / 100;
        const volumes = template ? safe(() => asRecords(read(template, "blockDeviceMappings")).map((m) => num(at(m, "ebs", "volumeSize"), 0)), []) : [];
        const volumeGb = volumes.length > 0 ? volumes.reduce((sum, v) => sum + v, 0) : featurePrices.ec2.defaultRootVolumeGb;
        return { instanceType, instances, onDemandShare: instances > 0 ? onDemand / instances : 1, volumeGb };
    });
}

/** EC2 container instances and their volumes; returns the instances' Spot share for a like-for-like Fargate comparison. */
export function ec2CapacityLines(resources: Priced[], tasks: Ec2Tasks[], add: Add): number {
    const h = prices.hoursPerMonth;
    const hourly = featurePrices.ec2.instanceHour as Record<string, number>;
    let instances = 0;
    let spot = 0;
    for (const g of groupsOf(resources, tasks)) {
        const rate = hourly[g.instanceType];
        if (rate === undefined) continue;
        add(`EC2 ${g.instanceType} on-demand`, g.instances * g.onDemandShare * h, "instance-hours", rate);
        add(`EC2 ${g.instanceType} Spot`, g.instances * (1 - g.onDemandShare) * h, "instance-hours", rate * featurePrices.ec2.spotShareOfOnDemand);
        add("EBS gp3 (container instances)", g.instances * g.volumeGb, "GB-months", featurePrices.ec2.gp3GbMonth);
        instances += g.instances;
        spot += g.instances * (1 - g.onDemandShare);
    }
    return instances > 0 ? spot / instances : 0;
}

/** What the EC2 services' tasks would cost on Fargate, at the same Spot share. */
export function fargateEquivalentUsd(tasks: Ec2Tasks[], spotShare: number, multiplier: number): number {
    const rates = prices.regions["us-east-1"].fargate;
    let usd = 0;
    for (const t of tasks) {
        const r = rates[t.arch];
        const perHour = (rate: { vcpuHour: number; gbHour: number }) => (t.cpu / 1024) * rate.vcpuHour + (t.memoryMiB / 1024) * rate.gbHour;
        usd += t.count * prices.hoursPerMonth * ((1 - spotShare) * perHour(r.onDemand) + spotShare * perHour(r.spot));
    }
    return usd * multiplier;
}

/** CodeBuild minutes and CodePipeline action minutes, from the assumed runs per month. */
export function pipelineLines(resources: Priced[], add: Add): void {
    const a = featurePrices.assumptions;
    const pipelines = ofType(resources, "aws:codepipeline/pipeline:Pipeline");
    const projects = ofType(resources, "aws:codebuild/project:Project");
    if (pipelines.length + projects.length === 0) return;
    const runs = a.pipelineRunsPerMonth;
    for (const p of projects) {
        const kind = safe(() => text(at(read(p, "environment"), "type")), "") || "LINUX_CONTAINER";
        const compute = safe(() => text(at(read(p, "environment"), "computeType")), "") || "BUILD_GENERAL1_SMALL";
        const rate = (featurePrices.codebuildMinute as Record<string, Record<string, number>>)[kind]?.[compute];
        if (rate !== undefined)
            add(`CodeBuild ${text(read(p, "name")) || "project"} (${runs} runs assumed)`, runs * a.codebuildMinutesPerRun, "build-minutes", rate);
    }
    for (const p of pipelines) {
        if (read(p, "pipelineType") === "V2") {
            const actions = safe(() => asRecords(read(p, "stages")).reduce((n, stage) => n + asRecords(stage.actions).length, 0), 0);
            const minutes = runs * (a.sourceActionMinutes + Math.max(0, actions - 1) * a.codebuildMinutesPerRun);
            add("CodePipeline V2 action minutes", minutes, "action-minutes", featurePrices.codepipelineV2ActionMinute);
        } else add("CodePipeline V1 pipeline", 1, "pipelines", featurePrices.codepipelineV1PipelineMonth);
    }
}

export function dashboardLines(resources: Priced[], add: Add): void {
    add("CloudWatch dashboards", ofType(resources, "aws:cloudwatch/dashboard:Dashboard").length, "dashboards", featurePrices.dashboardMonth);
}

/** VPC flow logs: vended-log delivery per assumed GB (CloudWatch Logs, or the cheaper S3 delivery). */
export function flowLogLines(resources: Priced[], add: Add): void {
    const gb = featurePrices.assumptions.flowLogGbPerMonth;
    for (const flow of ofType(resources, "aws:ec2/flowLog:FlowLog")) {
        const s3 = read(flow, "logDestinationType") === "s3";
        add(
            `VPC flow log delivery to ${s3 ? "S3" : "CloudWatch Logs"} (${gb} GB assumed)`,
            gb,
            "GB",
            s3 ? featurePrices.flowLogs.s3DeliveryGb : featurePrices.flowLogs.cloudwatchIngestionGb,
        );
    }
}

/** WAFv2: each web ACL, each of its rules (a managed group counts as one), the assumed requests and logs. */
export function wafLines(resources: Priced[], add: Add): void {
    const acls = ofType(resources, "aws:wafv2/webAcl:WebAcl");
    if (acls.length === 0) return;
    const a = featurePrices.assumptions;
    const rules = acls.reduce((n, acl) => n + safe(() => asRecords(read(acl, "rules")).length, 0), 0);
    add("WAF web ACLs", acls.length, "web ACLs", featurePrices.waf.webAclMonth);
    add("WAF rules and managed rule groups", rules, "rules", featurePrices.waf.ruleMonth);
    add(
        `WAF requests (${a.wafMillionRequestsPerMonth} million assumed)`,
        acls.length * a.wafMillionRequestsPerMonth,
        "million requests",
        featurePrices.waf.millionRequests,
    );
    const logged = ofType(resources, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").length;
    add(`WAF log delivery (${a.wafLogGbPerMonth} GB assumed)`, logged * a.wafLogGbPerMonth, "GB", featurePrices.waf.logIngestionGb);
}

/** Route 53: zones the stack creates (an adopted zone is billed to its owner), and queries per record at the assumed volume. */
export function route53Lines(resources: Priced[], add: Add): void {
    const r = featurePrices.route53;
    add("Route 53 hosted zones", ofType(resources, "aws:route53/zone:Zone").length, "zones", r.hostedZoneMonth);
    const records = ofType(resources, "aws:route53/record:Record");
    const alias = records.filter((rec) => safe(() => asRecords(read(rec, "aliases")).length > 0, false)).length;
    const perRecord = featurePrices.assumptions.route53MillionQueriesPerRecord;
    add(
        `Route 53 alias queries to AWS resources (${perRecord} million per record assumed; free)`,
        alias * perRecord,
        "million queries",
        r.millionAliasQueriesToAws,
    );
    add(
        `Route 53 standard queries (${perRecord} million per record assumed)`,
        (records.length - alias) * perRecord,
        "million queries",
        r.millionStandardQueries,
    );
}

/** Cloud Map HTTP namespaces (Service Connect's): no hourly charge; its discovery calls come from the ECS agent, negligible. */
export function cloudMapLines(resources: Priced[], add: Add): void {
    add("Cloud Map HTTP namespaces (no hourly charge)", ofType(resources, "aws:servicediscovery/httpNamespace:HttpNamespace").length, "namespaces", 0);
}
