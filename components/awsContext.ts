import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Account, partition and region of the deploying credentials, for ARNs and conditions. */
export interface AwsContext {
    accountId: pulumi.Output<string>;
    partition: pulumi.Output<string>;
    region: pulumi.Output<string>;
}

export function awsContext(opts: pulumi.InvokeOutputOptions): AwsContext {
    return {
        accountId: aws.getCallerIdentityOutput({}, opts).accountId,
        partition: aws.getPartitionOutput({}, opts).partition,
        region: aws.getRegionOutput({}, opts).region,
    };
}
