import { strict as assert } from "node:assert";
import { settingsErrorFor, settingsFor } from "../support/settings";

describe("settings: deployment", () => {
    it("dev rolls; staging and prod deploy canaries whose bakes outlast the 5-minute 5xx alarm", () => {
        assert.equal(settingsFor("dev").deployment.strategy, "rolling");
        const prod = settingsFor("prod").deployment;
        assert.deepEqual(
            [prod.strategy, prod.canaryPercent, prod.canaryBakeTimeMinutes, prod.bakeTimeMinutes, prod.testListenerPort],
            ["canary", 10, 10, 10, 8443],
        );
        const staging = settingsFor("staging").deployment;
        assert.deepEqual([staging.strategy, staging.canaryBakeTimeMinutes, staging.bakeTimeMinutes], ["canary", 5, 5]);
        assert.equal(prod.hookFunctionArn, undefined);
        assert.deepEqual(prod.hookStages, ["POST_TEST_TRAFFIC_SHIFT"]);
    });

    it("reads every strategy and its knobs, decimals included", () => {
        const linear = settingsFor("dev", { deployment: "linear", linearStepPercent: "12.5", linearStepBakeTimeMinutes: "3", bakeTimeMinutes: "0" }).deployment;
        assert.deepEqual([linear.strategy, linear.linearStepPercent, linear.linearStepBakeTimeMinutes, linear.bakeTimeMinutes], ["linear", 12.5, 3, 0]);
        const canary = settingsFor("dev", { deployment: "canary", canaryPercent: "0.1", canaryBakeTimeMinutes: "1440" }).deployment;
        assert.deepEqual([canary.canaryPercent, canary.canaryBakeTimeMinutes], [0.1, 1440]);
        const hooked = settingsFor("prod", {
            deployment: "blue-green",
            testListenerPort: "9000",
            deploymentHookArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke-test:live",
            deploymentHookStages: '["POST_SCALE_UP","POST_TEST_TRAFFIC_SHIFT"]',
        }).deployment;
        assert.deepEqual(
            [hooked.strategy, hooked.testListenerPort, hooked.hookFunctionArn, hooked.hookStages],
            ["blue-green", 9000, "arn:aws:lambda:us-east-1:123456789012:function:smoke-test:live", ["POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT"]],
        );
    });

    describe("out-of-range values name the key, the value and ECS's range", () => {
        const cases: [string, Record<string, string>, RegExp][] = [
            ["unknown strategy", { deployment: "bluegreen" }, /deployment=bluegreen is not valid; allowed: rolling, blue-green, canary, linear/],
            ["bake above a day", { deployment: "blue-green", bakeTimeMinutes: "1441" }, /bakeTimeMinutes=1441 is not valid; allowed: 0–1440 minutes/],
            ["negative bake", { deployment: "linear", linearStepBakeTimeMinutes: "-1" }, /linearStepBakeTimeMinutes=-1 is not valid; allowed: 0–1440 minutes/],
            [
                "canary bake above a day",
                { deployment: "canary", canaryBakeTimeMinutes: "2000" },
                /canaryBakeTimeMinutes=2000 is not valid; allowed: 0–1440 minutes/,
            ],
            ["canary below 0.1%", { deployment: "canary", canaryPercent: "0.05" }, /canaryPercent=0.05 is not valid; allowed: 0.1–100 percent/],
            [
                "canary off the 0.1 grid",
                { deployment: "canary", canaryPercent: "12.34" },
                /canaryPercent=12.34 is not valid; allowed: 0.1 to 100.0 in steps of 0.1/,
            ],
            ["canary above 100%", { deployment: "canary", canaryPercent: "101" }, /canaryPercent=101 is not valid; allowed: 0.1–100 percent/],
            [
                "canary not a number",
                { deployment: "canary", canaryPercent: "ten" },
                /canaryPercent=ten is not valid; allowed: a decimal number in plain digits, 0.1–100 percent/,
            ],
            ["linear step below 3%", { deployment: "linear", linearStepPercent: "2.9" }, /linearStepPercent=2.9 is not valid; allowed: 3–100 percent/],
            [
                "test port on the public 443",
                { testListenerPort: "443" },
                /testListenerPort=443 is not valid; allowed: a port other than 80 and 443 \(the public listeners\)/,
            ],
            ["test port out of range", { testListenerPort: "70000" }, /testListenerPort=70000 is not valid; allowed: 1–65535/],
            [
                "hook not a Lambda ARN",
                { deploymentHookArn: "arn:aws:sns:us-east-1:123456789012:topic" },
                /deploymentHookArn=arn:aws:sns:us-east-1:123456789012:topic is not valid; allowed: arn:aws:lambda:<region>/,
            ],
            [
                "hook stage unknown",
                { deploymentHookStages: '["BEFORE_TRAFFIC"]' },
                /deploymentHookStages\[0\]=BEFORE_TRAFFIC is not valid; allowed: RECONCILE_SERVICE, PRE_SCALE_UP/,
            ],
            ["hook stages empty", { deploymentHookStages: "[]" }, /deploymentHookStages=\[\] is not valid; allowed: a non-empty list of RECONCILE_SERVICE/],
        ];
        for (const [what, raw, expected] of cases) {
            it(what, () => assert.match(settingsErrorFor(raw, "prod"), expected));
        }
    });

    it("refuses knobs that would have no effect with the chosen strategy instead of ignoring them", () => {
        assert.match(
            settingsErrorFor({ canaryPercent: "20" }),
            /canaryPercent has no effect with deployment=rolling; allowed: set it only with deployment=canary/,
        );
        assert.match(
            settingsErrorFor({ deployment: "linear", canaryBakeTimeMinutes: "5" }),
            /canaryBakeTimeMinutes has no effect with deployment=linear; allowed: set it only with deployment=canary/,
        );
        assert.match(
            settingsErrorFor({ deploymentHookArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke" }),
            /deploymentHookArn has no effect with deployment=rolling; allowed: set it only with deployment=blue-green \| canary \| linear/,
        );
    });
});
