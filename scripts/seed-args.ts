// The shared way command-line tools name a set of scenes: `--split NAME [--count N]` or
// `--seeds A..B` (B excluded).

import { SPLITS, SPLIT_NAMES, parseSeedRange, splitOf, splitSeeds, type SeedRange, type SplitName, type World } from '../src/scenes/index.ts';

export interface SceneSelection {
  /** The split the seeds lie in, or "custom" for a range outside or across splits. */
  split: string;
  seeds: SeedRange;
}

/** Scenes of the first world unless `world` says otherwise (the splits' seeds differ by world). */
export function selectScenes(args: { split?: string; count?: string; seeds?: string }, defaultCount: number, world: World = 1): SceneSelection {
  if (args.seeds !== undefined) {
    if (args.split !== undefined || args.count !== undefined) throw new Error('give either --seeds or --split/--count, not both');
    const seeds = parseSeedRange(args.seeds);
    return { split: splitOf(seeds, world) ?? 'custom', seeds };
  }
  const split = args.split ?? 'test';
  if (!(SPLIT_NAMES as string[]).includes(split)) throw new Error(`--split must be one of ${SPLIT_NAMES.join(', ')}`);
  const count = args.count === undefined ? Math.min(defaultCount, SPLITS[split as SplitName].count) : Number(args.count);
  return { split, seeds: splitSeeds(split as SplitName, count, world) };
}
