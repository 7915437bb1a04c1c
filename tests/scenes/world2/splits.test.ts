import { describe, expect, it } from 'vitest';
import { SPLITS, SPLITS_2, SPLIT_NAMES, splitOf, splitSeeds } from '../../../src/scenes/index.ts';

describe('SynthScenes 2 splits', () => {
  it('are disjoint from each other and from every first-world seed', () => {
    const ranges = SPLIT_NAMES.flatMap((n) => [SPLITS[n], SPLITS_2[n]]).sort((a, b) => a.start - b.start);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBeGreaterThanOrEqual(ranges[i - 1].start + ranges[i - 1].count);
  });

  it('are named per world; the first world stays the default', () => {
    expect(splitSeeds('test', 5, 2)).toEqual({ start: 12_000_000, count: 5 });
    expect(splitSeeds('test', 5)).toEqual({ start: 2_000_000, count: 5 });
    expect(splitOf({ start: 11_000_000, count: 10 }, 2)).toBe('validation');
    expect(splitOf({ start: 11_000_000, count: 10 })).toBeNull();
  });
});
