// The Fargate task size table (Linux). Source: Amazon ECS Developer Guide,
// "Task CPU and memory" (8 and 16 vCPU need platform version 1.4.0 or later).

export interface MemoryRange {
    /** Smallest memory (MiB) allowed with this cpu. */
    min: number;
    /** Largest memory (MiB) allowed with this cpu. */
    max: number;
    /** Step between allowed values (MiB). */
    step: number;
}

/** cpu units → allowed memory (MiB). 256 cpu has an irregular list, written out. */
export const FARGATE_MEMORY_BY_CPU: Readonly<Record<number, readonly number[] | MemoryRange>> = {
    256: [512, 1024, 2048],
    512: { min: 1024, max: 4096, step: 1024 },
    1024: { min: 2048, max: 8192, step: 1024 },
    2048: { min: 4096, max: 16384, step: 1024 },
    4096: { min: 8192, max: 30720, step: 1024 },
    8192: { min: 16384, max: 61440, step: 4096 },
    16384: { min: 32768, max: 122880, step: 8192 },
};

export const FARGATE_CPU_VALUES: readonly number[] = Object.keys(FARGATE_MEMORY_BY_CPU).map(Number);

/** Every memory value allowed with `cpu`, or [] when the cpu is not a Fargate size. */
export function allowedMemory(cpu: number): number[] {
    const entry = FARGATE_MEMORY_BY_CPU[cpu];
    if (entry === undefined) return [];
    if (Array.isArray(entry)) return [...entry];
    const range = entry as MemoryRange;
    const values: number[] = [];
    for (let m = range.min; m <= range.max; m += range.step) values.push(m);
    return values;
}

/** Human text of the allowed memory for `cpu`, e.g. "1024–4096 in 1024 steps". */
export function describeAllowedMemory(cpu: number): string {
    const entry = FARGATE_MEMORY_BY_CPU[cpu];
    if (entry === undefined) return "none (cpu is not a Fargate size)";
    if (Array.isArray(entry)) return entry.join(", ");
    const range = entry as MemoryRange;
    return `${range.min}–${range.max} in ${range.step} steps`;
}

export function isValidFargateSize(cpu: number, memory: number): boolean {
    return allowedMemory(cpu).includes(memory);
}
