// Features that are off until set, each one JSON object its own reader checks key by key.
import { group, setting } from "./declare";
import { OBJECT } from "./shapes";

export const PIPELINE = group("pipeline", {
    pipeline: setting(OBJECT, {
        ownReader: true,
        description:
            "CodePipeline: Source → Build (content-tagged image) → PolicyGate (`pulumi preview` with the pack) → Deploy (`pulumi up`, or the ECS action with `deploy: ecs`) ([pipeline.md](pipeline.md)). `artifactRetentionDays` defaults to 7 / 30 / 90.",
        allowed:
            "object `{ connectionArn, repository, branch, pulumiTokenSecretArn, deployRoleArn, previewRoleArn?, stack?, deploy?, policyConfig?, pulumiVersion?, artifactRetentionDays? }`",
    }),
});

export const SERVICE_CONNECT = group("serviceConnect", {
    serviceConnect: setting(OBJECT, {
        ownReader: true,
        description:
            "A Cloud Map HTTP namespace (the cluster's default) and Service Connect on the service's `http` port (`port` defaults to `containerPort`, `discoveryName` to `appName`), proxy logs to the stack's log group; the task group takes `port` from its own tasks and `peerSecurityGroupIds` ([edge-and-network.md](edge-and-network.md)).",
        allowed: "`{ namespace, port?, discoveryName?, clientAlias?: { port, dnsName? }, peerSecurityGroupIds? }`",
    }),
});
