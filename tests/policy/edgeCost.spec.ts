// The edge's cost lines: flow log delivery (and, as they land, WAF and Route 53).
import { strict as assert } from "node:assert";
import { CostInput, estimateMonthlyCost } from "../../policy/knowledge/cost";

function lines(resources: CostInput[], pattern: RegExp, region?: string) {
    const estimate = estimateMonthlyCost(resources, region);
    return Object.fromEntries(estimate.lines.filter((l) => pattern.test(l.item)).map((l) => [l.item, [l.quantity, l.monthlyUsd]]));
}

describe("cost model: the edge", () => {
    it("flow logs: the assumed GB per flow log at the vended-log price of its destination", () => {
        const flows: CostInput[] = [
            { type: "aws:ec2/flowLog:FlowLog", props: { logDestinationType: "cloud-watch-logs", trafficType: "ALL" } },
            { type: "aws:ec2/flowLog:FlowLog", props: { logDestinationType: "s3", trafficType: "ALL" } },
        ];
        assert.deepEqual(lines(flows, /flow log/), {
            "VPC flow log delivery to CloudWatch Logs (5 GB assumed)": [5, 2.5],
            "VPC flow log delivery to S3 (5 GB assumed)": [5, 1.25],
        });
        assert.deepEqual(lines([], /flow log/), {});
    });
});

describe("cost model: WAF", () => {
    const acl = (rules: number): CostInput => ({
        type: "aws:wafv2/webAcl:WebAcl",
        props: { scope: "REGIONAL", rules: Array.from({ length: rules }, (_, i) => ({ name: `r${i}`, priority: i })) },
    });
    it("the web ACL, each rule, the assumed requests and, when logged, the log delivery", () => {
        const logging: CostInput = { type: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", props: {} };
        assert.deepEqual(lines([acl(4), logging], /WAF/), {
            "WAF web ACLs": [1, 5],
            "WAF rules and managed rule groups": [4, 4],
            "WAF requests (10 million assumed)": [10, 6],
            "WAF log delivery (2 GB assumed)": [2, 1],
        });
        assert.deepEqual(Object.keys(lines([acl(1)], /WAF/)), ["WAF web ACLs", "WAF rules and managed rule groups", "WAF requests (10 million assumed)"]);
        assert.deepEqual(lines([], /WAF/), {});
    });
    it("regional multipliers apply", () => {
        const [, usd] = lines([acl(0)], /WAF web ACLs/, "eu-west-1")["WAF web ACLs"]!;
        assert.ok(usd! > 5, `eu-west-1 costs more than us-east-1: ${usd}`);
    });
});

describe("cost model: Route 53", () => {
    const record = (props: Record<string, unknown>): CostInput => ({ type: "aws:route53/record:Record", props });
    const alias = record({ name: "app.example.com", type: "A", aliases: [{ name: "alb.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K" }] });
    const validation = record({ name: "_abc.app.example.com.", type: "CNAME", records: ["_x.acm-validations.aws."] });
    it("alias queries to the ALB are free; other records' queries at the standard price; an adopted zone costs the stack nothing", () => {
        assert.deepEqual(lines([alias, validation], /Route 53/), {
            "Route 53 alias queries to AWS resources (1 million per record assumed; free)": [1, 0],
            "Route 53 standard queries (1 million per record assumed)": [1, 0.4],
        });
    });
    it("a zone the stack creates is priced", () => {
        assert.deepEqual(lines([{ type: "aws:route53/zone:Zone", props: { name: "example.com" } }], /Route 53/), { "Route 53 hosted zones": [1, 0.5] });
    });
});

describe("cost model: Service Connect", () => {
    it("a Cloud Map HTTP namespace shows at $0 (no hourly charge)", () => {
        const namespace: CostInput = { type: "aws:servicediscovery/httpNamespace:HttpNamespace", props: { name: "web.internal" } };
        assert.deepEqual(lines([namespace], /Cloud Map/), { "Cloud Map HTTP namespaces (no hourly charge)": [1, 0] });
        assert.deepEqual(lines([], /Cloud Map/), {});
    });
});
