// Where the mocks pretend to be: one account in one region of one partition, and the
// deterministic ids, ARNs and zones AWS would hand out there.
import { createHash } from "node:crypto";

export const MOCK_ACCOUNT = "123456789012";

/** Deterministic hex digits for a seed (the same program gets the same ids every run). */
export const hex = (seed: string, length: number): string => {
    let out = createHash("sha256").update(seed).digest("hex");
    for (let round = 1; out.length < length; round++) out += createHash("sha256").update(`${seed}#${round}`).digest("hex");
    return out.slice(0, length);
};

/** A version-4-looking UUID, as KMS keys, certificates and WAF ACLs are named. */
export const uuid = (seed: string): string => {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Availability zone letters per region (us-east-1 has six; most regions three). */
const ZONE_LETTERS: Record<string, string[]> = { "us-east-1": ["a", "b", "c", "d", "e", "f"], "us-west-1": ["a", "c"] };

const DIRECTIONS: Record<string, string> = {
    north: "n",
    south: "s",
    east: "e",
    west: "w",
    central: "c",
    northeast: "ne",
    northwest: "nw",
    southeast: "se",
    southwest: "sw",
};

export class AwsPlace {
    readonly partition: string;
    readonly dnsSuffix: string;

    constructor(
        readonly region: string,
        readonly account: string = MOCK_ACCOUNT,
    ) {
        this.partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        this.dnsSuffix = this.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    }

    zones(): string[] {
        return (ZONE_LETTERS[this.region] ?? ["a", "b", "c"]).map((z) => `${this.region}${z}`);
    }

    /** Zone ids as AWS names them: "use1-az1" for us-east-1, "euw1-az2" for eu-west-1. */
    zoneIds(): string[] {
        const [country = "us", direction = "east", number = "1"] = this.region.replace(/^us-gov-/, "us-").split("-");
        const prefix = `${country}${DIRECTIONS[direction] ?? direction.slice(0, 1)}${number}`;
        return this.zones().map((_, i) => `${prefix}-az${i + 1}`);
    }

    /** An ARN in this partition, account and (unless global) region. */
    arn(service: string, resource: string, regional = true): string {
        return `arn:${this.partition}:${service}:${regional ? this.region : ""}:${this.account}:${resource}`;
    }

    /** A host name under this partition's domain. */
    host(prefix: string): string {
        return `${prefix}.${this.dnsSuffix}`;
    }
}
