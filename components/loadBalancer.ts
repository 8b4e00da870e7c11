import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { HealthCheckSettings } from "../settings/settings";
import { TrafficShift } from "./trafficShift";

export interface LoadBalancerArgs {
    albName: string;
    targetGroupName: string;
    vpcId: pulumi.Input<string>;
    publicSubnetIds: pulumi.Input<string>[];
    securityGroupId: pulumi.Input<string>;
    containerPort: number;
    healthCheck: HealthCheckSettings;
    deregistrationDelaySeconds: number;
    deletionProtection: boolean;
    certificateArn?: pulumi.Input<string>;
    /** dualstack: the ALB answers on IPv6 too (its subnets need IPv6 blocks). */
    ipAddressType?: "ipv4" | "dualstack";
    tlsPolicy: string;
    accessLogsBucket?: string;
    /** Blue/green, canary and linear deployments: a second target group and the rules ECS reweights. */
    trafficShift?: { alternateTargetGroupName: string; testListenerPort: number };
    tags: Record<string, string>;
}

/** Internet-facing ALB, ip target group, and HTTP(S) listeners. */
export class LoadBalancer extends pulumi.ComponentResource {
    readonly dnsName: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    /** The ALB's hosted zone, for Route 53 aliases. */
    readonly zoneId: pulumi.Output<string>;
    readonly arnSuffix: pulumi.Output<string>;
    readonly targetGroupArn: pulumi.Output<string>;
    readonly targetGroupArnSuffix: pulumi.Output<string>;
    readonly loadBalancerName: pulumi.Output<string>;
    readonly targetGroupName: pulumi.Output<string>;
    readonly trafficShift?: TrafficShift;
    /** Listeners the service must wait for (a target group needs one before a service uses it). */
    readonly listeners: pulumi.Resource[];

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:LoadBalancer", name, {}, opts);

        const alb = new aws.lb.LoadBalancer(
            args.albName,
            {
                loadBalancerType: "application",
                internal: false,
                ipAddressType: args.ipAddressType ?? "ipv4",
                subnets: args.publicSubnetIds,
                securityGroups: [args.securityGroupId],
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "defensive",
                enableDeletionProtection: args.deletionProtection,
                idleTimeout: 60,
                accessLogs: args.accessLogsBucket ? { bucket: args.accessLogsBucket, enabled: true, prefix: args.albName } : undefined,
                tags: args.tags,
            },
            { parent: this },
        );

        const hc = args.healthCheck;
        const targetGroupArgs: aws.lb.TargetGroupArgs = {
            vpcId: args.vpcId,
            targetType: "ip",
            protocol: "HTTP",
            port: args.containerPort,
            deregistrationDelay: args.deregistrationDelaySeconds,
            healthCheck: {
                enabled: true,
                path: hc.path,
                protocol: "HTTP",
                port: "traffic-port",
                interval: hc.intervalSeconds,
                timeout: hc.timeoutSeconds,
                healthyThreshold: hc.healthyThreshold,
                unhealthyThreshold: hc.unhealthyThreshold,
                matcher: hc.matcher,
            },
            tags: args.tags,
        };
        const targetGroup = new aws.lb.TargetGroup(args.targetGroupName, targetGroupArgs, { parent: this });
        const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
        let production: aws.lb.Listener;

        if (args.certificateArn) {
            const https = new aws.lb.Listener(
                `${name}-https`,
                {
                    loadBalancerArn: alb.arn,
                    port: 443,
                    protocol: "HTTPS",
                    sslPolicy: args.tlsPolicy,
                    certificateArn: args.certificateArn,
                    defaultActions: forward,
                    tags: args.tags,
                },
                { parent: this },
            );
            const redirect = new aws.lb.Listener(
                `${name}-http`,
                {
                    loadBalancerArn: alb.arn,
                    port: 80,
                    protocol: "HTTP",
                    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                    tags: args.tags,
                },
                { parent: this },
            );
            this.listeners = [https, redirect];
            this.url = pulumi.interpolate`https://${alb.dnsName}`;
            production = https;
        } else {
            this.listeners = [
                new aws.lb.Listener(
                    `${name}-http`,
                    { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: forward, tags: args.tags },
                    { parent: this },
                ),
            ];
            this.url = pulumi.interpolate`http://${alb.dnsName}`;
            production = this.listeners[0] as aws.lb.Listener;
        }

        if (args.trafficShift) {
            this.trafficShift = new TrafficShift(
                name,
                {
                    ...args.trafficShift,
                    targetGroupArgs,
                    liveTargetGroupArn: targetGroup.arn,
                    loadBalancerArn: alb.arn,
                    productionListenerArn: production.arn,
                    certificateArn: args.certificateArn,
                    tlsPolicy: args.tlsPolicy,
                    tags: args.tags,
                },
                { parent: this },
            );
            this.listeners = [...this.listeners, ...this.trafficShift.resources];
        }

        this.dnsName = alb.dnsName;
        this.arn = alb.arn;
        this.zoneId = alb.zoneId;
        this.arnSuffix = alb.arnSuffix;
        this.targetGroupArn = targetGroup.arn;
        this.targetGroupArnSuffix = targetGroup.arnSuffix;
        this.loadBalancerName = alb.name;
        this.targetGroupName = targetGroup.name;
        this.registerOutputs({ url: this.url, dnsName: this.dnsName });
    }
}
