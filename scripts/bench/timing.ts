// Medians of timed runs that take turns, so that load from other processes on a shared machine
// falls on every contender alike.

export interface Timed {
    median: number;
    all: number[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Each body once to warm up, then `runs` rounds of a, b, c, a, b, c, …; the median of each. */
export async function takingTurns(runs: number, bodies: (() => number | Promise<number>)[]): Promise<Timed[]> {
    for (const body of bodies) await body();
    const all = bodies.map(() => [] as number[]);
    for (let run = 0; run < runs; run++) for (const [i, body] of bodies.entries()) all[i]!.push(await body());
    return all.map((times) => ({ median: median(times), all: times }));
}

export const ms = (x: number) => `${x.toFixed(0)} ms`;

export const runsOf = (t: Timed) => t.all.map((x) => x.toFixed(0)).join(", ");
