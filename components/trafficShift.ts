import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { weightedForward } from "../documents/deployment";

export interface TrafficShiftArgs {
    alternateTargetGroupName: string;
    /** The same settings as the live target group: ECS moves the service between the two. */
    targetGroupArgs: aws.lb.TargetGroupArgs;
    liveTargetGroupArn: pulumi.Input<string>;
    loadBalancerArn: pulumi.Input<string>;
    /** The listener that serves production traffic (HTTPS with a certificate, else HTTP). */
    productionListenerArn: pulumi.Input<string>;
    testListenerPort: number;
    /** With a certificate the test listener speaks HTTPS like production, with the same TLS policy. */
    certificateArn?: pulumi.Input<string>;
    tlsPolicy: string;
    tags: Record<string, string>;
}

/**
 * What ECS blue/green, canary and linear deployments shift traffic with: a second target group,
 * a production listener rule, and a test listener (private port) with its rule. Both rules
 * forward by weight to the two target groups; ECS rewrites the weights during every deployment,
 * so the program ignores changes to the rules' actions instead of undoing ECS's last swap.
 */
export class TrafficShift extends pulumi.ComponentResource {
    readonly alternateTargetGroupArn: pulumi.Output<string>;
    readonly alternateTargetGroupArnSuffix: pulumi.Output<string>;
    readonly alternateTargetGroupName: pulumi.Output<string>;
    readonly productionListenerRuleArn: pulumi.Output<string>;
    readonly testListenerRuleArn: pulumi.Output<string>;
    /** The resources a service using these rules must wait for. */
    readonly resources: pulumi.Resource[];

    constructor(name: string, args: TrafficShiftArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:web:TrafficShift", name, {}, opts);
        const ruleOpts = { parent: this, ignoreChanges: ["actions"] };

        const alternate = new aws.lb.TargetGroup(args.alternateTargetGroupName, args.targetGroupArgs, { parent: this });
        const actions = weightedForward<pulumi.Input<string>>(args.liveTargetGroupArn, alternate.arn);
        const everything = [{ pathPattern: { values: ["/*"] } }];

        const production = new aws.lb.ListenerRule(
            `${name}-production-rule`,
            { listenerArn: args.productionListenerArn, priority: 100, conditions: everything, actions, tags: args.tags },
            ruleOpts,
        );
        const testListener = new aws.lb.Listener(
            `${name}-test`,
            {
                loadBalancerArn: args.loadBalancerArn,
                port: args.testListenerPort,
                protocol: args.certificateArn ? "HTTPS" : "HTTP",
                sslPolicy: args.certificateArn ? args.tlsPolicy : undefined,
                certificateArn: args.certificateArn,
                // Only the rule routes; anything it does not match is refused.
                defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "no test route" } }],
                tags: args.tags,
            },
            { parent: this },
        );
        const test = new aws.lb.ListenerRule(
            `${name}-test-rule`,
            { listenerArn: testListener.arn, priority: 100, conditions: everything, actions, tags: args.tags },
            ruleOpts,
        );

        this.alternateTargetGroupArn = alternate.arn;
        this.alternateTargetGroupArnSuffix = alternate.arnSuffix;
        this.alternateTargetGroupName = alternate.name;
        this.productionListenerRuleArn = production.arn;
        this.testListenerRuleArn = test.arn;
        this.resources = [production, testListener, test];
        this.registerOutputs({ productionListenerRuleArn: this.productionListenerRuleArn, testListenerRuleArn: this.testListenerRuleArn });
    }
}
