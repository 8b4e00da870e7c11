// The settings and the pack share one idea of a secret-looking name; this proves they agree on
// behaviour: whatever name the pack would reject in a container, the settings refuse first.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { ecsContainerNoPlaintextSecrets } from "../../policy/rules/container";
import { goodContainer, taskDefinition } from "../policy/fixtures";
import { checkRaw, TASK_DEFINITION } from "../policy/harness";
import { settingsErrorFor, settingsFor } from "../support/settings";

const WORDS = ["S3", "ACCESS", "KEY", "API", "APIKEY", "TOKEN", "DB", "PASSWORD", "PASSWD", "SECRET", "CREDENTIALS", "PRIVATE", "HOST", "LOG", "LEVEL", "URL"];

async function packRejects(name: string): Promise<boolean> {
    const props = taskDefinition([{ ...goodContainer, environment: [{ name, value: "abc" }] }]);
    return (await checkRaw(ecsContainerNoPlaintextSecrets, TASK_DEFINITION, props)).length > 0;
}

function settingsRefuse(name: string): boolean {
    try {
        settingsFor("dev", { environment: JSON.stringify({ [name]: "abc" }) });
        return false;
    } catch {
        return true;
    }
}

describe("settings: secret-looking environment names", () => {
    it("refuse S3_ACCESS_KEY, which the pack rejects (the drift that once let the plan exit 1)", async () => {
        assert.equal(await packRejects("S3_ACCESS_KEY"), true);
        assert.match(settingsErrorFor({ environment: JSON.stringify({ S3_ACCESS_KEY: "abc" }) }), /environment\.S3_ACCESS_KEY looks like a secret/);
    });

    it("refuse every name the pack would reject, and accept the others", async () => {
        const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("_"));
        await fc.assert(
            fc.asyncProperty(name, async (n) => {
                assert.equal(settingsRefuse(n), await packRejects(n), `settings and pack disagree on ${n}`);
            }),
            { numRuns: 300 },
        );
    });
});
