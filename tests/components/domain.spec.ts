// The stack's own host name under mocks: the certificate, its DNS validation, the HTTPS listener
// waiting for it, and the alias to the ALB; both ways of naming the zone.
import { strict as assert } from "node:assert";
import { deployApp } from "../../components/app";
import { runUnderMocks } from "../../plan/runProgram";
import type { ResourceRecord } from "../../plan/types";
import { PROJECT, one, ofType } from "../support/mocks";
import { settingsFor } from "../support/settings";

const CERT = "aws:acm/certificate:Certificate";
const RECORD = "aws:route53/record:Record";
const byZoneName = JSON.stringify({ name: "app.example.com", zoneName: "example.com" });

async function run(raw: Record<string, string>, stack = "staging") {
    return runUnderMocks({ project: PROJECT, stack, config: { "aws:region": "us-east-1" }, region: "us-east-1" }, () => deployApp(settingsFor(stack, raw)));
}

describe("Domain", () => {
    describe("by zone name (looked up at preview)", () => {
        let resources: ResourceRecord[];
        let url: unknown;
        before(async () => {
            const result = await run({ domain: byZoneName });
            resources = result.resources;
            url = await new Promise((resolve) => result.result.url.apply(resolve));
        });

        it("a certificate for the name, validated by DNS", () => {
            const cert = one(resources, CERT);
            assert.equal(cert.inputs.domainName, "app.example.com");
            assert.equal(cert.inputs.validationMethod, "DNS");
            const validation = one(resources, "aws:acm/certificateValidation:CertificateValidation");
            assert.equal(validation.inputs.certificateArn, cert.outputs.arn);
            const record = one(resources, RECORD, "web-staging-certificate-validation");
            assert.deepEqual(validation.inputs.validationRecordFqdns, [record.outputs.fqdn]);
            const option = (cert.outputs.domainValidationOptions as Record<string, string>[])[0]!;
            assert.deepEqual(
                [record.inputs.name, record.inputs.type, record.inputs.records],
                [option.resourceRecordName, "CNAME", [option.resourceRecordValue]],
            );
        });

        it("the record goes into the zone found by name; the HTTPS listener takes the validated certificate", () => {
            const zoneIds = ofType(resources, RECORD).map((r) => r.inputs.zoneId);
            assert.equal(new Set(zoneIds).size, 1);
            assert.match(String(zoneIds[0]), /^Z[0-9A-F]{20}$/);
            const https = ofType(resources, "aws:lb/listener:Listener").find((l) => l.inputs.protocol === "HTTPS")!;
            assert.equal(https.inputs.certificateArn, one(resources, CERT).outputs.arn);
            assert.ok(
                https.propertyDependencies.certificateArn?.some((urn) => urn.includes("CertificateValidation")),
                "waits for validation",
            );
        });

        it("an A alias to the ALB that evaluates target health; the url is the name", () => {
            const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer");
            const alias = one(resources, RECORD, "web-staging-domain-a");
            assert.equal(alias.inputs.name, "app.example.com");
            assert.equal(alias.inputs.type, "A");
            assert.deepEqual(alias.inputs.aliases, [{ name: alb.outputs.dnsName, zoneId: alb.outputs.zoneId, evaluateTargetHealth: true }]);
            assert.equal(url, "https://app.example.com");
        });
    });

    it("by hosted zone id: that zone, no lookup", async () => {
        const { resources } = await run({ domain: JSON.stringify({ name: "app.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" }) });
        assert.deepEqual(
            ofType(resources, RECORD).map((r) => r.inputs.zoneId),
            ["Z0123456789ABCDEFGHIJ", "Z0123456789ABCDEFGHIJ"],
        );
    });

    it("without a domain, no certificate and no records", async () => {
        const { resources } = await run({}, "dev");
        assert.equal(ofType(resources, CERT).length + ofType(resources, RECORD).length, 0);
    });
});
