import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Account, partition, region and DNS suffix of the deploying credentials, for ARNs, registry
 * hosts and conditions. Invokes read existing state, so these are known at `pulumi preview`
 * (unlike the outputs of resources the same run creates): anything built from them and from
 * explicit names stays decidable by the policy pack in CI.
 */
export interface AwsContext {
    accountId: pulumi.Output<string>;
    partition: pulumi.Output<string>;
    region: pulumi.Output<string>;
    /** "amazonaws.com", or "amazonaws.com.cn" in the China partition. */
    dnsSuffix: pulumi.Output<string>;
}

export function awsContext(opts: pulumi.InvokeOutputOptions): AwsContext {
    const partition = aws.getPartitionOutput({}, opts);
    return {
        accountId: aws.getCallerIdentityOutput({}, opts).accountId,
        partition: partition.partition,
        region: aws.getRegionOutput({}, opts).region,
        dnsSuffix: partition.dnsSuffix,
    };
}
