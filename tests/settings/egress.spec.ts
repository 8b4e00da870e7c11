import { strict as assert } from "node:assert";
import { DEFAULT_COST_ASSUMPTIONS } from "../../policy/knowledge/costModel";
import { requiredEndpoints } from "../../settings/egress";
import { readSettings } from "../../settings/settings";
import { settingsErrorFor, settingsFor } from "../support/settings";

const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-url-AbCdEf";
const PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/app/token";
const list = (...items: unknown[]) => JSON.stringify(items);

describe("settings: egress and cost assumptions", () => {
    describe("egress", () => {
        it("dev defaults to a t4g.nano NAT instance; staging and prod to a NAT gateway per AZ; no interface endpoints", () => {
            assert.deepEqual(
                (["dev", "staging", "prod"] as const).map((p) => settingsFor(p).egress),
                ["nat-instance", "nat-per-az", "nat-per-az"],
            );
            const dev = settingsFor("dev");
            assert.deepEqual([dev.egress, dev.natInstanceType, dev.interfaceEndpoints], ["nat-instance", "t4g.nano", []]);
        });

        it("takes any priced instance type for the NAT instance, and refuses others with the list", () => {
            assert.equal(settingsFor("dev", { natInstanceType: "t3.micro" }).natInstanceType, "t3.micro");
            assert.match(
                settingsErrorFor({ natInstanceType: "m5.24xlarge" }),
                /natInstanceType=m5\.24xlarge is not valid; allowed: t4g\.nano, t4g\.micro, .*c7gn\.medium \(the types the cost model prices/,
            );
        });

        it("refuses a NAT instance type the stack would not use, and a NAT instance on prod", () => {
            assert.match(
                settingsErrorFor({ egress: "nat-single", natInstanceType: "t4g.micro" }),
                /natInstanceType=t4g\.micro is set, but egress=nat-single runs no NAT instance; allowed: set it only with egress=nat-instance/,
            );
            assert.match(
                settingsErrorFor({ egress: "nat-instance" }, "prod"),
                /egress=nat-instance is not valid for profile prod; allowed: nat-per-az, nat-single, endpoints-only \(a NAT instance is one instance in one AZ: a single point of failure\)/,
            );
            assert.equal(settingsFor("staging", { egress: "nat-instance" }).egress, "nat-instance");
        });

        it("endpoints-only derives the endpoints tasks need from secrets and ECS Exec", () => {
            assert.deepEqual(settingsFor("dev", { egress: "endpoints-only" }).interfaceEndpoints, ["ecr.api", "ecr.dkr", "logs"]);
            const s = settingsFor("dev", {
                egress: "endpoints-only",
                enableExec: "true",
                secrets: list({ name: "DB_URL", valueFrom: SECRET }, { name: "TOKEN", valueFrom: PARAMETER }),
            });
            assert.deepEqual(s.interfaceEndpoints, ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ssmmessages"]);
            assert.deepEqual(requiredEndpoints({ secrets: [], enableExec: false }), ["ecr.api", "ecr.dkr", "logs"]);
        });

        it("a user's endpoint list is kept, and must include what endpoints-only needs", () => {
            assert.deepEqual(settingsFor("dev", { interfaceEndpoints: list("logs") }).interfaceEndpoints, ["logs"]);
            assert.deepEqual(
                settingsFor("dev", { egress: "endpoints-only", interfaceEndpoints: list("ecr.api", "ecr.dkr", "logs", "sts") }).interfaceEndpoints,
                ["ecr.api", "ecr.dkr", "logs", "sts"],
            );
            assert.match(
                settingsErrorFor({ egress: "endpoints-only", interfaceEndpoints: list("ecr.api", "ecr.dkr") }),
                /interfaceEndpoints=\["ecr\.api","ecr\.dkr"\] is not valid with egress=endpoints-only; allowed: a list that includes ecr\.api, ecr\.dkr, logs \(missing logs: without a NAT, tasks reach them only through endpoints\)/,
            );
        });

        it("refuses unknown services, duplicates and a non-list, naming the item", () => {
            assert.match(
                settingsErrorFor({ interfaceEndpoints: list("logs", "ecr") }),
                /interfaceEndpoints\[1\]=ecr is not valid; allowed: one of ecr\.api, ecr\.dkr, logs, /,
            );
            assert.match(
                settingsErrorFor({ interfaceEndpoints: list("logs", "logs") }),
                /interfaceEndpoints lists logs more than once; allowed: each service once/,
            );
            assert.match(settingsErrorFor({ interfaceEndpoints: '"logs"' }), /interfaceEndpoints=logs is not valid; allowed: a list of ecr\.api, /);
        });

        it("endpoints-only refuses an image tasks could not pull without a NAT", () => {
            assert.match(
                settingsErrorFor({ egress: "endpoints-only", image: "docker.io/library/nginx:1.27" }),
                /image=docker\.io\/library\/nginx:1\.27 is not valid with egress=endpoints-only; allowed: an ECR image in this stack's region/,
            );
            const ecrImage = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0";
            assert.equal(readSettings({ egress: "endpoints-only", image: ecrImage }, "dev", "fargate-web", "us-east-1").image, ecrImage);
            // Another region's registry has no endpoint in this VPC.
            assert.throws(
                () => readSettings({ egress: "endpoints-only", image: ecrImage }, "dev", "fargate-web", "eu-west-1"),
                /image=123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/web:1\.0 is not valid with egress=endpoints-only/,
            );
        });

        it("an adopted VPC brings its own egress: egress settings alongside it are refused", () => {
            const existingVpc = JSON.stringify({
                vpcId: "vpc-0123456789abcdef0",
                publicSubnetIds: ["subnet-01234567", "subnet-89abcdef"],
                privateSubnetIds: ["subnet-11234567", "subnet-99abcdef"],
            });
            assert.equal(settingsFor("dev", { existingVpc }).existingVpc?.vpcId, "vpc-0123456789abcdef0");
            const message = settingsErrorFor({ existingVpc, egress: "nat-single", interfaceEndpoints: list("logs") });
            assert.match(message, /egress is set together with existingVpc; allowed: leave it unset \(an adopted VPC brings its own egress/);
            assert.match(message, /interfaceEndpoints is set together with existingVpc/);
        });
    });

    describe("cost assumptions", () => {
        it("default to the model's assumptions and take decimal values", () => {
            assert.deepEqual(settingsFor("dev").costAssumptions, DEFAULT_COST_ASSUMPTIONS);
            const s = settingsFor("dev", { costImageGb: "0.45", costImagePullsPerMonth: "300", costLogGbPerTaskMonth: "2.5", costNatDataGbPerMonth: "0" });
            assert.deepEqual(s.costAssumptions, { imageGb: 0.45, imagePullsPerMonth: 300, logGbPerTaskMonth: 2.5, natDataGbPerMonth: 0 });
        });

        it("refuse negative, oversized and non-numeric values, naming key, value and range", () => {
            assert.match(settingsErrorFor({ costImageGb: "-1" }), /costImageGb=-1 is not valid; allowed: 0–100 GB/);
            assert.match(
                settingsErrorFor({ costImagePullsPerMonth: "lots" }),
                /costImagePullsPerMonth=lots is not valid; allowed: a decimal number in plain digits, 0–1000000/,
            );
            assert.match(settingsErrorFor({ costNatDataGbPerMonth: "2000000" }), /costNatDataGbPerMonth=2000000 is not valid; allowed: 0–1000000 GB/);
        });
    });
});
