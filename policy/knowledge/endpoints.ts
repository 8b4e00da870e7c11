// VPC endpoint services by their short names (as users and the AWS console write them) and the
// full service names the EC2 API takes.

/** Interface endpoint services a Fargate app commonly needs, by short name. */
export const INTERFACE_ENDPOINT_SERVICES = [
    "ecr.api",
    "ecr.dkr",
    "logs",
    "secretsmanager",
    "ssm",
    "ssmmessages",
    "kms",
    "sts",
    "monitoring",
    "xray",
    "sqs",
    "sns",
    "events",
    "execute-api",
] as const;
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** "com.amazonaws.<region>.<service>", the name the EC2 API takes. */
export const endpointServiceName = (region: string, service: string): string => `com.amazonaws.${region}.${service}`;

/** "com.amazonaws.us-east-1.ecr.api" → "ecr.api"; "" for anything else. */
export function endpointServiceOf(serviceName: string): string {
    const m = /^(?:cn\.)?com\.amazonaws\.[a-z]{2}(?:-[a-z]+)+-\d\.(.+)$/.exec(serviceName);
    return m ? m[1]! : "";
}
