import { strict as assert } from "node:assert";
import { unknownCheckingProxy } from "@pulumi/policy";
import { UNKNOWN } from "../../../policy/knowledge/unknowns";
import { UNKNOWN_INPUT, decisive, describeValue, effective, inputList, readInput } from "../../../policy/lib/providerDefaults";

const REPO = "aws:ecr/repository:Repository";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const SERVICE = "aws:ecs/service:Service";

describe("policy lib: provider defaults", () => {
    it("an omitted input and the default the provider fills in read the same", () => {
        assert.equal(effective(REPO, {}, "imageTagMutability"), "MUTABLE");
        assert.equal(effective(REPO, { imageTagMutability: "MUTABLE" }, "imageTagMutability"), "MUTABLE");
        assert.equal(effective(SG, {}, "description"), "Managed by Pulumi");
        assert.equal(effective(SERVICE, { networkConfiguration: {} }, "networkConfiguration.assignPublicIp"), false);
        assert.equal(effective("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: null }, "retentionInDays"), 0);
        assert.equal(describeValue(REPO, "imageTagMutability", "MUTABLE"), "MUTABLE (the default)");
        assert.equal(describeValue(REPO, "imageTagMutability", "IMMUTABLE"), "IMMUTABLE");
    });
    it("empty lists and strings are omissions", () => {
        assert.equal(effective(SERVICE, { networkConfiguration: { securityGroups: [] } }, "networkConfiguration.securityGroups"), undefined);
        assert.equal(effective(REPO, { encryptionConfigurations: [{ encryptionType: "" }] }, "encryptionConfigurations.0.encryptionType"), "AES256");
    });
    it("reads through the SDK's proxy without throwing, unknowns as UNKNOWN_INPUT", () => {
        const props = unknownCheckingProxy({ a: { b: UNKNOWN.string }, list: [1, UNKNOWN.string], whole: UNKNOWN.array });
        assert.equal(readInput(props, "a", "b"), UNKNOWN_INPUT);
        assert.equal(readInput(props, "whole", "0"), UNKNOWN_INPUT);
        assert.deepEqual(inputList(props, "list"), [1, UNKNOWN_INPUT]);
        assert.deepEqual(inputList(props, "whole"), []);
        assert.equal(readInput(props, "missing", "deeper"), undefined);
    });
    it("decisive reads let the SDK report an unknown the verdict depends on", () => {
        const props = unknownCheckingProxy({ imageTagMutability: UNKNOWN.string });
        assert.throws(() => decisive(REPO, props, "imageTagMutability"), /string value at .imageTagMutability can't be known during preview/);
        assert.equal(decisive(REPO, unknownCheckingProxy({}), "imageTagMutability"), "MUTABLE");
    });
});
