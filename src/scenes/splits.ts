// The only place where seed ranges are assigned to splits, for both worlds. Validation is for
// choosing defaults, test is for reported numbers; nothing is tuned on test.

export const SPLITS = {
  train: { start: 0, count: 1_000_000 },
  validation: { start: 1_000_000, count: 1_000_000 },
  test: { start: 2_000_000, count: 1_000_000 },
} as const;

export type SplitName = keyof typeof SPLITS;
export const SPLIT_NAMES = Object.keys(SPLITS) as SplitName[];

/** SynthScenes 2's splits: same names, seeds from ten million, apart from every first-world seed. */
export const SPLITS_2: Record<SplitName, SeedRange> = {
  train: { start: 10_000_000, count: 1_000_000 },
  validation: { start: 11_000_000, count: 1_000_000 },
  test: { start: 12_000_000, count: 1_000_000 },
};

export type World = 1 | 2;
export const WORLDS: readonly World[] = [1, 2];
/** Each world's splits. */
export const WORLD_SPLITS: Readonly<Record<World, Record<SplitName, SeedRange>>> = { 1: SPLITS, 2: SPLITS_2 };

export interface SeedRange {
  start: number;
  count: number;
}

/** The first `count` seeds of a split (of the first world unless `world` says otherwise). */
export function splitSeeds(split: SplitName, count: number, world: World = 1): SeedRange {
  const range = WORLD_SPLITS[world][split];
  if (!Number.isInteger(count) || count < 1 || count > range.count) {
    throw new RangeError(`split ${split} holds 1..${range.count} seeds, asked for ${count}`);
  }
  return { start: range.start, count };
}

/** The split a whole seed range lies in, or null when it straddles or leaves the splits. */
export function splitOf(seeds: SeedRange, world: World = 1): SplitName | null {
  const end = seeds.start + seeds.count;
  return SPLIT_NAMES.find((name) => {
    const s = WORLD_SPLITS[world][name];
    return seeds.start >= s.start && end <= s.start + s.count;
  }) ?? null;
}

/** Parses "A..B": seeds A to B - 1 (B excluded, as in a half-open range). */
export function parseSeedRange(text: string): SeedRange {
  const match = /^(\d+)\.\.(\d+)$/.exec(text.trim());
  const start = match ? Number(match[1]) : NaN;
  const end = match ? Number(match[2]) : NaN;
  if (!match || end <= start || end > 0xffffffff) {
    throw new RangeError(`expected a seed range A..B with A < B ≤ 2^32 - 1, got ${JSON.stringify(text)}`);
  }
  return { start, count: end - start };
}
