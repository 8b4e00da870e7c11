// The network's settings: the VPC's range and AZs (or an adopted VPC), egress, IPv6 and flow logs.
// Each value's own rules are in declarations/network.ts; here, how they relate.
import * as c from "./constraints";
import type { ConfigReader } from "./configReader";
import { NETWORK } from "./declarations";
import { readEgress, type EgressContext } from "./egress";
import type { Profile } from "./profiles";
import { readGroup, readSetting } from "./readGroup";
import { readExistingVpc } from "./structured";
import type { SettingsOf } from "./types";

export function readNetwork(r: ConfigReader, profile: Profile, ctx: Omit<EgressContext, "profile" | "existingVpc">): SettingsOf<"network"> {
    const azCount = readSetting(r, NETWORK, "azCount", profile);
    const existingVpc = readExistingVpc(r, azCount);
    const egress = readEgress(r, { ...ctx, profile, existingVpc });
    const network = readGroup(r, NETWORK, profile, { values: { azCount, existingVpc, ...egress } });
    if (profile === "prod" && azCount < 2) r.fail(`azCount=${azCount} is not valid for profile prod; allowed: 2 or more`);
    if (!r.refused("vpcCidr") && !r.refused("azCount")) {
        const subnets = c.splitCidr(network.vpcCidr, azCount * 2);
        r.expect("vpcCidr", network.vpcCidr, c.checkSubnetCidrs(network.vpcCidr, subnets) && `a VPC large enough for ${azCount * 2} subnets of /28 or larger`);
    }
    if (network.ipAddressType === "dualstack" && existingVpc)
        r.fail("ipAddressType=dualstack is not valid with existingVpc; allowed: ipv4 (the stack gives IPv6 blocks only to a VPC it creates)");
    if (network.flowLogs && existingVpc && r.given("flowLogs"))
        r.fail("flowLogs=true is not valid with existingVpc; allowed: false (an adopted VPC's flow logs belong to the stack that owns it)");
    return { ...network, flowLogs: network.flowLogs && !existingVpc };
}
