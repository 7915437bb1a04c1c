// What each link format means by a field it omits. Only what changed between versions is listed;
// everything else falls back to the engine's current default.
import type { StateVersion } from './types.ts';

/**
 * Version 1 links were written while TOPS's weights defaulted to α = β = γ = 1, λ = 0.5; since
 * version 2 the defaults are the tuned ones (tune:tops, see the benchmarks page). A version 1 link
 * that leaves a weight out keeps meaning the old value.
 */
const V1_PARAM_DEFAULTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  tops: { alpha: 1, beta: 1, gamma: 1, lambda: 0.5 },
};

/** The value a link of `version` means when it leaves `method.param` out. */
export function paramDefault(version: StateVersion, method: string, param: string, current: number): number {
  return version === 1 ? V1_PARAM_DEFAULTS[method]?.[param] ?? current : current;
}

/** Which version a link's `v` field names: none means 1 (the first format had it optional). */
export function linkVersion(raw: string | null): StateVersion | null {
  if (raw === null || raw === '1') return 1;
  if (raw === '2') return 2;
  return null;
}
