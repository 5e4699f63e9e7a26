/**
 * A small deterministic random source (mulberry32) so that the same seed always yields the same
 * sandbox rows: tests and screenshots can rely on names and ids staying put between runs.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks an index of `weights` with probability proportional to its weight. */
  weightedIndex(cumulativeWeights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items in random order (without replacement). */
  sample<T>(items: readonly T[], count: number): T[];
}

export function createSeededRandom(seed: number | string): SeededRandom {
  let state = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  }

  function weightedIndex(cumulativeWeights: readonly number[]): number {
    const total = cumulativeWeights[cumulativeWeights.length - 1];
    if (total === undefined) throw new Error('Cannot pick from an empty list');
    const target = next() * total;
    let low = 0;
    let high = cumulativeWeights.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulativeWeights[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  }

  function sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new Error(`Cannot sample ${count} of ${items.length} items`);
    // A partial Fisher–Yates: only the first `count` slots need settling.
    const copy = items.slice();
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy.slice(0, count);
  }

  return { next, int, chance: (probability) => next() < probability, pick, weightedIndex, shuffle, sample };
}

/** FNV-1a, so that each seeding step can have its own stream named after it. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Running totals of `weights`, the form `weightedIndex` expects. */
export function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((weight) => {
    total += weight;
    return total;
  });
}
