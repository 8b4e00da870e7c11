// No secret in any message: every settings error that echoes a value shows [secret] instead of
// the values of `secrets`, of secret-looking environment entries and of keys set as secrets.
import { strict as assert } from "node:assert";
import { readSettings, SettingsError } from "../../settings/settings";
import { settingsErrorFor } from "../support/settings";

const SECRET = "hunter2-correct-horse";

function errorWithSecretKeys(raw: Record<string, string>, secretKeys: string[]): string {
    try {
        readSettings(raw, "dev", "fargate-web", undefined, {}, secretKeys);
    } catch (e) {
        if (e instanceof SettingsError) return e.message;
        throw e;
    }
    assert.fail("expected a SettingsError");
}

describe("settings: no secret in any message", () => {
    const cases: [string, Record<string, string>, RegExp][] = [
        ["secrets given as a map", { secrets: JSON.stringify({ DB_PASSWORD: SECRET }) }, /secrets=\[secret\] is not valid; allowed: a list of/],
        ["a secrets item that is not an object", { secrets: JSON.stringify([SECRET]) }, /secrets\[0\]=\[secret\] is not valid/],
        ["a password as valueFrom", { secrets: JSON.stringify([{ name: "DB", valueFrom: SECRET }]) }, /secrets\[0\]\.valueFrom=\[secret\] is not valid/],
        ["environment as a list", { environment: JSON.stringify([`DB_PASSWORD=${SECRET}`]) }, /environment=\[secret\] is not valid; allowed: a map/],
        [
            "a secret-looking variable with a structured value",
            { environment: JSON.stringify({ API_TOKEN: { v: SECRET } }) },
            /environment\.API_TOKEN=\[secret\]/,
        ],
        ["a secret-looking variable in plain text", { environment: JSON.stringify({ DB_PASSWORD: SECRET }) }, /environment\.DB_PASSWORD looks like a secret/],
        ["an AWS access key in any setting", { image: `AKIA${"ABCDEFGHIJKLMNOP"}` }, /image=\[secret\] is not valid/],
    ];
    for (const [name, raw, expected] of cases)
        it(`${name}: names the key, never the value`, () => {
            const message = settingsErrorFor(raw);
            assert.match(message, expected);
            assert.ok(!message.includes(SECRET) && !message.includes("AKIAABCD"), message);
        });

    it("a key set as a secret (secure config) is never echoed, also inside other problems", () => {
        const message = errorWithSecretKeys({ appName: SECRET.toUpperCase(), tags: JSON.stringify({ owner: SECRET.toUpperCase() }) }, ["appName"]);
        assert.match(message, /appName=\[secret\] is not valid; allowed: 2–30 lowercase letters/);
        assert.ok(!message.includes(SECRET.toUpperCase()), message);
    });

    it("values that are not secrets are still shown, so the user sees what to fix", () => {
        assert.match(settingsErrorFor({ environment: JSON.stringify({ LOG_LEVEL: { v: 1 } }) }), /environment\.LOG_LEVEL=\{"v":1\} is not valid/);
        assert.match(
            settingsErrorFor({ secrets: JSON.stringify([{ name: "1BAD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/x" }]) }),
            /secrets\[0\]\.name=1BAD/,
        );
    });
});
