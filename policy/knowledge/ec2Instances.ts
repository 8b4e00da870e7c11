// EC2 instance types for ECS container instances: what each offers to awsvpc tasks. Shared by the
// settings (does a task fit, how many instances a service needs) and the cost model (how many run).

export type InstanceArchitecture = "X86_64" | "ARM64";

export interface InstanceSpec {
    vcpus: number;
    memoryMiB: number;
    /** Network interfaces per instance: each awsvpc task takes one, the instance keeps one. */
    maxEnis: number;
    arch: InstanceArchitecture;
}

const spec = (vcpus: number, memoryGiB: number, maxEnis: number, arch: InstanceArchitecture): InstanceSpec => ({
    vcpus,
    memoryMiB: memoryGiB * 1024,
    maxEnis,
    arch,
});

/** Current-generation general purpose, compute and memory types (EC2 User Guide, "Network interfaces per instance type"). */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceSpec>> = {
    "t3.micro": spec(2, 1, 2, "X86_64"),
    "t3.small": spec(2, 2, 3, "X86_64"),
    "t3.medium": spec(2, 4, 3, "X86_64"),
    "t3.large": spec(2, 8, 3, "X86_64"),
    "t3.xlarge": spec(4, 16, 4, "X86_64"),
    "m6i.large": spec(2, 8, 3, "X86_64"),
    "m6i.xlarge": spec(4, 16, 4, "X86_64"),
    "m6i.2xlarge": spec(8, 32, 4, "X86_64"),
    "c6i.large": spec(2, 4, 3, "X86_64"),
    "c6i.xlarge": spec(4, 8, 4, "X86_64"),
    "c6i.2xlarge": spec(8, 16, 4, "X86_64"),
    "r6i.large": spec(2, 16, 3, "X86_64"),
    "r6i.xlarge": spec(4, 32, 4, "X86_64"),
    "t4g.micro": spec(2, 1, 2, "ARM64"),
    "t4g.small": spec(2, 2, 3, "ARM64"),
    "t4g.medium": spec(2, 4, 3, "ARM64"),
    "t4g.large": spec(2, 8, 3, "ARM64"),
    "t4g.xlarge": spec(4, 16, 4, "ARM64"),
    "m7g.large": spec(2, 8, 3, "ARM64"),
    "m7g.xlarge": spec(4, 16, 4, "ARM64"),
    "m7g.2xlarge": spec(8, 32, 4, "ARM64"),
    "c7g.large": spec(2, 4, 3, "ARM64"),
    "c7g.xlarge": spec(4, 8, 4, "ARM64"),
    "c7g.2xlarge": spec(8, 16, 4, "ARM64"),
    "r7g.large": spec(2, 16, 3, "ARM64"),
    "r7g.xlarge": spec(4, 32, 4, "ARM64"),
};

/** Memory the agent and the OS keep (ECS_RESERVED_MEMORY in the user data the program writes). */
export const ECS_RESERVED_MEMORY_MIB = 256;
/** The kernel and firmware take a share before ECS registers the instance's memory. */
const REGISTERED_MEMORY_SHARE = 0.95;

export interface TaskFit {
    byCpu: number;
    byMemory: number;
    /** awsvpc without ENI trunking: one interface per task, one for the instance. */
    byEnis: number;
    tasks: number;
}

/** How many tasks of this size one instance runs. */
export function tasksPerInstance(instance: InstanceSpec, taskCpu: number, taskMemoryMiB: number): TaskFit {
    const byCpu = Math.floor((instance.vcpus * 1024) / taskCpu);
    const byMemory = Math.floor((Math.floor(instance.memoryMiB * REGISTERED_MEMORY_SHARE) - ECS_RESERVED_MEMORY_MIB) / taskMemoryMiB);
    const byEnis = instance.maxEnis - 1;
    return { byCpu, byMemory, byEnis, tasks: Math.max(0, Math.min(byCpu, byMemory, byEnis)) };
}

/** AWS's public SSM parameters naming the current ECS-optimized Amazon Linux 2023 AMI. */
export const ECS_AMI_PARAMETERS: Readonly<Record<InstanceArchitecture, string>> = {
    X86_64: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
    ARM64: "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
};

/** The AWS-managed policy for ECS container instances: broad (`*` resources), accepted only with a reason. */
export const ECS_INSTANCE_MANAGED_POLICY = "service-role/AmazonEC2ContainerServiceforEC2Role";
