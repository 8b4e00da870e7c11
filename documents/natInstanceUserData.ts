// User data that turns an Amazon Linux 2023 instance into a NAT for the given private CIDRs:
// IP forwarding and masquerading, both persisted so a reboot or an EC2 auto-recovery comes back
// as a NAT without running user data again (cloud-init runs it on the first boot only).
import { parseCidr } from "../settings/cidr";

/** The shell script for cloud-init; throws on an empty or malformed CIDR list. */
export function natInstanceUserData(privateCidrs: readonly string[]): string {
    if (privateCidrs.length === 0) throw new Error("a NAT instance needs at least one private CIDR to serve");
    for (const cidr of privateCidrs) {
        if (parseCidr(cidr) === undefined) throw new Error(`not an IPv4 CIDR: ${cidr}`);
    }
    const perCidr = privateCidrs.flatMap((cidr) => [
        `iptables -A FORWARD -i "$IF" -o "$IF" -s ${cidr} -j ACCEPT`,
        `iptables -t nat -A POSTROUTING -o "$IF" -s ${cidr} -j MASQUERADE`,
    ]);
    return [
        "#!/bin/bash",
        "# NAT for this VPC's private subnets (written by the fargate-web program).",
        "set -euo pipefail",
        "",
        "# Forward packets between interfaces, now and after every reboot.",
        "echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat-instance.conf",
        "sysctl -q -p /etc/sysctl.d/90-nat-instance.conf",
        "",
        "# iptables-services restores /etc/sysconfig/iptables at every boot.",
        "for attempt in 1 2 3 4 5; do dnf install -y -q iptables-services && break; sleep $((attempt * 5)); done",
        "systemctl enable --now iptables",
        "",
        "IF=$(ip -o -4 route show to default | awk '{print $5; exit}')",
        "iptables -F",
        "iptables -t nat -F",
        "# Inbound is filtered by the security group (private subnets only); forward only what they start.",
        "iptables -P INPUT ACCEPT",
        "iptables -P FORWARD DROP",
        "iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
        ...perCidr,
        "service iptables save",
        "",
    ].join("\n");
}
