// "Did you mean": the candidates closest to a mistyped word by edit distance, so an error can
// name the key (or value) the user most likely meant.

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
    const [s, t] = [a.toLowerCase(), b.toLowerCase()];
    const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
            d[i]![j] = best;
        }
    }
    return d[s.length]![t.length]!;
}

/** The closest candidates (at most `max`, equally close), if any is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
    const limit = Math.max(1, Math.floor(word.length / 3));
    const scored = candidates.map((c) => ({ c, d: editDistance(word, c) })).filter((x) => x.d <= limit);
    const best = Math.min(...scored.map((x) => x.d));
    return scored
        .filter((x) => x.d === best)
        .map((x) => x.c)
        .sort()
        .slice(0, max);
}

/** "did you mean a, b or c?" for the closest candidates; undefined when none is close. */
export function didYouMean(word: string, candidates: readonly string[], label = (c: string) => c): string | undefined {
    const found = closest(word, candidates).map(label);
    if (found.length === 0) return undefined;
    const list = found.length === 1 ? found[0]! : `${found.slice(0, -1).join(", ")} or ${found[found.length - 1]!}`;
    return `did you mean ${list}?`;
}
