// What each link format means by what it says. Only what changed between versions is listed;
// everything else falls back to the engine's current default and the core principles table.
import { PARAM_SYMBOLS, getPrinciple } from '../core/index.ts';
import type { ExperimentState, StateNotice, StateVersion, World } from './types.ts';

/** The world a fresh page opens in: the second, at LLaVA-1.5's 576 tokens a view. */
export const DEFAULT_WORLD: World = 2;

/**
 * The world a link of `version` means when it names none. Every link before version 4 was made in
 * the first world (the only one the playground had), with the first world's model; since version
 * 4 a link names its world, and one that leaves it out means the current default.
 */
export function worldDefault(version: StateVersion): World {
  return version < 4 ? 1 : DEFAULT_WORLD;
}

/**
 * TOPS's weights as tune:tops chose them on the first world (tune-tops.json): the engine's defaults
 * from link format 2 to 4, and what the first world's benchmarks still run
 * (src/evaluation/world-params.ts).
 */
export const FIRST_WORLD_TOPS: Readonly<Record<string, number>> = Object.freeze({ alpha: 0.25, beta: 2, gamma: 2, lambda: 0 });

/**
 * What TOPS's weights defaulted to when each older format was current, for a link that leaves one
 * out: version 1, α = β = γ = 1, λ = 0.5; versions 2 to 4, FIRST_WORLD_TOPS. Since version 5 the
 * defaults are those chosen on the second world (tune-tops2.json), and a link that leaves a weight
 * out means the current default.
 */
const OLDER_PARAM_DEFAULTS: Readonly<Partial<Record<StateVersion, Readonly<Record<string, Readonly<Record<string, number>>>>>>> = {
  1: { tops: { alpha: 1, beta: 1, gamma: 1, lambda: 0.5 } },
  2: { tops: FIRST_WORLD_TOPS },
  3: { tops: FIRST_WORLD_TOPS },
  4: { tops: FIRST_WORLD_TOPS },
};

/** The value a link of `version` means when it leaves `method.param` out. */
export function paramDefault(version: StateVersion, method: string, param: string, current: number): number {
  return OLDER_PARAM_DEFAULTS[version]?.[method]?.[param] ?? current;
}

/** Which version a link's `v` field names: none means 1 (the first format had it optional). */
export function linkVersion(raw: string | null): StateVersion | null {
  if (raw === null || raw === '1') return 1;
  if (raw === '2') return 2;
  if (raw === '3') return 3;
  if (raw === '4') return 4;
  if (raw === '5') return 5;
  return null;
}

/**
 * Before version 3, `tops.relevance=off` set only α = 0: λ still weighted coverage by relevance.
 * Since version 3 it applies core's Task Relevance `off`, which zeroes λ too. Where that would
 * change the kept set — coverage on with β > 0 and λ > 0 — an older link is read as what it meant
 * when it was shared, in words a current link can say: Task Relevance on with α = 0. Elsewhere λ
 * has no effect and the link is read as written. Returns the notice to show (null when nothing
 * changed, or when TOPS is neither shown nor compared and the reader would not see the switch).
 */
export function keepOlderRelevanceOff(state: ExperimentState): StateNotice | null {
  const tops = state.params.tops;
  if (state.v >= 3 || state.principles.relevance || !state.principles.coverage || tops.beta === 0 || tops.lambda === 0) return null;
  const relevance = getPrinciple('relevance');
  state.principles.relevance = true;
  tops[relevance.weight] = 0;
  if (state.method !== 'tops' && state.compare !== 'tops') return null;
  const [alpha, lambda] = [PARAM_SYMBOLS[relevance.weight], PARAM_SYMBOLS.lambda];
  return {
    field: `tops.${relevance.id}`, kind: 'version',
    message: `This link (format version ${state.v}) switched ${relevance.label} off when that set only ${alpha} = 0 and kept ${lambda} = ${tops.lambda} weighting coverage by relevance; today off also sets ${lambda} = 0. To keep the same tokens, ${relevance.label} is shown on with ${alpha} = 0.`,
  };
}
