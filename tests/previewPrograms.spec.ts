// Programs written the common way, at preview: inline routes whose gateway id is unknown, and
// inputs built from outputs, which leave policies undecided unless failClosedAtPreview is on.
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { join } from "node:path";
import { Phase, runUnderMocks } from "../plan/runProgram";
import { evaluatePolicies, messages } from "./policy/harness";
import { ENGINE_UNKNOWN } from "../plan/unknowns";
import { ecsServicePrivateSubnets } from "../policy/rules/service";
import { PROJECT, ROOT } from "./support/mocks";
import { byPolicy, gate, runPhase } from "./support/phases";
import { policyConfigWith } from "./support/policyConfig";

const UNKNOWN_INPUTS = join(__dirname, "fixtures", "unknownInputsProgram.ts");

describe("programs at preview", function () {
    this.timeout(300_000);

    describe("graph rules follow property dependencies where ids are unknown", () => {
        /** A plain program: a service in a subnet whose route table has one inline route. */
        const inlineRoute = (phase: Phase, route: "igw" | "nat") =>
            runUnderMocks(
                { project: PROJECT, stack: "test", config: { "aws:region": "us-east-1" }, region: "us-east-1" },
                () => {
                    const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
                    const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
                    const edge = new aws.ec2.Subnet("edge", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24" });
                    const nat = new aws.ec2.NatGateway("nat", { subnetId: edge.id, allocationId: new aws.ec2.Eip("nat", { domain: "vpc" }).id });
                    const subnet = new aws.ec2.Subnet("apps", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
                    const routes = [route === "igw" ? { cidrBlock: "0.0.0.0/0", gatewayId: igw.id } : { cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }];
                    const table = new aws.ec2.RouteTable("apps", { vpcId: vpc.id, routes });
                    new aws.ec2.RouteTableAssociation("apps", { subnetId: subnet.id, routeTableId: table.id });
                    new aws.ecs.Service("svc", { taskDefinition: "web:1", networkConfiguration: { subnets: [subnet.id], assignPublicIp: false } });
                },
                phase,
            );

        it("inline routes: [{ gatewayId: igw.id }] is public at preview (gatewayId unknown) as after up", async () => {
            for (const phase of ["preview", "up"] as const) {
                const { resources } = await inlineRoute(phase, "igw");
                const table = resources.find((r) => r.type === "aws:ec2/routeTable:RouteTable")!;
                assert.equal((table.inputs.routes as { gatewayId: string }[])[0]!.gatewayId === ENGINE_UNKNOWN, phase === "preview", phase);
                const { violations } = await evaluatePolicies([ecsServicePrivateSubnets], resources);
                assert.deepEqual(
                    violations.map((v) => [v.enforcementLevel, messages([v])[0]]),
                    [["mandatory", "svc: runs in subnet apps, which is public: route table apps routes to an internet gateway (igw). Use a private subnet."]],
                    phase,
                );
            }
        });

        it("inline routes: [{ natGatewayId: nat.id }] is proven private at preview as after up", async () => {
            for (const phase of ["preview", "up"] as const) {
                const { resources } = await inlineRoute(phase, "nat");
                assert.deepEqual((await evaluatePolicies([ecsServicePrivateSubnets], resources)).violations, [], phase);
            }
        });
    });

    describe("failClosedAtPreview", () => {
        const CONTAINER_AND_IAM = [
            "ecs-awslogs-group-exists",
            "ecs-container-image-provenance",
            "ecs-container-log-configuration",
            "ecs-container-memory-limit",
            "ecs-container-no-plaintext-secrets",
            "ecs-container-non-root-user",
            "ecs-container-not-privileged",
            "ecs-container-readonly-root",
            "ecs-execution-role-least-privilege",
            "iam-no-admin-access",
            "iam-no-privilege-escalation",
            "iam-no-service-wildcards",
            "iam-no-wildcard-resource",
        ];

        it("off (dev): inputs built from outputs leave mandatory policies undecided, passing as advisory with a hint", async () => {
            const run = await runPhase({ stack: "dev", phase: "preview", programPath: UNKNOWN_INPUTS });
            assert.deepEqual(gate(run), { mandatory: [], undecided: CONTAINER_AND_IAM });
            const [v] = byPolicy(run.evaluation.violations, "ecs-container-log-configuration");
            assert.equal(v!.enforcementLevel, "advisory");
            assert.match(
                v!.message,
                /during preview: string value at .containerDefinitions can't be known during preview; make it known at preview by building it from explicit names/,
            );
        });

        it("on (prod.json): each undecidable mandatory policy fails the gate, naming the unknown property", async () => {
            const run = await runPhase({
                stack: "dev",
                phase: "preview",
                programPath: UNKNOWN_INPUTS,
                policyConfigPath: join(ROOT, "policy", "config", "prod.json"),
            });
            assert.deepEqual(gate(run).undecided, []);
            for (const name of CONTAINER_AND_IAM) assert.ok(gate(run).mandatory.includes(name), name);
            const [container] = byPolicy(run.evaluation.violations, "ecs-container-readonly-root");
            assert.equal(container!.enforcementLevel, "mandatory");
            assert.match(
                messages([container!])[0]!,
                /^app: containerDefinitions is unknown at preview, so this policy cannot decide before deploy \(failClosedAtPreview is on\)/,
            );
            const [policy] = byPolicy(run.evaluation.violations, "iam-no-service-wildcards");
            assert.match(messages([policy!])[0]!, /^execution: policy is unknown at preview/);
        });

        it("the same program after up is decided and clean of those policies", async () => {
            const run = await runPhase({
                stack: "dev",
                phase: "up",
                programPath: UNKNOWN_INPUTS,
                policyConfigPath: join(ROOT, "policy", "config", "prod.json"),
            });
            for (const name of CONTAINER_AND_IAM) assert.deepEqual(byPolicy(run.evaluation.violations, name), [], name);
        });

        it("a config that turns it on for one policy only fails that one", async () => {
            const policyConfigPath = policyConfigWith("dev", { "ecs-container-readonly-root": { failClosedAtPreview: true } });
            const run = await runPhase({ stack: "dev", phase: "preview", programPath: UNKNOWN_INPUTS, policyConfigPath });
            assert.deepEqual(gate(run).mandatory, ["ecs-container-readonly-root"]);
            assert.equal(gate(run).undecided.length, CONTAINER_AND_IAM.length - 1);
        });
    });
});
