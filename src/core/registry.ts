import { PruneError } from './errors.ts';
import { fastervlm, fastv } from './methods/attention.ts';
import { cdpruner } from './methods/cdpruner.ts';
import { dart } from './methods/dart.ts';
import { divprune } from './methods/divprune.ts';
import { pool } from './methods/pool.ts';
import { random } from './methods/random.ts';
import { tops } from './methods/tops.ts';
import { vispruner } from './methods/vispruner.ts';
import { visionzip } from './methods/visionzip.ts';
import type { MethodSpec, Need, Params, Prepared, PruneResult } from './types.ts';

/** Every registered method, TOPS first. Ids are stable: permalinks and benchmarks name them. */
export const METHODS: readonly MethodSpec[] = [
  tops, random, pool, fastervlm, fastv, visionzip, vispruner, divprune, cdpruner, dart,
];

export function getMethod(id: string): MethodSpec {
  const method = METHODS.find((m) => m.id === id);
  if (method === undefined) {
    throw new PruneError('unknown-method', `unknown method "${id}"; known: ${METHODS.map((m) => m.id).join(', ')}`);
  }
  return method;
}

/** Fills defaults and refuses unknown names, non-numbers and out-of-range values. */
export function resolveParams(method: MethodSpec, given: Partial<Params> = {}): Params {
  for (const name of Object.keys(given)) {
    if (!(name in method.params)) throw new PruneError('param', `${method.id} has no parameter "${name}"`);
  }
  const out: Params = {};
  for (const [name, spec] of Object.entries(method.params)) {
    const v = given[name] ?? spec.default;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer && !Number.isInteger(v))) {
      throw new PruneError('param', `${method.id}.${name} must be ${spec.integer ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}], got ${v}`);
    }
    out[name] = v;
  }
  return out;
}

/** Inputs the method needs with these parameters. */
export function methodNeeds(method: MethodSpec, params: Params): readonly Need[] {
  return [...method.needs, ...(method.needsFor?.(params) ?? [])];
}

const AVAILABLE: Record<Need, (p: Pick<Prepared, 'relevance' | 'clsAttn' | 'textAttn'>) => boolean> = {
  text: (p) => p.relevance !== null,
  clsAttn: (p) => p.clsAttn !== null,
  textAttn: (p) => p.textAttn !== null,
};

/** Keeps k of the prepared tokens with the named method. Deterministic for equal inputs. */
export function prune(id: string, p: Prepared, k: number, params: Partial<Params> = {}): PruneResult {
  const { method, resolved } = checkPrune(id, p, k, params);
  return method.run(p, k, resolved);
}

/** What prune() refuses, checked without running: for backends that run the method elsewhere. */
export function checkPrune(
  id: string, p: Pick<Prepared, 'n' | 'relevance' | 'clsAttn' | 'textAttn'>, k: number, params: Partial<Params> = {},
): { method: MethodSpec; resolved: Params } {
  const method = getMethod(id);
  const resolved = resolveParams(method, params);
  if (!Number.isInteger(k) || k < 1 || k > p.n) {
    throw new PruneError('budget', `k must be an integer in [1, ${p.n}], got ${k}`);
  }
  for (const need of methodNeeds(method, resolved)) {
    if (!AVAILABLE[need](p)) throw new PruneError('missing-input', `${method.name} needs ${need}, which was not given to prepare()`);
  }
  return { method, resolved };
}
