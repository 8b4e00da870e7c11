// Who and where: caller identity, partition, region, zones and the provider's default tags.
import type { Answer } from "./types";

export const accountInvokes: Record<string, Answer> = {
    "aws:index/getCallerIdentity:getCallerIdentity": (_, p) => ({
        accountId: p.account,
        arn: `arn:${p.partition}:iam::${p.account}:user/planner`,
        userId: "AIDAPLANNEROFFLINE0001",
        id: p.account,
    }),
    "aws:index/getPartition:getPartition": (_, p) => ({
        partition: p.partition,
        dnsSuffix: p.dnsSuffix,
        reverseDnsPrefix: p.dnsSuffix.split(".").reverse().join("."),
        id: p.partition,
    }),
    "aws:index/getRegion:getRegion": (_, p) => ({
        region: p.region,
        name: p.region,
        endpoint: p.host(`ec2.${p.region}`),
        description: p.region,
        id: p.region,
    }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": (args, p) => {
        const excluded = new Set([...((args.excludeNames as string[] | undefined) ?? []), ...((args.excludeZoneIds as string[] | undefined) ?? [])]);
        const zones = p
            .zones()
            .map((name, i) => ({ name, zoneId: p.zoneIds()[i]! }))
            .filter((z) => !excluded.has(z.name) && !excluded.has(z.zoneId));
        return {
            ...args,
            names: zones.map((z) => z.name),
            zoneIds: zones.map((z) => z.zoneId),
            groupNames: zones.map(() => p.region),
            region: p.region,
            id: p.region,
        };
    },
    // Without `aws:defaultTags` in the stack config there are none (AwsMocks answers with the configured ones).
    "aws:index/getDefaultTags:getDefaultTags": (_, p) => ({ tags: {}, id: p.partition }),
};
