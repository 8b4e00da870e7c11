// Service Connect: a Cloud Map HTTP namespace the stack creates, and the service registered in it.
import { isRecord } from "../policy/knowledge/values";
import type { ConfigReader } from "./configReader";
import type { ServiceConnectSettings } from "./types";

const KEYS = ["namespace", "port", "discoveryName", "clientAlias", "peerSecurityGroupIds"];
const SHAPE = '{ namespace: "web.dev.internal", port?, discoveryName?, clientAlias?: { port, dnsName }, peerSecurityGroupIds?: ["sg-…"] }';
/** Cloud Map namespace names: DNS-like labels, up to 1024 characters. */
const NAMESPACE = /^(?=.{1,1024}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** ECS discovery names: letters, digits, hyphens; 1–64, starting with a letter. */
const DISCOVERY_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,63}$/;
const SECURITY_GROUP_ID = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;
const isPort = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 65535;

/** Off unless set, on every profile: a single web service needs no discovery. */
export function readServiceConnect(r: ConfigReader, defaults: { appName: string; containerPort: number }): ServiceConnectSettings | undefined {
    const value = r.json("serviceConnect");
    if (value === undefined) return undefined;
    if (!isRecord(value)) return (r.expect("serviceConnect", value, SHAPE), undefined);
    const unknown = Object.keys(value).filter((k) => !KEYS.includes(k));
    if (unknown.length > 0) r.fail(`serviceConnect.${unknown[0]} is not a key of serviceConnect; allowed: ${KEYS.join(", ")}`);
    const ns = value.namespace;
    const NAMESPACE_ALLOWED = "a namespace name like web.dev.internal (lowercase labels of letters, digits, hyphens)";
    let ok = ns !== undefined;
    if (ns === undefined) r.fail(`serviceConnect.namespace is missing; allowed: ${NAMESPACE_ALLOWED}`);
    else ok = r.expect("serviceConnect.namespace", ns, typeof ns === "string" && NAMESPACE.test(ns) ? undefined : NAMESPACE_ALLOWED);
    const port = value.port ?? defaults.containerPort;
    ok = r.expect("serviceConnect.port", value.port, isPort(port) ? undefined : "a port 1–65535 (default: containerPort)") && ok;
    const discoveryName = value.discoveryName ?? defaults.appName;
    ok =
        r.expect(
            "serviceConnect.discoveryName",
            value.discoveryName,
            typeof discoveryName === "string" && DISCOVERY_NAME.test(discoveryName) ? undefined : "1–64 letters, digits and hyphens, starting with a letter",
        ) && ok;
    const alias = value.clientAlias;
    let clientAlias: ServiceConnectSettings["clientAlias"] | undefined;
    if (alias !== undefined) {
        const good =
            isRecord(alias) && isPort(alias.port) && (alias.dnsName === undefined || (typeof alias.dnsName === "string" && NAMESPACE.test(alias.dnsName)));
        const extra = isRecord(alias) ? Object.keys(alias).filter((k) => !["port", "dnsName"].includes(k)) : [];
        ok = r.expect("serviceConnect.clientAlias", alias, good && extra.length === 0 ? undefined : "{ port: 1–65535, dnsName?: a DNS name }") && ok;
        if (good) clientAlias = { port: alias.port as number, dnsName: typeof alias.dnsName === "string" ? alias.dnsName : String(discoveryName) };
    }
    const peers = value.peerSecurityGroupIds ?? [];
    ok =
        r.expect(
            "serviceConnect.peerSecurityGroupIds",
            value.peerSecurityGroupIds,
            Array.isArray(peers) && peers.every((id) => typeof id === "string" && SECURITY_GROUP_ID.test(id))
                ? undefined
                : 'a list of security group ids ["sg-…"]',
        ) && ok;
    if (!ok || unknown.length > 0) return undefined;
    return {
        namespace: ns as string,
        port: port as number,
        discoveryName: discoveryName as string,
        clientAlias: clientAlias ?? { port: port as number, dnsName: discoveryName as string },
        peerSecurityGroupIds: peers as string[],
    };
}
