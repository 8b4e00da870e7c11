import { strict as assert } from "node:assert";
import { albDesyncMitigation } from "../../policy/rules/loadBalancerDesync";
import { checkRaw, messages } from "./harness";

const ALB = "aws:lb/loadBalancer:LoadBalancer";

describe("alb-desync-mitigation-mode", () => {
    it("passes defensive (omitted, or filled in by the provider) and strictest", async () => {
        assert.deepEqual(await checkRaw(albDesyncMitigation, ALB, {}), []);
        assert.deepEqual(await checkRaw(albDesyncMitigation, ALB, { loadBalancerType: "application", desyncMitigationMode: "defensive" }), []);
        assert.deepEqual(await checkRaw(albDesyncMitigation, "aws:alb/loadBalancer:LoadBalancer", { desyncMitigationMode: "strictest" }), []);
        assert.deepEqual(await checkRaw(albDesyncMitigation, "aws:elb/loadBalancer:LoadBalancer", {}), [], "classic load balancers too");
    });
    it("fails monitor; network load balancers are not concerned", async () => {
        assert.deepEqual(messages(await checkRaw(albDesyncMitigation, ALB, { desyncMitigationMode: "monitor" })), [
            "subject: desyncMitigationMode is monitor; ambiguous requests (HTTP desync, request smuggling) reach the targets. Allowed: defensive, strictest.",
        ]);
        assert.deepEqual(await checkRaw(albDesyncMitigation, ALB, { loadBalancerType: "network", desyncMitigationMode: "monitor" }), []);
        assert.equal((await checkRaw(albDesyncMitigation, "aws:elb/loadBalancer:LoadBalancer", { desyncMitigationMode: "monitor" })).length, 1);
    });
    it("a stack config can require strictest", async () => {
        const strict = { "alb-desync-mitigation-mode": { allowedModes: ["strictest"] } };
        assert.deepEqual(messages(await checkRaw(albDesyncMitigation, ALB, {}, strict)), [
            "subject: desyncMitigationMode is defensive (the default); ambiguous requests (HTTP desync, request smuggling) reach the targets. Allowed: strictest.",
        ]);
    });
});
