// EC2 instance types as the program and the cost model read them.

/** "t4g.nano", "c6gn.medium": family (letters, generation, attributes) and size. */
export const INSTANCE_TYPE = /^([a-z]+)(\d+)([a-z-]*)\.([a-z0-9]+)$/;

/** Graviton families carry a "g" right after the generation (t4g, c6gn, m7gd), plus a1. */
export function instanceArchitecture(instanceType: string): "arm64" | "x86_64" {
    const m = INSTANCE_TYPE.exec(instanceType);
    if (!m) return "x86_64";
    return (m[1] === "a" && m[2] === "1") || m[3]!.startsWith("g") ? "arm64" : "x86_64";
}

/** Burstable (T) types take a CPU credit mode. */
export const isBurstable = (instanceType: string): boolean => /^t\d/.test(instanceType);
