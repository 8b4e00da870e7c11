// Console addresses of what the stack creates, for stack outputs.

/** The AWS console's address for a path, per partition (China and GovCloud have their own consoles). */
export function consoleUrl(partition: string, region: string, path: string): string {
    const host =
        partition === "aws-cn" ? "console.amazonaws.cn" : partition === "aws-us-gov" ? "console.amazonaws-us-gov.com" : `${region}.console.aws.amazon.com`;
    return `https://${host}/${path}`;
}

export const dashboardUrl = (partition: string, region: string, name: string): string =>
    consoleUrl(partition, region, `cloudwatch/home?region=${region}#dashboards/dashboard/${encodeURIComponent(name)}`);

export const pipelineUrl = (partition: string, region: string, name: string): string =>
    consoleUrl(partition, region, `codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/view?region=${region}`);
