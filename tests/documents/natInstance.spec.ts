import { strict as assert } from "node:assert";
import { ec2TrustPolicy, sessionManagerPolicy } from "../../documents/natInstanceIam";
import { natInstanceUserData } from "../../documents/natInstanceUserData";
import { instanceArchitecture, isBurstable } from "../../policy/knowledge/ec2";
import { endpointServiceName, endpointServiceOf } from "../../policy/knowledge/endpoints";

const statements = (doc: { Statement?: unknown }) => (doc.Statement ?? []) as Record<string, unknown>[];

describe("NAT instance builders", () => {
    describe("user data", () => {
        const script = natInstanceUserData(["10.0.128.0/18", "10.0.192.0/18"]);
        const lines = script.split("\n");

        it("is a bash script that stops on the first error", () => {
            assert.deepEqual(lines.slice(0, 1), ["#!/bin/bash"]);
            assert.ok(lines.includes("set -euo pipefail"));
        });

        it("turns on IP forwarding persistently (a sysctl.d file, not only the running kernel)", () => {
            assert.ok(lines.includes("echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat-instance.conf"));
            assert.ok(lines.includes("sysctl -q -p /etc/sysctl.d/90-nat-instance.conf"));
        });

        it("masquerades and forwards only the private CIDRs, drops other forwarding, and saves the rules for every boot", () => {
            assert.deepEqual(
                lines.filter((l) => l.includes("MASQUERADE")),
                [
                    'iptables -t nat -A POSTROUTING -o "$IF" -s 10.0.128.0/18 -j MASQUERADE',
                    'iptables -t nat -A POSTROUTING -o "$IF" -s 10.0.192.0/18 -j MASQUERADE',
                ],
            );
            assert.deepEqual(
                lines.filter((l) => l.startsWith("iptables -A FORWARD")),
                [
                    "iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                    'iptables -A FORWARD -i "$IF" -o "$IF" -s 10.0.128.0/18 -j ACCEPT',
                    'iptables -A FORWARD -i "$IF" -o "$IF" -s 10.0.192.0/18 -j ACCEPT',
                ],
            );
            assert.ok(lines.includes("iptables -P FORWARD DROP"));
            // Rules are flushed before they are written and saved after, so a rerun does not stack duplicates.
            assert.ok(lines.indexOf("iptables -t nat -F") < lines.findIndex((l) => l.includes("MASQUERADE")));
            assert.equal(lines.filter((l) => l.trim() !== "").at(-1), "service iptables save");
            assert.ok(lines.includes("systemctl enable --now iptables"));
        });

        it("refuses an empty or malformed CIDR list", () => {
            assert.throws(() => natInstanceUserData([]), /a NAT instance needs at least one private CIDR to serve/);
            assert.throws(() => natInstanceUserData(["10.0.0.0/33"]), /not an IPv4 CIDR: 10\.0\.0\.0\/33/);
            assert.throws(() => natInstanceUserData(["10.0.0.0/16; curl evil"]), /not an IPv4 CIDR/);
        });
    });

    describe("role", () => {
        it("is trusted by EC2 only", () => {
            assert.deepEqual(statements(ec2TrustPolicy()), [
                { Sid: "Ec2Instances", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
            ]);
        });

        it("allows the SSM agent's heartbeat on instances and the Session Manager channels, nothing else", () => {
            assert.deepEqual(
                statements(sessionManagerPolicy("aws", "us-east-1", "123456789012")).map((s) => [s.Action, s.Resource]),
                [
                    [["ssm:UpdateInstanceInformation"], ["arn:aws:ec2:us-east-1:123456789012:instance/*"]],
                    [
                        ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
                        "*",
                    ],
                ],
            );
            assert.doesNotMatch(JSON.stringify(sessionManagerPolicy("aws", "us-east-1", "123456789012")), /GetParameter|ec2messages|s3:/);
        });
    });

    describe("AWS knowledge", () => {
        it("reads Graviton families from the instance type", () => {
            for (const t of ["t4g.nano", "c6gn.medium", "m7gd.large", "a1.medium", "is4gen.large"]) assert.equal(instanceArchitecture(t), "arm64", t);
            for (const t of ["t3.nano", "t3a.micro", "g4dn.xlarge", "m7i-flex.large", "not-a-type"]) assert.equal(instanceArchitecture(t), "x86_64", t);
            assert.deepEqual(["t4g.nano", "t3.micro", "c6gn.medium"].map(isBurstable), [true, true, false]);
        });

        it("names endpoint services both ways", () => {
            assert.equal(endpointServiceName("eu-west-1", "ecr.dkr"), "com.amazonaws.eu-west-1.ecr.dkr");
            assert.equal(endpointServiceOf("com.amazonaws.us-east-1.ecr.api"), "ecr.api");
            assert.equal(endpointServiceOf("com.amazonaws.us-gov-west-1.s3"), "s3");
            assert.equal(endpointServiceOf("com.amazonaws.vpce.us-east-1.vpce-svc-0123"), "");
        });
    });
});
