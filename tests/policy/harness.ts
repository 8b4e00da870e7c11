// Builds validation args the way the policy server does (through the pack's own runner) and
// collects violations, for single resources and for stacks with real property dependencies.
import type { PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ResourceRecord, Violation, evaluatePolicies } from "../../plan/runner";

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

const urnOf = (type: string, name: string) => `urn:pulumi:test::fargate-web::${type}::${name}`;

export function resourceRecord(type: string, name: string, props: Record<string, unknown>): ResourceRecord {
    return { urn: urnOf(type, name), type, name, custom: true, protect: false, inputs: props, outputs: props, dependencies: [], propertyDependencies: {} };
}

/** Violations of `policy` for one resource (config per the pack's format). */
export async function check(
    policy: AnyPolicy,
    type: string,
    props: Record<string, unknown>,
    config: PolicyPackConfig = {},
    name = "subject",
): Promise<Violation[]> {
    return (await evaluatePolicies([policy], [resourceRecord(type, name, props)], config)).violations;
}

export const messages = (violations: Violation[]) => violations.map((v) => v.message);

/** A stack of resources whose inputs reference each other by name, recorded as the engine does. */
export class StackBuilder {
    readonly records: ResourceRecord[] = [];

    /** `deps` maps an input property to the names of the resources that fed it. */
    add(type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): this {
        const record = resourceRecord(type, name, { id: `${name}-id`, ...props });
        for (const [prop, names] of Object.entries(deps)) {
            record.propertyDependencies[prop] = names.map((n) => {
                const target = this.records.find((r) => r.name === n);
                if (!target) throw new Error(`stack fixture: ${name}.${prop} depends on unknown resource ${n}`);
                return target.urn;
            });
        }
        record.dependencies = [...new Set(Object.values(record.propertyDependencies).flat())];
        this.records.push(record);
        return this;
    }

    async check(policy: AnyPolicy, config: PolicyPackConfig = {}): Promise<Violation[]> {
        return (await evaluatePolicies([policy], this.records, config)).violations;
    }
}

/** A minimal private network: VPC, IGW, NAT, one public and one private subnet with routes. */
export function privateNetwork(b: StackBuilder): StackBuilder {
    return b
        .add("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" })
        .add("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-id", id: "igw-0abc" }, { vpcId: ["vpc"] })
        .add("aws:ec2/subnet:Subnet", "public", { mapPublicIpOnLaunch: false, id: "subnet-public" }, { vpcId: ["vpc"] })
        .add("aws:ec2/subnet:Subnet", "private", { mapPublicIpOnLaunch: false, id: "subnet-private" }, { vpcId: ["vpc"] })
        .add("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-public" }, { subnetId: ["public"] })
        .add("aws:ec2/routeTable:RouteTable", "public-rt", { vpcId: "vpc-id" }, { vpcId: ["vpc"] })
        .add(
            "aws:ec2/route:Route",
            "public-default",
            { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" },
            { routeTableId: ["public-rt"], gatewayId: ["igw"] },
        )
        .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "public-assoc", {}, { subnetId: ["public"], routeTableId: ["public-rt"] })
        .add("aws:ec2/routeTable:RouteTable", "private-rt", { vpcId: "vpc-id" }, { vpcId: ["vpc"] })
        .add(
            "aws:ec2/route:Route",
            "private-default",
            { destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-id" },
            { routeTableId: ["private-rt"], natGatewayId: ["nat"] },
        )
        .add("aws:ec2/routeTableAssociation:RouteTableAssociation", "private-assoc", {}, { subnetId: ["private"], routeTableId: ["private-rt"] });
}

export const SERVICE = "aws:ecs/service:Service";
export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
