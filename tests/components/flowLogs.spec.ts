// VPC flow logs under mocks: the flow log, its log group and the role scoped to that group.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import { Network } from "../../components/network";
import { flowLogRolePolicy, flowLogTrustPolicy } from "../../documents/flowLogIam";
import type { ResourceRecord } from "../../plan/types";
import { json, one, ofType, record } from "../support/mocks";
import { settingsFor } from "../support/settings";

const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const flowLogs = { logGroupName: "/vpc/web/test/flow-logs", roleName: "web-test-flow-logs", retentionDays: 90, kms: true, protect: false };

describe("Flow logs", () => {
    describe("on a VPC the stack creates", () => {
        let resources: ResourceRecord[];
        before(async () => {
            resources = await record(() => new Network("web-test", { vpcCidr: "10.0.0.0/16", azCount: 2, egress: "endpoints-only", flowLogs, tags: {} }));
        });

        it("records all traffic of the VPC into its own log group, with retention and a KMS key", () => {
            const flow = one(resources, FLOW_LOG);
            const vpc = one(resources, "aws:ec2/vpc:Vpc");
            assert.equal(flow.inputs.vpcId, vpc.outputs.id);
            assert.equal(flow.inputs.trafficType, "ALL");
            assert.equal(flow.inputs.logDestinationType, "cloud-watch-logs");
            assert.equal(flow.inputs.logDestination, "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/web/test/flow-logs");
            assert.equal(flow.inputs.maxAggregationInterval, 600);
            const group = one(resources, LOG_GROUP);
            assert.equal(group.inputs.name, "/vpc/web/test/flow-logs");
            assert.equal(group.inputs.retentionInDays, 90);
            assert.equal(group.inputs.kmsKeyId, one(resources, "aws:kms/key:Key").outputs.arn);
        });

        it("writes through a role only vpc-flow-logs of this account assumes, allowed to write that group's streams", () => {
            const flow = one(resources, FLOW_LOG);
            const role = one(resources, "aws:iam/role:Role", "web-test-flow-logs");
            assert.equal(flow.inputs.iamRoleArn, role.outputs.arn);
            const place = { accountId: "123456789012", partition: "aws", region: "us-east-1" };
            assert.deepEqual(json(role.inputs.assumeRolePolicy), flowLogTrustPolicy(place));
            const policy = one(resources, "aws:iam/rolePolicy:RolePolicy", "web-test-flow-logs");
            assert.deepEqual(json(policy.inputs.policy), flowLogRolePolicy("arn:aws:logs:us-east-1:123456789012:log-group:/vpc/web/test/flow-logs"));
        });
    });

    it("trust and grants: this account's flow logs only, the group's streams only", () => {
        const trust = flowLogTrustPolicy({ accountId: "111122223333", partition: "aws-cn", region: "cn-north-1" });
        assert.deepEqual((trust.Statement as unknown[])[0], {
            Sid: "ThisServiceForThisResource",
            Effect: "Allow",
            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": "111122223333" },
                ArnLike: { "aws:SourceArn": "arn:aws-cn:ec2:cn-north-1:111122223333:vpc-flow-log/*" },
            },
        });
        assert.deepEqual((flowLogRolePolicy("arn:aws:logs:us-east-1:1:log-group:/g").Statement as unknown[])[0], {
            Sid: "WriteFlowLogStreams",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: ["arn:aws:logs:us-east-1:1:log-group:/g:*"],
        });
    });

    it("the app: prod has flow logs with the stack's retention and KMS; dev has none", async () => {
        const prod = await record(() => deployApp(settingsFor("prod")), "prod");
        const flow = one(prod, FLOW_LOG);
        assert.equal(flow.inputs.logDestination, "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/web/prod/flow-logs");
        const group = one(prod, LOG_GROUP, "web-prod-flow-logs");
        assert.equal(group.inputs.retentionInDays, 365);
        assert.notEqual(group.inputs.kmsKeyId, undefined);
        assert.equal(ofType(await record(() => deployApp(settingsFor("dev")), "dev"), FLOW_LOG).length, 0);
    });
});
