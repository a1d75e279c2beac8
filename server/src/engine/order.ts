// `a < b` with both sides assumed says nothing about either value alone, only about their order; several such
// comparisons (`total >= shown`, then `!(total >= limit)`) must hold together. This turns the pairs into one
// ranking: each value gets a whole number, every smaller side below its larger side. Pairs are taken
// heaviest first (see guards.ts, Wish.weight); one that would contradict those already taken is left out.

export interface OrderPair {
  /** Keys of the two values (a slot and a path). */
  smaller: string;
  larger: string;
}

/**
 * Gaps between ranks: room for the code to move a value (`pos++` in `while (pos < max)`) before the order
 * flips, and the smallest rank is 0, so that a `.length` below everything is an empty list.
 */
const step = 10;

/** Ranks (0, 10, 20…) for every value in the pairs that could be kept, taken in the order given. */
export function rankValues(pairs: OrderPair[]): Map<string, number> {
  const above = new Map<string, Set<string>>();
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    for (const next of above.get(from) ?? []) if (reaches(next, to, seen)) return true;
    return false;
  };
  const values = new Set<string>();
  for (const { smaller, larger } of pairs) {
    if (reaches(larger, smaller)) continue; // would need larger < smaller as well
    if (!above.has(smaller)) above.set(smaller, new Set());
    above.get(smaller)!.add(larger);
    values.add(smaller).add(larger);
  }
  const below = new Map<string, string[]>();
  for (const [smaller, larger] of above) for (const value of larger) below.set(value, [...(below.get(value) ?? []), smaller]);
  const ranks = new Map<string, number>();
  const rank = (value: string): number => {
    const known = ranks.get(value);
    if (known !== undefined) return known;
    const lower = (below.get(value) ?? []).map(rank);
    const result = lower.length ? Math.max(...lower) + step : 0;
    ranks.set(value, result);
    return result;
  };
  for (const value of values) rank(value);
  return ranks;
}
