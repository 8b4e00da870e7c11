import { strict as assert } from "node:assert";
import { settingsErrorFor, settingsFor } from "../support/settings";

const existingVpc = JSON.stringify({
    vpcId: "vpc-0123456789abcdef0",
    publicSubnetIds: ["subnet-01234567", "subnet-89abcdef"],
    privateSubnetIds: ["subnet-11234567", "subnet-99abcdef"],
});

describe("settings: edge and network", () => {
    describe("flowLogs", () => {
        it("on for prod, off for dev and staging, and settable", () => {
            assert.deepEqual(
                ["dev", "staging", "prod"].map((stack) => settingsFor(stack).flowLogs),
                [false, false, true],
            );
            assert.equal(settingsFor("dev", { flowLogs: "true" }).flowLogs, true);
            assert.equal(settingsFor("prod", { flowLogs: "false" }).flowLogs, false);
        });
        it("an adopted VPC's flow logs are not the stack's: the prod default steps aside, an explicit true is refused", () => {
            assert.equal(settingsFor("prod", { existingVpc }).flowLogs, false);
            assert.match(settingsErrorFor({ existingVpc, flowLogs: "true" }), /flowLogs=true is not valid with existingVpc; allowed: false/);
            assert.match(settingsErrorFor({ flowLogs: "yes" }), /flowLogs/);
        });
    });
});

describe("settings: waf", () => {
    it("on for prod with a 2000-request limit, off for dev and staging", () => {
        assert.deepEqual(
            ["dev", "staging", "prod"].map((stack) => settingsFor(stack).waf),
            [undefined, undefined, { rateLimitPer5Minutes: 2000 }],
        );
        assert.deepEqual(settingsFor("dev", { waf: "true", wafRateLimit: "100" }).waf, { rateLimitPer5Minutes: 100 });
        assert.equal(settingsFor("prod", { waf: "false" }).waf, undefined);
    });
    it("refuses a limit outside AWS's range, and a limit without the firewall", () => {
        assert.match(
            settingsErrorFor({ waf: "true", wafRateLimit: "5" }),
            /wafRateLimit=5 is not valid; allowed: 10–2000000000 requests per client IP in 5 minutes/,
        );
        assert.match(settingsErrorFor({ wafRateLimit: "500" }), /wafRateLimit is set but waf is off; allowed: set waf=true too, or leave wafRateLimit unset/);
    });
});

describe("settings: domain", () => {
    it("unset by default; a name with its zone by id or by name (normalised to lower case, no trailing dot)", () => {
        assert.deepEqual(
            ["dev", "staging", "prod"].map((stack) => settingsFor(stack).domain),
            [undefined, undefined, undefined],
        );
        assert.deepEqual(settingsFor("dev", { domain: JSON.stringify({ name: "App.Example.com", zoneName: "example.com." }) }).domain, {
            name: "app.example.com",
            zoneName: "example.com",
        });
        assert.deepEqual(settingsFor("dev", { domain: JSON.stringify({ name: "example.com", hostedZoneId: "Z0123ABC" }) }).domain, {
            name: "example.com",
            hostedZoneId: "Z0123ABC",
        });
    });
    it("refuses a bad shape, a bad name, a zone that does not contain the name, a bad zone id, and certificateArn alongside", () => {
        assert.match(
            settingsErrorFor({ domain: JSON.stringify({ name: "app.example.com" }) }),
            /domain=.* is not valid; allowed: .*exactly one of hostedZoneId, zoneName/,
        );
        assert.match(
            settingsErrorFor({ domain: JSON.stringify({ name: "*.example.com", zoneName: "example.com" }) }),
            /domain\.name=\*\.example\.com is not valid; allowed: a host name/,
        );
        assert.match(
            settingsErrorFor({ domain: JSON.stringify({ name: "app.example.org", zoneName: "example.com" }) }),
            /domain\.zoneName=example\.com is not valid; allowed: a public zone that contains app\.example\.org/,
        );
        assert.match(settingsErrorFor({ domain: JSON.stringify({ name: "a.example.com", hostedZoneId: "zabc" }) }), /domain\.hostedZoneId=zabc is not valid/);
        assert.match(
            settingsErrorFor({ domain: JSON.stringify({ name: "a.example.com", zoneName: "example.com", ttl: 60 }) }),
            /domain\.ttl is not a key of domain; allowed: name, hostedZoneId, zoneName/,
        );
        const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
        assert.match(
            settingsErrorFor({ certificateArn, domain: JSON.stringify({ name: "a.example.com", zoneName: "example.com" }) }),
            /certificateArn is set together with domain; allowed: one of them/,
        );
    });
});

describe("settings: ipAddressType", () => {
    it("ipv4 on every profile; dualstack when asked; refused with an adopted VPC and for other values", () => {
        assert.deepEqual(
            ["dev", "staging", "prod"].map((stack) => settingsFor(stack).ipAddressType),
            ["ipv4", "ipv4", "ipv4"],
        );
        assert.equal(settingsFor("prod", { ipAddressType: "dualstack" }).ipAddressType, "dualstack");
        assert.match(settingsErrorFor({ existingVpc, ipAddressType: "dualstack" }), /ipAddressType=dualstack is not valid with existingVpc; allowed: ipv4/);
        assert.match(settingsErrorFor({ ipAddressType: "ipv6" }), /ipAddressType=ipv6 is not valid; allowed: ipv4, dualstack/);
    });
});
