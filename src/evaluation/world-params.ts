// TOPS's parameters in each world's benchmarks. The engine's defaults (core's tops.ts) are the ones
// tune:tops chose on the second world's validation split (tune-tops2.json). The first world's
// committed results were computed with the defaults chosen on its own validation split
// (tune-tops.json), so its benchmarks keep running those and `bench:vqa -- --world 1` reproduces
// them. tests/evaluation/tuned-defaults.test.ts ties each world to its tuning file.
import { getMethod, resolveParams, type Params } from '../core/index.ts';
import type { World } from '../scenes/index.ts';
import { FIRST_WORLD_TOPS } from '../state/index.ts';

/** TOPS's parameters in `world`'s benchmarks: its own tuned defaults. */
export function worldTopsParams(world: World): Params {
  return resolveParams(getMethod('tops'), world === 1 ? FIRST_WORLD_TOPS : {});
}

/** A method's parameters in `world`'s benchmarks: TOPS's world defaults, every other method's engine defaults. */
export function worldParams(method: string, world: World): Partial<Params> {
  return method === 'tops' ? worldTopsParams(world) : {};
}
