// Settings that used to pass validation and then broke at deploy: reserved environment names,
// unknown regions, mistyped `aws:` keys, two limits for one value, typos without a hint.
import { strict as assert } from "node:assert";
import { Region } from "@pulumi/aws/types/enums";
import { programEnvironment } from "../../documents/containerDefinitions";
import { AWS_REGIONS } from "../../policy/knowledge/regions";
import { RESERVED_ENVIRONMENT } from "../../settings/reservedEnvironment";
import { readSettings } from "../../settings/settings";
import { settingsErrorFor } from "../support/settings";

/** The SettingsError text for bad raw config and AWS provider config. */
function errorWithAws(raw: Record<string, string>, aws: Record<string, string>, stack = "dev"): string {
    try {
        readSettings(raw, stack, "fargate-web", aws.region, aws);
    } catch (e) {
        return (e as Error).message;
    }
    throw new Error(`settings were accepted: ${JSON.stringify({ raw, aws })}`);
}

const problemLines = (message: string) => message.split("\n").filter((l) => l.startsWith("  - "));

describe("settings that would break at deploy", () => {
    describe("reserved environment names are refused with the key that owns them", () => {
        it("PORT belongs to containerPort (the port the load balancer checks)", () => {
            const message = settingsErrorFor({ environment: JSON.stringify({ PORT: "80" }) });
            assert.match(message, /environment\.PORT is set by the program from containerPort .*; allowed: set containerPort instead/);
        });

        it("the region variables belong to aws:region, credentials to the task role, metadata to ECS", () => {
            const message = settingsErrorFor({
                environment: JSON.stringify({ AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "x", ECS_CONTAINER_METADATA_URI_V4: "http://x" }),
            });
            assert.match(message, /environment\.AWS_REGION is set by ECS from aws:region; allowed: set aws:region instead/);
            assert.match(message, /environment\.AWS_ACCESS_KEY_ID is set by ECS from the task role .*; allowed: grant access with s3Grants/);
            assert.match(message, /environment\.ECS_CONTAINER_METADATA_URI_V4 is set by ECS in every task; allowed: leave it to ECS/);
            assert.equal(problemLines(message).length, 3, "one message per name, not also 'looks like a secret'");
        });

        it("a secret may not take a reserved name either", () => {
            const message = settingsErrorFor({
                secrets: JSON.stringify([{ name: "PORT", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:port-AbCdEf" }]),
            });
            assert.match(message, /secrets\[0\]\.name=PORT is set by the program from containerPort/);
        });

        it("every variable the program sets in the container is reserved for its setting", () => {
            for (const name of Object.keys(programEnvironment({ port: 8080 }))) {
                assert.ok(name in RESERVED_ENVIRONMENT, `${name} is set by the program but not reserved`);
                assert.equal(RESERVED_ENVIRONMENT[name]!.setBy, "the program", name);
            }
        });

        it("ordinary names pass", () => {
            assert.doesNotThrow(() => readSettings({ environment: JSON.stringify({ LOG_LEVEL: "debug", PORTAL_URL: "https://x" }) }, "dev"));
        });
    });

    describe("aws:region is checked against the list of AWS regions", () => {
        it("eu-west-9 is refused, naming the key, the value and close matches", () => {
            const message = errorWithAws({}, { region: "eu-west-9" });
            assert.match(message, /aws:region=eu-west-9 is not valid; allowed: an AWS region code; did you mean eu-west-1, eu-west-2 or eu-west-3\?/);
        });

        it("a value far from any region lists them all", () => {
            const message = errorWithAws({}, { region: "moon-base-1" });
            assert.match(message, /aws:region=moon-base-1 is not valid; allowed: one of af-south-1, ap-east-1, .*us-west-2/);
        });

        it("every region works, and an unset region is left to the provider", () => {
            for (const region of AWS_REGIONS) assert.equal(readSettings({}, "dev", "fargate-web", region, { region }).region, region);
            assert.equal(readSettings({}, "dev").region, undefined);
        });

        it("the list is the AWS provider's own region list", () => {
            assert.deepEqual([...AWS_REGIONS].sort(), Object.values(Region).sort());
        });
    });

    describe("aws: keys are checked like the program's own", () => {
        it("a typo is refused with a suggestion", () => {
            const message = errorWithAws({}, { regin: "eu-west-1" });
            assert.match(message, /aws:regin is not a setting of the AWS provider; did you mean aws:region\?/);
        });

        it("a key unlike any lists the provider's keys", () => {
            const message = errorWithAws({}, { colour: "blue" });
            assert.match(message, /aws:colour is not a setting of the AWS provider; allowed keys: .*defaultTags.*region/);
        });

        it("real provider keys pass", () => {
            assert.doesNotThrow(() =>
                readSettings({}, "dev", "fargate-web", "us-east-1", {
                    region: "us-east-1",
                    defaultTags: "{}",
                    skipCredentialsValidation: "true",
                    profile: "ops",
                }),
            );
        });
    });

    describe("one limit per message", () => {
        for (const appName of ["MyApp", "9lives", "a", "web_app", "x".repeat(40), "internal"]) {
            it(`appName=${appName} gets exactly one problem`, () => {
                const lines = problemLines(settingsErrorFor({ appName }));
                assert.equal(lines.length, 1, lines.join("\n"));
                assert.match(lines[0]!, new RegExp(`appName=${appName} is not valid; allowed: `));
            });
        }
    });

    describe("did you mean", () => {
        it("suggests the key a typo was meant to be", () => {
            assert.match(settingsErrorFor({ desiredcount: "2" }), /desiredcount is not a setting of this program; did you mean desiredCount\?/);
            assert.match(settingsErrorFor({ cpuArchitecure: "ARM64" }), /cpuArchitecure is not a setting of this program; did you mean cpuArchitecture\?/);
            assert.match(settingsErrorFor({ healthCheckPth: "/" }), /did you mean healthCheckPath\?/);
        });

        it("lists the keys when nothing is close", () => {
            assert.match(settingsErrorFor({ zzz: "1" }), /zzz is not a setting of this program; allowed keys: .*appName.*containerPort.*vpcCidr/);
        });

        it("suggests values of a closed list", () => {
            assert.match(
                settingsErrorFor({ egress: "nat-singel" }),
                /egress=nat-singel is not valid; allowed: [^;]*nat-single[^;]*; did you mean nat-single\?/,
            );
        });
    });
});
