// A WebService under mocks with fixed network, cluster, image, logs and roles: the specs vary
// only the stack's settings (and, for adopted VPCs, leave the CIDR to be looked up).
import { WebService, type WebServiceArgs } from "../../components/webService";
import type { ResourceRecord } from "../../plan/types";
import { record } from "./mocks";
import { settingsFor } from "./settings";

export function buildWebService(stack: string, raw: Record<string, string> = {}, extra: Partial<WebServiceArgs> = {}): Promise<ResourceRecord[]> {
    const s = settingsFor(stack, raw);
    return record(
        () =>
            new WebService(s.names.prefix, {
                settings: s,
                vpcId: "vpc-0123456789abcdef0",
                publicSubnetIds: ["subnet-00000000000000001", "subnet-00000000000000002"],
                privateSubnetIds: ["subnet-00000000000000003", "subnet-00000000000000004"],
                clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/web",
                clusterName: "web",
                imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev@sha256:" + "a".repeat(64),
                containerHealthCheck: true,
                logGroupName: "/ecs/web/dev",
                region: "us-east-1",
                executionRoleArn: "arn:aws:iam::123456789012:role/exec",
                taskRoleArn: "arn:aws:iam::123456789012:role/task",
                tags: { app: "web" },
                ...extra,
            }),
        stack,
    );
}
