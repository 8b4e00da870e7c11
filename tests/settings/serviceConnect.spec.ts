import { strict as assert } from "node:assert";
import { settingsErrorFor, settingsFor } from "../support/settings";

const sc = (value: unknown) => ({ serviceConnect: JSON.stringify(value) });

describe("settings: serviceConnect", () => {
    it("off on every profile", () => {
        assert.deepEqual(
            ["dev", "staging", "prod"].map((stack) => settingsFor(stack).serviceConnect),
            [undefined, undefined, undefined],
        );
    });
    it("defaults the port to containerPort and the discovery name and alias to appName", () => {
        assert.deepEqual(settingsFor("dev", { containerPort: "3000", ...sc({ namespace: "web.dev.internal" }) }).serviceConnect, {
            namespace: "web.dev.internal",
            port: 3000,
            discoveryName: "web",
            clientAlias: { port: 3000, dnsName: "web" },
            peerSecurityGroupIds: [],
        });
    });
    it("takes every key", () => {
        const value = {
            namespace: "shop.internal",
            port: 9090,
            discoveryName: "api",
            clientAlias: { port: 80, dnsName: "api.shop.internal" },
            peerSecurityGroupIds: ["sg-0123456789abcdef0"],
        };
        assert.deepEqual(settingsFor("prod", sc(value)).serviceConnect, { ...value, clientAlias: { port: 80, dnsName: "api.shop.internal" } });
        assert.deepEqual(settingsFor("dev", sc({ namespace: "shop.internal", clientAlias: { port: 80 } })).serviceConnect?.clientAlias, {
            port: 80,
            dnsName: "web",
        });
    });
    it("names the key, the bad value and what is allowed", () => {
        assert.match(settingsErrorFor(sc("on")), /serviceConnect=on is not valid; allowed: \{ namespace: /);
        assert.match(
            settingsErrorFor(sc({ namespace: "Shop_Internal" })),
            /serviceConnect\.namespace=Shop_Internal is not valid; allowed: a namespace name like web\.dev\.internal/,
        );
        assert.match(settingsErrorFor(sc({})), /serviceConnect\.namespace is missing; allowed: a namespace name/);
        assert.match(settingsErrorFor(sc({ namespace: "a.internal", port: 70000 })), /serviceConnect\.port=70000 is not valid; allowed: a port 1–65535/);
        assert.match(
            settingsErrorFor(sc({ namespace: "a.internal", discoveryName: "9api" })),
            /serviceConnect\.discoveryName=9api is not valid; allowed: 1–64 letters/,
        );
        assert.match(
            settingsErrorFor(sc({ namespace: "a.internal", clientAlias: { dnsName: "api" } })),
            /serviceConnect\.clientAlias=.* is not valid; allowed: \{ port: 1–65535, dnsName\?/,
        );
        assert.match(
            settingsErrorFor(sc({ namespace: "a.internal", peerSecurityGroupIds: ["default"] })),
            /serviceConnect\.peerSecurityGroupIds=.* is not valid; allowed: a list of security group ids/,
        );
        assert.match(
            settingsErrorFor(sc({ namespace: "a.internal", tls: true })),
            /serviceConnect\.tls is not a key of serviceConnect; allowed: namespace, port, discoveryName, clientAlias, peerSecurityGroupIds/,
        );
    });
});
