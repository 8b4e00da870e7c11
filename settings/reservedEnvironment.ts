// Environment names the program or ECS sets in every task. A user value would move the app off
// the port the load balancer checks, point SDKs at the wrong region, or shadow the task role's
// credentials, so settings refuse them and name the key (or service) that owns each.

export interface ReservedName {
    setBy: "the program" | "ECS";
    /** The setting the value comes from, when there is one. */
    owner?: string;
    /** What to do instead. */
    instead: string;
}

const TASK_ROLE: ReservedName = { setBy: "ECS", owner: "the task role (s3Grants)", instead: "grant access with s3Grants (the task role)" };
const ECS_AGENT: ReservedName = { setBy: "ECS", instead: "leave it to ECS" };

export const RESERVED_ENVIRONMENT: Readonly<Record<string, ReservedName>> = {
    PORT: { setBy: "the program", owner: "containerPort (the port the load balancer checks)", instead: "set containerPort instead" },
    AWS_REGION: { setBy: "ECS", owner: "aws:region", instead: "set aws:region instead" },
    AWS_DEFAULT_REGION: { setBy: "ECS", owner: "aws:region", instead: "set aws:region instead" },
    AWS_ACCESS_KEY_ID: TASK_ROLE,
    AWS_SECRET_ACCESS_KEY: TASK_ROLE,
    AWS_SESSION_TOKEN: TASK_ROLE,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: TASK_ROLE,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: TASK_ROLE,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: TASK_ROLE,
    ECS_CONTAINER_METADATA_URI: ECS_AGENT,
    ECS_CONTAINER_METADATA_URI_V4: ECS_AGENT,
    ECS_AGENT_URI: ECS_AGENT,
    AWS_EXECUTION_ENV: ECS_AGENT,
};

/** "is set by … ; allowed: …" for a reserved name, undefined for any other. */
export function reservedProblem(name: string): string | undefined {
    if (!Object.hasOwn(RESERVED_ENVIRONMENT, name)) return undefined;
    const r = RESERVED_ENVIRONMENT[name]!;
    return `is set by ${r.setBy} ${r.owner ? `from ${r.owner}` : "in every task"}; allowed: ${r.instead}`;
}
