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
