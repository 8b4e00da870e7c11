// What awsx's ECS components create (awsx 3.x): the service, its task definition with the
// containers as awsx writes them, the task and execution roles, the log group, and for a
// FargateService without networkConfiguration, awsx's default security group.
import { UNKNOWN, isUnknown } from "../knowledge/unknowns";
import { isRecord } from "../knowledge/values";
import { DerivedChild, Props, SECURITY_GROUP, SERVICE, TASK_DEFINITION, given, record, without } from "./awsxDerived";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const ROLE = "aws:iam/role:Role";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

/** The trust policy awsx gives the task and execution roles it creates (no confused-deputy condition). */
const ECS_TASKS_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" }, Effect: "Allow" }],
});
const ROLE_DEFAULTS = {
    taskRole: { label: "task", policyArns: [] as string[] },
    executionRole: { label: "execution", policyArns: ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"] },
};

const WORLD = { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };

/** What awsx's FargateService creates when it is given no networkConfiguration. */
const DEFAULT_SERVICE_GROUP: Props = {
    ingress: [{ fromPort: 0, toPort: 0, protocol: "-1", ...WORLD }],
    egress: [{ fromPort: 0, toPort: 65535, protocol: "tcp", ...WORLD }],
};

/** A container as awsx writes it: named by its key, awslogs to awsx's log group unless that is skipped. */
function container(name: unknown, c: Props, awslogs: boolean): Props {
    const logs = { logDriver: "awslogs", options: { "awslogs-group": "(the log group awsx creates)", "awslogs-stream-prefix": name } };
    // awsx requires an image: a missing one is an output the stack could not resolve (another opaque
    // component's, under the offline plan), so it is unknown rather than absent.
    const image = given(c.image) ? c.image : UNKNOWN.string;
    return { ...c, name, image, logConfiguration: given(c.logConfiguration) ? c.logConfiguration : awslogs ? logs : undefined };
}

/** The role awsx creates for `key` (unless skipped or given as an ARN) and its policy attachments. */
function role(args: Props, key: keyof typeof ROLE_DEFAULTS, prefix: string): DerivedChild[] {
    const input = args[key];
    const defaults = ROLE_DEFAULTS[key];
    const via = given(input) ? `${prefix}${key}` : `no ${key}, so the ${defaults.label} role awsx creates`;
    if (isUnknown(input) || isUnknown(record(input).args)) return [{ type: ROLE, via }];
    const r = record(input);
    if (r.skip === true || given(r.roleArn)) return [];
    const roleArgs = record(r.args);
    const arns = given(roleArgs.policyArns) ? roleArgs.policyArns : defaults.policyArns;
    const attachments = (Array.isArray(arns) ? arns : [UNKNOWN.string]).map((policyArn: unknown) => ({
        type: ATTACHMENT,
        via,
        props: { policyArn, role: `(the ${defaults.label} role awsx creates)` },
    }));
    return [{ type: ROLE, via, props: { assumeRolePolicy: ECS_TASKS_TRUST, ...without(roleArgs, ["policyArns"]) } }, ...attachments];
}

/** The log group awsx creates for the containers' logs (no retention unless its args set one). */
function logGroup(args: Props, prefix: string): DerivedChild[] {
    const input = args.logGroup;
    const via = given(input) ? `${prefix}logGroup` : "no logGroup, so the log group awsx creates";
    if (isUnknown(input) || isUnknown(record(input).args)) return [{ type: LOG_GROUP, via }];
    const r = record(input);
    return r.skip === true || given(r.existing) ? [] : [{ type: LOG_GROUP, via, props: record(r.args) }];
}

/**
 * What an awsx task definition creates from `input`: its own args, or a service's
 * `taskDefinitionArgs` (then `inputPath` names them in messages).
 */
export function taskDefinition(input: unknown, fargate: boolean, inputPath?: string): DerivedChild[] {
    const via = inputPath ?? "the task definition awsx creates";
    if (!isRecord(input)) return [{ type: TASK_DEFINITION, via }];
    const args = input;
    const { container: one, containers } = args;
    const rest = without(args, ["container", "containers", "logGroup", "executionRole", "taskRole"]);
    const awslogs = record(args.logGroup).skip !== true;
    let list: unknown;
    if (isRecord(containers)) list = Object.entries(containers).map(([name, c]) => container(name, record(c), awslogs));
    else if (isRecord(one)) list = [container(typeof one.name === "string" ? one.name : "container", one, awslogs)];
    else list = isUnknown(containers) || isUnknown(one) ? UNKNOWN.array : undefined;
    const props: Props = fargate
        ? // awsx sizes a Fargate task from its containers when memory is not given.
          { ...rest, memory: given(rest.memory) ? rest.memory : "(computed by awsx)", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"] }
        : { networkMode: "awsvpc", ...rest, requiresCompatibilities: ["EC2"] };
    const prefix = inputPath ? `${inputPath}.` : "";
    return [
        { type: TASK_DEFINITION, via, props: { ...props, containerDefinitions: list } },
        ...logGroup(args, prefix),
        ...role(args, "taskRole", prefix),
        ...role(args, "executionRole", prefix),
    ];
}

/** What an awsx FargateService or EC2Service creates: the service, and its task definition when given as args. */
export function service(args: Props, fargate: boolean): DerivedChild[] {
    const children: DerivedChild[] = [];
    const rest = without(args, ["taskDefinitionArgs", "assignPublicIp", "continueBeforeSteadyState", "useClusterDefaultCapacityProviderStrategy"]);
    let via = "the service awsx creates";
    if (fargate && !given(args.networkConfiguration)) {
        // awsx's default: a security group open to the world on every port, in the default VPC.
        children.push({
            type: SECURITY_GROUP,
            via: "no networkConfiguration, so awsx creates a security group open to the world on every port",
            props: DEFAULT_SERVICE_GROUP,
        });
        rest.networkConfiguration = {
            assignPublicIp: given(args.assignPublicIp) ? args.assignPublicIp : false,
            securityGroups: ["(the security group awsx creates)"],
        };
        via = "assignPublicIp, in the networkConfiguration awsx builds";
    }
    children.push({ type: SERVICE, via, props: rest });
    if (given(args.taskDefinitionArgs)) children.push(...taskDefinition(args.taskDefinitionArgs, fargate, "taskDefinitionArgs"));
    return children;
}
