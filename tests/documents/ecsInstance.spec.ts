import { strict as assert } from "node:assert";
import { ec2TrustPolicy, ecsInstanceRolePolicy, ecsUserData } from "../../documents/ecsInstance";
import { ECS_RESERVED_MEMORY_MIB, INSTANCE_TYPES, tasksPerInstance } from "../../policy/knowledge/ec2Instances";
import featurePrices from "../../policy/knowledge/featurePrices.json";
import { grantProblems } from "../support/iamData";

const statements = (doc: { Statement?: unknown }) => doc.Statement as { Sid: string; Action: string[]; Resource: string[] | string }[];

describe("ECS container instance documents", () => {
    it("user data joins the cluster and keeps awsvpc tasks away from the instance metadata service", () => {
        const script = ecsUserData({ clusterName: "web-dev", spot: false });
        assert.ok(script.startsWith("#!/bin/bash\ncat <<'EOF' >> /etc/ecs/ecs.config\n"));
        const config = script.split("\n").slice(2, -2);
        assert.deepEqual(config, [
            "ECS_CLUSTER=web-dev",
            "ECS_AWSVPC_BLOCK_IMDS=true",
            "ECS_ENABLE_TASK_IAM_ROLE=true",
            `ECS_RESERVED_MEMORY=${ECS_RESERVED_MEMORY_MIB}`,
        ]);
        assert.ok(ecsUserData({ clusterName: "web-dev", spot: true }).includes("ECS_ENABLE_SPOT_INSTANCE_DRAINING=true\nEOF\n"));
    });

    it("the instance role trusts EC2 only", () => {
        assert.deepEqual(ec2TrustPolicy().Statement, [
            { Sid: "Ec2Instances", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
        ]);
    });

    it("the agent's actions on this cluster and its instances only, as AWS's authorization data defines them; no ECR, no logs", async () => {
        const doc = ecsInstanceRolePolicy("aws", "us-east-1", "123456789012", "web-dev");
        assert.deepEqual(
            statements(doc).map((s) => s.Resource),
            ["*", ["arn:aws:ecs:us-east-1:123456789012:cluster/web-dev"], ["arn:aws:ecs:us-east-1:123456789012:container-instance/web-dev/*"]],
        );
        assert.deepEqual(statements(doc)[0]!.Action, ["ecs:DiscoverPollEndpoint"]);
        assert.deepEqual(await grantProblems(doc), []);
        const actions = statements(doc).flatMap((s) => s.Action);
        assert.ok(!actions.some((a) => a.startsWith("ecr:") || a.startsWith("logs:")), actions.join(", "));
    });

    it("tasks per instance: the least of cpu, memory after ECS's reservation, and network interfaces (one stays with the instance)", () => {
        assert.deepEqual(tasksPerInstance(INSTANCE_TYPES["t3.small"]!, 256, 512), { byCpu: 8, byMemory: 3, byEnis: 2, tasks: 2 });
        assert.deepEqual(tasksPerInstance(INSTANCE_TYPES["m6i.xlarge"]!, 1024, 2048), { byCpu: 4, byMemory: 7, byEnis: 3, tasks: 3 });
        assert.equal(tasksPerInstance(INSTANCE_TYPES["t3.micro"]!, 256, 1024).tasks, 0, "1 GiB minus the reservation holds no 1 GiB task");
    });

    it("every listed instance type has a price, and no price is for an unlisted type", () => {
        assert.deepEqual(Object.keys(featurePrices.ec2.instanceHour).sort(), Object.keys(INSTANCE_TYPES).sort());
    });
});
