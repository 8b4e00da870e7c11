// The pack's one way to load data: on first use, once. The pack's start is every preview's start,
// so a data package, a large JSON file or a table built from one is never loaded at module load
// (tests/policy/packStart.spec.ts fails when the pack reads data or loads a large module at start).

/** A loader that runs `load` on its first call and returns that value ever after (a throw is not kept). */
export function lazy<T>(load: () => T): () => T {
    let loaded: { value: T } | undefined;
    return () => (loaded ??= { value: load() }).value;
}

/** `lazy` per key: `load(key)` runs on the first call with that key (e.g. one data file per AWS service). */
export function lazyByKey<T>(load: (key: string) => T): (key: string) => T {
    const loaded = new Map<string, T>();
    return (key) => {
        if (!loaded.has(key)) loaded.set(key, load(key));
        return loaded.get(key) as T;
    };
}
