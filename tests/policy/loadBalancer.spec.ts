import * as aws from "@pulumi/aws";
import { strict as assert } from "node:assert";
import {
    albAccessLogs,
    albDeletionProtection,
    albDesyncMitigationMode,
    albDropInvalidHeaders,
    albHttpsOnly,
    albTlsPolicy,
} from "../../policy/rules/loadBalancer";
import { check, checkRaw, evaluatePolicies, messages, resourceRecord } from "./harness";

const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";
const LB = "aws:lb/loadBalancer:LoadBalancer";

describe("policy: load balancer", () => {
    describe("alb-https-only", () => {
        it("passes HTTPS listeners and HTTP redirect-only listeners (both type tokens)", async () => {
            assert.deepEqual(await checkRaw(albHttpsOnly, LISTENER, { protocol: "HTTPS", port: 443, defaultActions: [{ type: "forward" }] }), []);
            assert.deepEqual(
                await checkRaw(albHttpsOnly, ALB_LISTENER, {
                    protocol: "HTTP",
                    port: 80,
                    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                }),
                [],
            );
        });
        it("fails a redirect that stays on HTTP, and a redirect mixed with a forward", async () => {
            const toHttp = { type: "redirect", redirect: { protocol: "HTTP", port: "8080" } };
            assert.match(
                messages(await checkRaw(albHttpsOnly, LISTENER, { protocol: "HTTP", port: 80, defaultActions: [toHttp] }))[0]!,
                /serves content \(redirect\)/,
            );
            const mixed = [
                { type: "redirect", redirect: { protocol: "HTTPS" } },
                { type: "forward", targetGroupArn: "tg" },
            ];
            assert.match(
                messages(await checkRaw(albHttpsOnly, LISTENER, { protocol: "HTTP", port: 80, defaultActions: mixed }))[0]!,
                /serves content \(redirect, forward\)/,
            );
        });
        it("fails an HTTP listener that forwards", async () => {
            assert.deepEqual(
                messages(
                    await checkRaw(albHttpsOnly, ALB_LISTENER, {
                        protocol: "HTTP",
                        port: 80,
                        defaultActions: [{ type: "forward", targetGroupArn: "tg" }],
                    }),
                ),
                ["subject: HTTP listener on port 80 serves content (forward); allowed: only a redirect to HTTPS."],
            );
        });
    });

    describe("alb-tls-policy", () => {
        it("passes a TLS 1.2+ policy; fails unset and TLS 1.0 policies", async () => {
            assert.deepEqual(await checkRaw(albTlsPolicy, LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }), []);
            assert.match(
                messages(await checkRaw(albTlsPolicy, LISTENER, { protocol: "HTTPS" }))[0]!,
                /sslPolicy is unset \(AWS default ELBSecurityPolicy-2016-08, allows TLS 1.0\)/,
            );
            assert.match(
                messages(await checkRaw(albTlsPolicy, LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS-1-0-2015-04" }))[0]!,
                /sslPolicy is ELBSecurityPolicy-TLS-1-0-2015-04; allowed: ELBSecurityPolicy-TLS13-1-2-2021-06/,
            );
        });
    });

    describe("alb-drop-invalid-headers", () => {
        it("passes true, ignores network load balancers, fails false; remediates", async () => {
            assert.deepEqual(await check(albDropInvalidHeaders, aws.lb.LoadBalancer, { dropInvalidHeaderFields: true }), []);
            assert.deepEqual(await check(albDropInvalidHeaders, aws.lb.LoadBalancer, { loadBalancerType: "network" }), []);
            assert.deepEqual(messages(await check(albDropInvalidHeaders, aws.alb.LoadBalancer, {})), [
                "subject: dropInvalidHeaderFields is not true; malformed headers reach the app. Set it to true.",
            ]);
            const result = await evaluatePolicies([albDropInvalidHeaders], [resourceRecord(LB, "lb", {})], { "alb-drop-invalid-headers": "remediate" });
            assert.equal(result.remediations[0]!.after.dropInvalidHeaderFields, true);
        });
    });

    describe("alb-deletion-protection", () => {
        it("passes protection; fails without it, mandatory only where configured", async () => {
            assert.deepEqual(await check(albDeletionProtection, aws.lb.LoadBalancer, { enableDeletionProtection: true }), []);
            const [advisory] = await check(albDeletionProtection, aws.lb.LoadBalancer, {});
            assert.equal(advisory!.enforcementLevel, "advisory");
            const [mandatory] = await check(albDeletionProtection, aws.lb.LoadBalancer, {}, { "alb-deletion-protection": "mandatory" });
            assert.equal(mandatory!.enforcementLevel, "mandatory");
            assert.match(mandatory!.message, /enableDeletionProtection is not true/);
        });
    });

    describe("alb-access-logs (advisory)", () => {
        it("passes enabled logs; advises otherwise", async () => {
            assert.deepEqual(await check(albAccessLogs, aws.lb.LoadBalancer, { accessLogs: { bucket: "logs", enabled: true } }), []);
            assert.match(messages(await check(albAccessLogs, aws.lb.LoadBalancer, {}))[0]!, /access logs are off/);
        });
    });

    describe("alb-desync-mitigation-mode", () => {
        it("passes defensive (omitted, or filled in by the provider) and strictest", async () => {
            assert.deepEqual(await check(albDesyncMitigationMode, aws.lb.LoadBalancer, {}), []);
            assert.deepEqual(
                await check(albDesyncMitigationMode, aws.lb.LoadBalancer, { loadBalancerType: "application", desyncMitigationMode: "defensive" }),
                [],
            );
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
});
