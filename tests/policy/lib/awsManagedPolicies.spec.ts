// AWS managed policy documents as the pack reads them: not at start, once on first use.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { awsManagedDocument, isAwsManagedArn, managedPolicyDataAsOf } from "../../../policy/lib/awsManagedPolicies";
import { ROOT } from "../../support/mocks";

/** Loads the pack's policies in a fresh process, counting reads of the data file before and after the first lookups. */
const DATA_READS = `
const fs = require("node:fs");
const read = fs.readFileSync;
let reads = 0;
fs.readFileSync = function (path, ...rest) {
    if (String(path).endsWith("managedPolicies.json")) reads++;
    return read.call(this, path, ...rest);
};
require("./policy/policies");
const atStart = reads;
const { awsManagedDocument } = require("./policy/lib/awsManagedPolicies");
awsManagedDocument("arn:aws:iam::aws:policy/AdministratorAccess");
awsManagedDocument("arn:aws:iam::aws:policy/ReadOnlyAccess");
process.stdout.write(JSON.stringify({ atStart, afterTwoLookups: reads }));
`;

describe("policy lib: AWS managed policy data", () => {
    it("is not read when the pack starts, and read once when a rule first meets an AWS managed ARN", () => {
        const out = execFileSync(process.execPath, ["-r", "./scripts/transpileCache.js", "-e", DATA_READS], { cwd: ROOT, encoding: "utf8" });
        assert.deepEqual(JSON.parse(out), { atStart: 0, afterTwoLookups: 1 });
    });

    it("gives each policy's default version by ARN, in any partition, and nothing for other ARNs", () => {
        assert.deepEqual(awsManagedDocument("arn:aws:iam::aws:policy/AdministratorAccess"), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
        });
        assert.deepEqual(
            awsManagedDocument("arn:aws-cn:iam::aws:policy/AdministratorAccess"),
            awsManagedDocument("arn:aws:iam::aws:policy/AdministratorAccess"),
        );
        assert.ok(awsManagedDocument("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"), "a path in the ARN");
        assert.equal(awsManagedDocument("arn:aws:iam::aws:policy/NoSuchPolicyEver"), undefined);
        assert.equal(awsManagedDocument("arn:aws:iam::123456789012:policy/AdministratorAccess"), undefined, "a customer policy of the same name");
        assert.equal(isAwsManagedArn("arn:aws:iam::123456789012:policy/AdministratorAccess"), false);
        assert.match(managedPolicyDataAsOf(), /^\d{4}-\d\d-\d\d$/);
    });
});
