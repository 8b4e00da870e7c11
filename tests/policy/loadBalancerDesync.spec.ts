import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import { albDesyncMitigationMode } from "../../policy/rules/loadBalancer";
import { check, checkRaw, messages } from "./harness";

describe("alb-desync-mitigation-mode", () => {
    it("passes defensive (omitted, or filled in by the provider) and strictest", async () => {
        assert.deepEqual(await check(albDesyncMitigationMode, aws.lb.LoadBalancer, {}), []);
        assert.deepEqual(await check(albDesyncMitigationMode, aws.lb.LoadBalancer, { loadBalancerType: "application", desyncMitigationMode: "defensive" }), []);
        assert.deepEqual(await check(albDesyncMitigationMode, aws.alb.LoadBalancer, { desyncMitigationMode: "strictest" }), []);
        assert.deepEqual(await checkRaw(albDesyncMitigationMode, "aws:elb/loadBalancer:LoadBalancer", {}), [], "classic load balancers too");
    });
    it("fails monitor; network load balancers are not concerned", async () => {
        assert.deepEqual(messages(await check(albDesyncMitigationMode, aws.lb.LoadBalancer, { desyncMitigationMode: "monitor" })), [
            "subject: desyncMitigationMode is monitor; ambiguous requests (HTTP desync, request smuggling) reach the targets. Allowed: defensive, strictest.",
        ]);
        assert.deepEqual(await check(albDesyncMitigationMode, aws.lb.LoadBalancer, { loadBalancerType: "network", desyncMitigationMode: "monitor" }), []);
        assert.equal((await checkRaw(albDesyncMitigationMode, "aws:elb/loadBalancer:LoadBalancer", { desyncMitigationMode: "monitor" })).length, 1);
    });
    it("a stack config can require strictest", async () => {
        const strict = { "alb-desync-mitigation-mode": { allowedModes: ["strictest"] } };
        assert.deepEqual(messages(await check(albDesyncMitigationMode, aws.lb.LoadBalancer, {}, strict)), [
            "subject: desyncMitigationMode is defensive (the default); ambiguous requests (HTTP desync, request smuggling) reach the targets. Allowed: strictest.",
        ]);
    });
});
