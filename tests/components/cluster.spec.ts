import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { Cluster } from "../../components/cluster";
import { one, record } from "../support/mocks";

const tags = { app: "web" };

describe("Cluster under mocks", () => {
    it("Cluster: Container Insights on, both Fargate providers, Spot default when asked", async () => {
        const resources = await record(() => new Cluster("web-dev", { name: "web-dev", spot: true, tags }));
        assert.deepEqual(one(resources, "aws:ecs/cluster:Cluster").inputs.settings, [{ name: "containerInsights", value: "enabled" }]);
        const providers = one(resources, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").inputs;
        assert.deepEqual(providers.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
        assert.deepEqual(providers.defaultCapacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", weight: 1 }]);
        // Anything using the cluster waits for the capacity providers to be associated.
        const withService = await record(() => {
            const cluster = new Cluster("web-dev", { name: "web-dev", spot: true, tags });
            new aws.ecs.Service("svc", { cluster: cluster.arn });
        });
        const arnDeps = one(withService, "aws:ecs/service:Service").propertyDependencies.cluster ?? [];
        assert.ok(
            arnDeps.some((urn) => urn.includes("ClusterCapacityProviders")),
            JSON.stringify(arnDeps),
        );
    });
});
