// What the pack derives from an awsx component's inputs: the resources awsx would create, as the
// type token and props the pack's resource rules read, with where each comes from for messages.
import { isRecord } from "../knowledge/values";

export type Props = Record<string, unknown>;

export interface DerivedChild {
    /** Type token of the resource awsx creates. */
    type: string;
    /** Which inputs (or awsx default) it comes from, for messages. */
    via: string;
    /** Its props as awsx would pass them (unknowns stay the SDK's sentinels); absent when the input they come from is unknown. */
    props?: Props;
}

export const SERVICE = "aws:ecs/service:Service";
export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
export const LISTENER = "aws:lb/listener:Listener";
export const REPOSITORY = "aws:ecr/repository:Repository";

export const given = (v: unknown) => v !== undefined && v !== null;
export const record = (v: unknown): Props => (isRecord(v) ? v : {});
export const without = (o: Props, keys: string[]): Props => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
