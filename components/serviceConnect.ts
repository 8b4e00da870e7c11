// The service's Service Connect block: registered in the cluster's namespace under its discovery
// name, reachable by clients at the alias, with the proxy's logs in the stack's log group.
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { HTTP_PORT_NAME } from "../documents/containerDefinitions";
import type { SettingsOf } from "../settings/settings";

type Input = aws.types.input.ecs.ServiceServiceConnectConfiguration;

export function serviceConnectConfiguration(
    s: SettingsOf<"task" | "serviceConnect">,
    args: { namespaceArn?: pulumi.Input<string>; logGroupName: pulumi.Input<string>; region: pulumi.Input<string> },
): Input | undefined {
    const sc = s.serviceConnect;
    if (!sc || !args.namespaceArn) return undefined;
    return {
        enabled: true,
        namespace: args.namespaceArn,
        services: [
            {
                portName: HTTP_PORT_NAME,
                discoveryName: sc.discoveryName,
                // The proxy listens on the container port unless another port is asked for.
                ingressPortOverride: sc.port === s.containerPort ? undefined : sc.port,
                clientAlias: [{ port: sc.clientAlias.port, dnsName: sc.clientAlias.dnsName }],
            },
        ],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": args.logGroupName, "awslogs-region": args.region, "awslogs-stream-prefix": "service-connect" },
        },
    };
}
