// The mock preview phase: what the engine hands the analyzer at `pulumi preview` (Check's
// autonames and defaults filled in, computed outputs unknown as the engine's sentinel), and the
// after-up phase for contrast.
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { autoname } from "../plan/providerCheck";
import { Phase, runProgram, runUnderMocks } from "../plan/runProgram";
import { evaluatePolicies } from "./policy/harness";
import { loadStackConfig } from "../plan/stackConfig";
import { ENGINE_UNKNOWN, unknownPaths } from "../plan/unknowns";
import { UNKNOWN } from "../policy/knowledge/unknowns";
import { ecsTaskAwsvpcNetworkMode } from "../policy/rules/taskDefinition";
import { PROJECT, ROOT, one } from "./support/mocks";

const stack = { project: PROJECT, stack: "test", config: { "aws:region": "eu-west-1" }, region: "eu-west-1" };

/** A repository, a role trusting ECS with the account from an invoke, and a task definition reading the repository URL. */
function smallProgram() {
    const repo = new aws.ecr.Repository("repo", { name: "web/test" });
    new aws.ec2.SecurityGroup("sg", { vpcId: "vpc-0123456789abcdef0" });
    const account = aws.getCallerIdentityOutput({}).accountId;
    const role = new aws.iam.Role("exec", { assumeRolePolicy: pulumi.jsonStringify({ Statement: [{ Principal: { AWS: account } }] }) });
    new aws.ecs.TaskDefinition("td", {
        family: "td",
        networkMode: "awsvpc",
        executionRoleArn: role.arn,
        containerDefinitions: pulumi.jsonStringify([{ name: "app", image: pulumi.interpolate`${repo.repositoryUrl}:v1` }]),
    });
    const adopted = aws.ec2.Vpc.get("adopted", "vpc-0123456789abcdef0");
    return { url: repo.repositoryUrl, name: repo.name, adoptedId: adopted.id };
}

const run = (phase: Phase) => runUnderMocks(stack, smallProgram, phase);

describe("mock preview phase", function () {
    this.timeout(120_000);

    it("records the engine's unknown sentinel, the policy SDK's own unknownStringValue", () => {
        assert.equal(ENGINE_UNKNOWN, unknownValue);
        assert.equal(ENGINE_UNKNOWN, UNKNOWN.string);
    });

    it("at preview, a new resource's computed outputs and every input built from them are unknown", async () => {
        const { resources } = await run("preview");
        const repo = one(resources, "aws:ecr/repository:Repository");
        assert.deepEqual(unknownPaths(repo, "outputs").sort(), ["arn", "id", "registryId", "repositoryUrl"]);
        const td = one(resources, "aws:ecs/taskDefinition:TaskDefinition");
        assert.deepEqual(unknownPaths(td).sort(), ["containerDefinitions", "executionRoleArn"]);
        assert.equal(td.inputs.containerDefinitions, ENGINE_UNKNOWN);
        assert.equal(td.inputs.family, "td", "literal inputs stay known");
    });

    it("at preview, invokes are known: an input built only from them is known", async () => {
        const { resources } = await run("preview");
        const role = one(resources, "aws:iam/role:Role");
        assert.equal(role.inputs.assumeRolePolicy, '{"Statement":[{"Principal":{"AWS":"123456789012"}}]}');
        assert.deepEqual(unknownPaths(role), []);
    });

    it("Check's autonames and schema defaults are in the inputs the analyzer sees, in both phases", async () => {
        for (const phase of ["preview", "up"] as const) {
            const { resources } = await run(phase);
            const role = one(resources, "aws:iam/role:Role");
            assert.equal(role.inputs.name, autoname("aws:iam/role:Role", "exec"), phase);
            assert.match(String(role.inputs.name), /^exec-[0-9a-f]{7}$/);
            assert.equal(one(resources, "aws:ecr/repository:Repository").inputs.imageTagMutability, "MUTABLE", phase);
            assert.equal(one(resources, "aws:ec2/securityGroup:SecurityGroup").inputs.description, "Managed by Pulumi", phase);
            assert.equal(one(resources, "aws:ecs/taskDefinition:TaskDefinition").inputs.name, undefined, "a task definition has no name to autoname");
        }
    });

    it("at preview, names given or autonamed are known outputs; a read resource is known", async () => {
        const { resources, result } = await run("preview");
        assert.equal(one(resources, "aws:ecr/repository:Repository").outputs.name, "web/test");
        assert.equal(one(resources, "aws:iam/role:Role").outputs.name, autoname("aws:iam/role:Role", "exec"));
        assert.equal(await new Promise((resolve) => result.adoptedId.apply(resolve)), "vpc-0123456789abcdef0");
    });

    it("after up nothing is unknown, and outputs carry ids and ARNs", async () => {
        const { resources } = await run("up");
        for (const r of resources) assert.deepEqual([...unknownPaths(r, "inputs"), ...unknownPaths(r, "outputs")], [], r.name);
        const repo = one(resources, "aws:ecr/repository:Repository");
        assert.equal(repo.outputs.repositoryUrl, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web/test");
        assert.equal(repo.outputs.arn, "arn:aws:ecr:eu-west-1:123456789012:repository/web/test");
    });

    it("runProgram: stack outputs unknown at preview come back as the sentinel", async () => {
        const config = loadStackConfig(ROOT, "dev");
        const preview = await runProgram(ROOT, config, undefined, "preview");
        const up = await runProgram(ROOT, config);
        assert.equal(preview.outputs.url, ENGINE_UNKNOWN, "the ALB's DNS name is computed");
        assert.equal(preview.outputs.logGroupName, "/ecs/web/dev", "an explicit name is known");
        assert.match(String(up.outputs.url), /^http:\/\/web-dev-.*\.elb\.amazonaws\.com$/);
        assert.deepEqual(preview.resources.map((r) => r.urn).sort(), up.resources.map((r) => r.urn).sort(), "same resources in both phases");
    });

    it("the policy server treats a recorded sentinel as unknown: an advisory 'can't run'", async () => {
        const { resources } = await runUnderMocks(
            stack,
            () =>
                new aws.ecs.TaskDefinition("td", {
                    family: "td",
                    networkMode: new aws.ecr.Repository("r", {}).arn.apply(() => "awsvpc"),
                    containerDefinitions: "[]",
                }),
            "preview",
        );
        const [v] = (await evaluatePolicies([ecsTaskAwsvpcNetworkMode], resources)).violations;
        assert.equal(v!.enforcementLevel, "advisory");
        assert.equal(v!.unverifiable, true);
        assert.match(
            v!.message,
            /can't run policy 'ecs-task-awsvpc-network-mode' .* during preview: string value at .networkMode can't be known during preview; make it known/,
        );
    });
});
