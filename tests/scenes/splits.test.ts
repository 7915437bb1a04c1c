import { describe, expect, it } from 'vitest';
import { SPLITS, SPLIT_NAMES, parseSeedRange, splitOf, splitSeeds } from '../../src/scenes/index.ts';

describe('splits', () => {
  it('are disjoint seed ranges', () => {
    const ranges = SPLIT_NAMES.map((n) => SPLITS[n]).sort((a, b) => a.start - b.start);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBeGreaterThanOrEqual(ranges[i - 1].start + ranges[i - 1].count);
  });

  it('name the split of a seed range, or none when it straddles', () => {
    expect(splitSeeds('test', 10)).toEqual({ start: 2_000_000, count: 10 });
    expect(splitOf({ start: 2_000_000, count: 10 })).toBe('test');
    expect(splitOf({ start: 999_990, count: 20 })).toBeNull();
    expect(() => splitSeeds('train', 0)).toThrow(RangeError);
  });

  it('parse A..B with B excluded, and refuse anything else', () => {
    expect(parseSeedRange('5..8')).toEqual({ start: 5, count: 3 });
    for (const bad of ['8..5', '5..5', '5-8', '..8', 'a..b']) expect(() => parseSeedRange(bad)).toThrow(/A\.\.B/);
  });
});
