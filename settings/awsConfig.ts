// The `aws:` keys of a stack, checked like the program's own: a key the AWS provider does not
// have is a typo that would otherwise be ignored (`aws:regin` deploys to the default region), and
// a region that does not exist fails here instead of at the first API call.
import * as providerConfig from "@pulumi/aws/config/vars";
import { AWS_REGIONS, isAwsRegion } from "../policy/knowledge/regions";
import type { ConfigReader, RawConfig } from "./configReader";
import { didYouMean } from "./suggest";

/** The installed provider's own config keys (its generated config module), so they follow upgrades. */
export const AWS_PROVIDER_KEYS: readonly string[] = Object.keys(providerConfig).sort();

/** Problems with the stack's `aws:` config (keys without the namespace), recorded on `r`. */
export function checkAwsConfig(r: ConfigReader, aws: RawConfig): void {
    for (const key of Object.keys(aws).filter((k) => !AWS_PROVIDER_KEYS.includes(k))) {
        const hint = didYouMean(key, AWS_PROVIDER_KEYS, (k) => `aws:${k}`);
        r.fail(`aws:${key} is not a setting of the AWS provider; ${hint ?? `allowed keys: ${AWS_PROVIDER_KEYS.join(", ")}`}`);
    }
    const region = aws.region;
    if (region !== undefined && !isAwsRegion(region)) {
        const hint = didYouMean(region, AWS_REGIONS);
        r.fail(`aws:region=${region} is not valid; allowed: ${hint ? `an AWS region code; ${hint}` : `one of ${AWS_REGIONS.join(", ")}`}`);
    }
}
