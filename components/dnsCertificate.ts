// The service's own certificate: ACM, validated by a DNS record in the stack's hosted zone. The
// listener takes the validation's ARN, so HTTPS comes up only once the certificate is issued.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DomainSettings } from "../settings/settings";

/** The zone's id: given, or looked up by name (an invoke, so known at preview). */
export function hostedZoneIdOf(domain: DomainSettings, opts: pulumi.InvokeOutputOptions): pulumi.Output<string> {
    return domain.hostedZoneId !== undefined
        ? pulumi.output(domain.hostedZoneId)
        : aws.route53.getZoneOutput({ name: domain.zoneName, privateZone: false }, opts).zoneId;
}

export interface DnsCertificateArgs {
    domainName: string;
    zoneId: pulumi.Input<string>;
    tags: Record<string, string>;
}

export class DnsCertificate extends pulumi.ComponentResource {
    /** The certificate's ARN once validated (listeners wait for it). */
    readonly certificateArn: pulumi.Output<string>;

    constructor(name: string, args: DnsCertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:edge:DnsCertificate", name, {}, opts);

        const certificate = new aws.acm.Certificate(
            name,
            { domainName: args.domainName, validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", tags: { ...args.tags, Name: args.domainName } },
            // A replacement certificate must be issued before the listener lets go of the old one.
            { parent: this, deleteBeforeReplace: false },
        );
        // One name, so one validation record; its name and value are chosen by ACM (unknown at preview).
        const option = certificate.domainValidationOptions.apply((options) => options[0]!);
        const record = new aws.route53.Record(
            `${name}-validation`,
            {
                zoneId: args.zoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 300,
                // ACM reuses the same record for a re-issued certificate of the same name.
                allowOverwrite: true,
            },
            { parent: this },
        );
        const validation = new aws.acm.CertificateValidation(name, { certificateArn: certificate.arn, validationRecordFqdns: [record.fqdn] }, { parent: this });

        this.certificateArn = validation.certificateArn;
        this.registerOutputs({ certificateArn: this.certificateArn });
    }
}
