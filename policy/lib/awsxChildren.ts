// The resources an awsx 3.x component creates, derived from its inputs the way awsx's own code
// builds them (FargateService, EC2Service, the task definitions, ApplicationLoadBalancer,
// ecr.Repository), so the pack's resource rules can judge a component whose children the stack
// does not show. Only the inputs and awsx's defaults are used; unknowns stay unknown.
import type { PolicyResource } from "@pulumi/policy";
import { UNKNOWN, isUnknown, unproxied } from "../knowledge/unknowns";
import { isRecord } from "../knowledge/values";

type Props = Record<string, unknown>;

export interface DerivedChild {
    /** Type token of the resource awsx creates. */
    type: string;
    /** Which inputs (or awsx default) it comes from, for messages. */
    via: string;
    /** Its props as awsx would pass them (unknowns stay the SDK's sentinels); absent when the input they come from is unknown. */
    props?: Props;
}

export const AWSX = {
    fargateService: "awsx:ecs:FargateService",
    ec2Service: "awsx:ecs:EC2Service",
    fargateTaskDefinition: "awsx:ecs:FargateTaskDefinition",
    ec2TaskDefinition: "awsx:ecs:EC2TaskDefinition",
    loadBalancer: "awsx:lb:ApplicationLoadBalancer",
    repository: "awsx:ecr:Repository",
} as const;

const SERVICE = "aws:ecs/service:Service";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const REPOSITORY = "aws:ecr/repository:Repository";
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

const given = (v: unknown) => v !== undefined && v !== null;
const record = (v: unknown): Props => (isRecord(v) ? v : {});
const without = (o: Props, keys: string[]): Props => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** A container as awsx writes it: named by its key, awslogs to awsx's log group unless that is skipped. */
function container(name: unknown, c: Props, awslogs: boolean): Props {
    const logs = { logDriver: "awslogs", options: { "awslogs-group": "(the log group awsx creates)", "awslogs-stream-prefix": name } };
    return { ...c, name, logConfiguration: given(c.logConfiguration) ? c.logConfiguration : awslogs ? logs : undefined };
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

function taskDefinition(input: unknown, fargate: boolean, via: string): DerivedChild[] {
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
    const prefix = via === "taskDefinitionArgs" ? "taskDefinitionArgs." : "";
    return [
        { type: TASK_DEFINITION, via, props: { ...props, containerDefinitions: list } },
        ...logGroup(args, prefix),
        ...role(args, "taskRole", prefix),
        ...role(args, "executionRole", prefix),
    ];
}

function service(args: Props, fargate: boolean): DerivedChild[] {
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

/** awsx's port and protocol for a listener: each from the other, HTTP on 80 when neither is given. */
function protocolOf(l: Props): Props {
    const { port, protocol } = l;
    if (given(port) && given(protocol)) return { port, protocol };
    if (given(port)) return { port, protocol: isUnknown(port) ? UNKNOWN.string : port === 443 ? "HTTPS" : "HTTP" };
    if (given(protocol)) return { protocol, port: isUnknown(protocol) ? UNKNOWN.number : protocol === "HTTPS" ? 443 : 80 };
    return { port: 80, protocol: "HTTP" };
}

function loadBalancer(args: Props): DerivedChild[] {
    const lb = without(args, ["subnetIds", "subnets", "defaultTargetGroup", "defaultSecurityGroup", "listener", "listeners"]);
    const children: DerivedChild[] = [{ type: LOAD_BALANCER, via: "the load balancer awsx creates", props: lb }];
    const group = record(args.defaultSecurityGroup);
    if (!given(lb.securityGroups) && group.skip !== true && !given(group.securityGroupId)) {
        const via = given(args.defaultSecurityGroup)
            ? "defaultSecurityGroup.args, the security group awsx creates"
            : "no securityGroups, so awsx creates a security group";
        const unknown = isUnknown(args.defaultSecurityGroup) || isUnknown(group.args);
        children.push({ type: SECURITY_GROUP, via, props: unknown ? undefined : record(group.args) });
    }
    const forward = [{ type: "forward", targetGroupArn: "(the default target group awsx creates)" }];
    const listeners: [string, unknown][] = Array.isArray(args.listeners)
        ? args.listeners.map((l: unknown, i) => [`listeners[${i}]`, l])
        : given(args.listener)
          ? [["listener", args.listener]]
          : [["no listener, so awsx's default listener", {}]];
    for (const [via, l] of listeners)
        children.push({ type: LISTENER, via, props: isRecord(l) ? { defaultActions: forward, ...protocolOf(l), ...l } : undefined });
    return children;
}

/** The resources `type` would create from `props` (the component's inputs); [] for other types. */
export function derivedChildren(type: string, props: unknown): DerivedChild[] {
    const args = record(unproxied(props));
    switch (type) {
        case AWSX.fargateService:
            return service(args, true);
        case AWSX.ec2Service:
            return service(args, false);
        case AWSX.fargateTaskDefinition:
            return taskDefinition(args, true, "the task definition awsx creates");
        case AWSX.ec2TaskDefinition:
            return taskDefinition(args, false, "the task definition awsx creates");
        case AWSX.loadBalancer:
            return loadBalancer(args);
        case AWSX.repository:
            return [{ type: REPOSITORY, via: "the repository awsx creates", props: without(args, ["lifecyclePolicy"]) }];
        default:
            return [];
    }
}

/**
 * The awsx components whose children the stack does not show (remote components under the offline
 * plan's mocks). A real preview expands them: their children are there and judged themselves.
 */
export function opaqueAwsxComponents(resources: readonly PolicyResource[]): PolicyResource[] {
    const parents = new Set(resources.map((r) => r.parent?.urn));
    const known = new Set<string>(Object.values(AWSX));
    return resources.filter((r) => known.has(r.type) && !parents.has(r.urn));
}
