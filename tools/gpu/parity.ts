// The GPU parity suite, run inside the page: for each token set, the WebGPU backend's prepared
// state against the CPU engine's prepare(), then its kept sets against the CPU engine's prune().
import { prepare, prune, type Params, type PruneResult } from '../../src/core/index.ts';
import type { GpuBackend } from '../../src/gpu/backend.ts';
import { tokenSet, type TokenSetKind, type TokenSetSpec } from './token-sets.ts';

export interface PruneSpec {
  method: 'tops' | 'divprune' | 'cdpruner';
  /** Retention k/n. */
  share: number;
  params: Partial<Params>;
}

export interface ParitySummary {
  cases: number;
  identical: number;
  /** Largest |GPU − CPU| over every TOPS gain term of every pick the GPU decided. */
  maxAbsGainDiff: number;
  /** Cases whose picks the GPU certified (the rest it handed to the CPU engine). */
  selectedOnGpu: number;
  /** The cases handed to the CPU engine. */
  handedToCpu: string[];
  /** Where maxAbsGainDiff was seen. */
  worstGain: string;
  gramEntries: number;
  gramIdentical: number;
  patchedEntries: number;
  relevanceIdentical: boolean;
  mismatches: string[];
}

const KINDS: TokenSetKind[] = ['gaussian', 'clustered', 'duplicates', 'low-rank'];
const SIZES: [number, number][] = [[16, 8], [49, 32], [100, 64], [144, 16], [196, 128], [256, 32], [324, 64], [576, 96]];
/**
 * The defaults, each term alone, and two mixtures; λ is given wherever coverage is on, so a change
 * of defaults does not change the suite. Coverage alone is relevance-weighted (λ = 0.5): with
 * uniform weights (λ = 0) two tokens that cover only each other gain exactly the same, a tie the
 * GPU cannot certify and always hands to the CPU engine, so such a case would test nothing here.
 */
const TOPS_WEIGHTS: Partial<Params>[] = [
  {}, { alpha: 1, beta: 0, gamma: 0 }, { alpha: 0, beta: 1, gamma: 0, lambda: 0.5 }, { alpha: 0, beta: 0, gamma: 1 },
  { alpha: 0.5, beta: 2, gamma: 1, lambda: 1 }, { alpha: 2, beta: 0.25, gamma: 3, lambda: 0 },
];

/** `sets` token sets cycling through kinds and sizes, each pruned 9 ways (6 TOPS weightings, DivPrune, CDPruner with each sign of its relevance). */
export function parityPlan(sets: number, seed: number): { spec: TokenSetSpec; prunes: PruneSpec[] }[] {
  return Array.from({ length: sets }, (_, s) => {
    const [n, d] = SIZES[s % SIZES.length];
    const spec: TokenSetSpec = { kind: KINDS[s % KINDS.length], n, d, m: 1 + (s % 4), seed: seed + 97 * s };
    const shares = [0.1, 0.222, 0.5];
    const prunes: PruneSpec[] = [
      ...TOPS_WEIGHTS.map((params, w) => ({ method: 'tops' as const, share: shares[(s + w) % 3], params })),
      { method: 'divprune', share: shares[s % 3], params: {} },
      { method: 'cdpruner', share: 0.222, params: { negate: s % 2 } },
      { method: 'cdpruner', share: shares[(s + 2) % 3], params: { negate: (s + 1) % 2 } },
    ];
    return { spec, prunes };
  });
}

export async function runParity(backend: GpuBackend, plan: ReturnType<typeof parityPlan>): Promise<ParitySummary> {
  const summary: ParitySummary = {
    cases: 0, identical: 0, maxAbsGainDiff: 0, selectedOnGpu: 0, handedToCpu: [], worstGain: '',
    gramEntries: 0, gramIdentical: 0, patchedEntries: 0, relevanceIdentical: true, mismatches: [],
  };
  for (const { spec, prunes } of plan) {
    const input = tokenSet(spec);
    const cpu = prepare(input);
    const gpu = await backend.prepare(input);
    const mirror = await backend.mirror(gpu);
    summary.gramEntries += cpu.gram.length;
    summary.gramIdentical += countEqual(mirror.gram, cpu.gram);
    summary.patchedEntries += Math.max(0, gpu.patchedEntries);
    if (!sameValues(gpu.relevance, cpu.relevance)) summary.relevanceIdentical = false;
    for (const { method, share, params } of prunes) {
      const k = Math.max(1, Math.round(share * spec.n));
      const want = prune(method, cpu, k, params);
      const got = await backend.prune(gpu, method, k, params);
      const label = `${spec.kind} n=${spec.n} d=${spec.d} ${method} k=${k} ${JSON.stringify(params)}`;
      summary.cases++;
      if (sameValues(got.kept, want.kept)) summary.identical++;
      else summary.mismatches.push(label);
      if (got.selectedOn === 'cpu') { summary.handedToCpu.push(label); continue; }
      summary.selectedOnGpu++;
      const worst = gainDiff(got, want);
      if (worst.diff > summary.maxAbsGainDiff) {
        summary.maxAbsGainDiff = worst.diff;
        summary.worstGain = `${label}: ${worst.where}`;
      }
    }
    backend.release(gpu);
  }
  return summary;
}

function gainDiff(got: PruneResult, want: PruneResult): { diff: number; where: string } {
  let worst = { diff: 0, where: '' };
  (got.trace ?? []).forEach((g, t) => {
    const w = want.trace![t];
    for (const term of ['relevance', 'coverage', 'diversity', 'total'] as const) {
      const diff = Math.abs(g[term] - w[term]);
      if (diff > worst.diff) worst = { diff, where: `pick ${t} ${term} ${w[term]}` };
    }
  });
  return worst;
}

function countEqual(a: Float32Array, b: Float32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (Object.is(a[i], b[i])) same++;
  return same;
}

function sameValues(a: ArrayLike<number> | null, b: ArrayLike<number> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
}

