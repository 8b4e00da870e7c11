// The service's host name in its hosted zone: an alias to the ALB (A, and AAAA when the ALB is
// dual-stack), answered by Route 53 without a query charge and following the ALB's addresses.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DomainAliasArgs {
    domainName: string;
    zoneId: pulumi.Input<string>;
    albDnsName: pulumi.Input<string>;
    albZoneId: pulumi.Input<string>;
    /** Also an AAAA record (the ALB answers on IPv6). */
    ipv6: boolean;
}

export class DomainAlias extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: DomainAliasArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:edge:DomainAlias", name, {}, opts);

        for (const type of args.ipv6 ? ["A", "AAAA"] : ["A"]) {
            new aws.route53.Record(
                `${name}-${type.toLowerCase()}`,
                {
                    zoneId: args.zoneId,
                    name: args.domainName,
                    type,
                    // Target health: Route 53 stops answering with the ALB when none of its targets is healthy.
                    aliases: [{ name: args.albDnsName, zoneId: args.albZoneId, evaluateTargetHealth: true }],
                },
                { parent: this },
            );
        }

        this.url = pulumi.output(`https://${args.domainName}`);
        this.registerOutputs({ url: this.url });
    }
}
