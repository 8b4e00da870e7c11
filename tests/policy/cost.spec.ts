// The cost model per egress mode: which lines each adds, at what price, where each data flow
// goes, the usage assumptions, and the same app priced with the common defaults.
import { strict as assert } from "node:assert";
import { CostInput, DEFAULT_COST_ASSUMPTIONS, estimateMonthlyCost } from "../../policy/knowledge/cost";
import { appAzCount, commonDefaultsEstimate, withCommonDefaults } from "../../policy/knowledge/costDefaults";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { monthlyCostBudget } from "../../policy/rules/cost";
import { messages, StackBuilder } from "./harness";

const SUBNETS = ["subnet-private-a", "subnet-private-b"];
/** One 0.25 vCPU / 0.5 GB task behind an ALB, in two private subnets. */
const app = (spot = true): CostInput[] => [
    { type: "aws:ecs/taskDefinition:TaskDefinition", props: { cpu: "256", memory: "512" } },
    {
        type: "aws:ecs/service:Service",
        props: {
            desiredCount: 1,
            capacityProviderStrategies: [{ capacityProvider: spot ? "FARGATE_SPOT" : "FARGATE", weight: 1 }],
            networkConfiguration: { subnets: SUBNETS, assignPublicIp: false },
        },
    },
    { type: "aws:lb/loadBalancer:LoadBalancer", props: { subnets: ["subnet-public-a", "subnet-public-b"] } },
];
const natGateways = (n: number): CostInput[] => Array.from({ length: n }, () => ({ type: "aws:ec2/natGateway:NatGateway", props: {} }));
const natInstance = (instanceType = "t4g.nano"): CostInput => ({
    type: "aws:ec2/instance:Instance",
    props: { id: "i-0nat", instanceType, sourceDestCheck: false, associatePublicIpAddress: true, rootBlockDevice: { volumeSize: 8 } },
});
const s3Gateway: CostInput = { type: "aws:ec2/vpcEndpoint:VpcEndpoint", props: { serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" } };
const interfaceEndpoint = (service: string, subnetIds: unknown = SUBNETS): CostInput => ({
    type: "aws:ec2/vpcEndpoint:VpcEndpoint",
    props: { serviceName: `com.amazonaws.us-east-1.${service}`, vpcEndpointType: "Interface", subnetIds },
});

/** item → [quantity, $/month] for the lines matching `pattern`. */
function lines(resources: CostInput[], pattern: RegExp, ...rest: Parameters<typeof estimateMonthlyCost> extends [unknown, ...infer R] ? R : never) {
    const estimate = estimateMonthlyCost(resources, ...rest);
    return Object.fromEntries(estimate.lines.filter((l) => pattern.test(l.item)).map((l) => [l.item, [l.quantity, l.monthlyUsd]]));
}
const EGRESS = /NAT|EC2|EBS|Public IPv4 \((NAT|EC2)|endpoint|Data via/;

describe("cost model: egress modes", () => {
    it("nat-single without endpoints: the gateway, its address, and every GB processed (image pulls, logs, app traffic)", () => {
        // 60 pulls × 0.2 GB + 1 task × 1 GB logs + 5 GB app traffic = 18 GB × $0.045.
        assert.deepEqual(lines([...app(), ...natGateways(1)], EGRESS), {
            "NAT gateway": [730, 32.85],
            "Public IPv4 (NAT EIPs)": [730, 3.65],
            "NAT gateway data processing": [18, 0.81],
        });
    });

    it("the S3 gateway endpoint is free and takes the image layers off the NAT", () => {
        assert.deepEqual(lines([...app(), ...natGateways(1), s3Gateway], EGRESS), {
            "NAT gateway": [730, 32.85],
            "Public IPv4 (NAT EIPs)": [730, 3.65],
            "Gateway endpoints (s3), free": [1, 0],
            "Data via gateway endpoints (image layers), free": [12, 0],
            "NAT gateway data processing": [6, 0.27],
        });
    });

    it("nat-per-az: a gateway and an address per AZ", () => {
        const l = lines([...app(), ...natGateways(3), s3Gateway], /^(NAT gateway|Public IPv4 \(NAT)/);
        assert.deepEqual(
            [l["NAT gateway"], l["Public IPv4 (NAT EIPs)"]],
            [
                [2190, 98.55],
                [2190, 10.95],
            ],
        );
    });

    it("nat-instance: instance hours from prices.json, its root volume and public address; no processing fee", () => {
        assert.deepEqual(lines([...app(), natInstance(), s3Gateway], EGRESS), {
            "Gateway endpoints (s3), free": [1, 0],
            "Data via gateway endpoints (image layers), free": [12, 0],
            "Data via the NAT instance, no processing fee": [6, 0],
            "EC2 t4g.nano (NAT instance)": [730, 3.07],
            "EBS gp3 root volume (NAT instance)": [8, 0.64],
            "Public IPv4 (NAT instance)": [730, 3.65],
        });
        assert.deepEqual(lines([...app(), natInstance("t3.micro")], /^EC2/), { "EC2 t3.micro (NAT instance)": [730, 7.59] });
    });

    it("an instance type without a price says so instead of pricing it at zero silently", () => {
        assert.deepEqual(lines([...app(), natInstance("m5.large")], /^EC2/), { "EC2 m5.large (NAT instance) — no price in prices.json": [730, 0] });
    });

    it("endpoints-only: interface endpoints per AZ-hour, logs through the logs endpoint per GB, no NAT", () => {
        const resources = [...app(), s3Gateway, ...["ecr.api", "ecr.dkr", "logs"].map((s) => interfaceEndpoint(s))];
        assert.deepEqual(lines(resources, EGRESS), {
            "Gateway endpoints (s3), free": [1, 0],
            "Interface endpoints (ecr.api, ecr.dkr, logs)": [3 * 2 * 730, 43.8],
            "Data via gateway endpoints (image layers), free": [12, 0],
            "Interface endpoint data processing": [1, 0.01],
        });
    });

    it("at preview an endpoint's unknown subnets count as two AZs; the NAT instance is priced from known inputs", () => {
        assert.deepEqual(lines([...app(), interfaceEndpoint("logs", UNKNOWN.array)], /^Interface endpoints/), {
            "Interface endpoints (logs)": [2 * 730, 14.6],
        });
        // Three subnets whose ids are not known yet are still three AZs.
        assert.deepEqual(lines([...app(), interfaceEndpoint("logs", [UNKNOWN.string, UNKNOWN.string, UNKNOWN.string])], /^Interface endpoints/), {
            "Interface endpoints (logs)": [3 * 730, 21.9],
        });
        const previewNat = { ...natInstance(), props: { ...natInstance().props, id: UNKNOWN.string, primaryNetworkInterfaceId: UNKNOWN.string } };
        assert.deepEqual(lines([...app(), previewNat], /^EC2/), { "EC2 t4g.nano (NAT instance)": [730, 3.07] });
    });

    it("usage assumptions move the data lines; the estimate carries them", () => {
        const heavy = { ...DEFAULT_COST_ASSUMPTIONS, imagePullsPerMonth: 300, natDataGbPerMonth: 100 };
        // 300 × 0.2 + 1 + 100 = 161 GB.
        assert.deepEqual(lines([...app(), ...natGateways(1)], /processing/, "us-east-1", heavy), { "NAT gateway data processing": [161, 7.25] });
        assert.deepEqual(estimateMonthlyCost(app(), "us-east-1", heavy).assumptions, heavy);
        assert.deepEqual(estimateMonthlyCost(app()).assumptions, DEFAULT_COST_ASSUMPTIONS);
    });

    it("regional multipliers apply to the new lines too", () => {
        assert.deepEqual(lines([...app(), natInstance()], /^EC2/, "eu-west-1"), { "EC2 t4g.nano (NAT instance)": [730, 3.37] });
    });
});

describe("cost model: the same app with the common defaults", () => {
    it("counts the app's AZs from its services, else its load balancer, else two", () => {
        assert.equal(appAzCount(app()), 2);
        assert.equal(appAzCount([{ type: "aws:lb/loadBalancer:LoadBalancer", props: { subnets: ["a", "b", "c"] } }]), 3);
        assert.equal(appAzCount([]), 2);
    });

    it("swaps the NAT instance, its alarm and the endpoints for a NAT gateway per AZ, and Spot for on-demand", () => {
        const alarm: CostInput = { type: "aws:cloudwatch/metricAlarm:MetricAlarm", props: { dimensions: { InstanceId: "i-0nat" } } };
        const otherAlarm: CostInput = { type: "aws:cloudwatch/metricAlarm:MetricAlarm", props: { dimensions: { LoadBalancer: "app/x" } } };
        const defaults = withCommonDefaults([...app(true), natInstance(), alarm, otherAlarm, s3Gateway, interfaceEndpoint("logs")]);
        assert.deepEqual(
            defaults.map((r) => r.type),
            [
                "aws:ecs/taskDefinition:TaskDefinition",
                "aws:ecs/service:Service",
                "aws:lb/loadBalancer:LoadBalancer",
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "aws:ec2/natGateway:NatGateway",
                "aws:ec2/natGateway:NatGateway",
            ],
        );
        assert.deepEqual(defaults[1]!.props.capacityProviderStrategies, [{ capacityProvider: "FARGATE", weight: 1 }]);
    });

    it("prices both and gives the ratio", () => {
        const ours = [...app(true), natInstance(), s3Gateway];
        const comparison = commonDefaultsEstimate(ours);
        const direct = estimateMonthlyCost([...app(false), ...natGateways(2)]);
        assert.equal(comparison.estimate.totalUsd, direct.totalUsd);
        assert.equal(comparison.ratio, Math.round((estimateMonthlyCost(ours).totalUsd / direct.totalUsd) * 100) / 100);
        assert.equal(comparison.description, "a NAT gateway in each of 2 AZs, no VPC endpoints, on-demand tasks");
        assert.ok(comparison.ratio < 0.5, String(comparison.ratio));
    });
});

describe("monthly-cost-budget over egress resources", () => {
    it("names interface endpoints among the largest items when they break the budget", async () => {
        const b = new StackBuilder()
            .add("aws:ecs/taskDefinition:TaskDefinition", "td", { cpu: "256", memory: "512" })
            .add("aws:ecs/service:Service", "svc", { desiredCount: 1 });
        for (const service of ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "sts"])
            b.add("aws:ec2/vpcEndpoint:VpcEndpoint", service, {
                serviceName: `com.amazonaws.us-east-1.${service}`,
                vpcEndpointType: "Interface",
                subnetIds: SUBNETS,
            });
        assert.match(
            messages(await b.check(monthlyCostBudget, { "monthly-cost-budget": { monthlyBudgetUsd: 50 } }))[0]!,
            /^estimated monthly cost \$\d+\.\d\d exceeds the budget of \$50\.00 \(largest: Interface endpoints \(ecr\.api, ecr\.dkr, logs, secretsmanager, ssm, sts\) \$87\.60/,
        );
    });
});
