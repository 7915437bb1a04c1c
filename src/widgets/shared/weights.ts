/** TOPS weights as the site writes them in prose, captions and tables: "α = 0.25, β = 2, γ = 2, λ = 0". */
import type { Params } from '../../core/index.ts';

export function weightsText(p: Params, names: readonly ('alpha' | 'beta' | 'gamma' | 'lambda')[] = ['alpha', 'beta', 'gamma', 'lambda']): string {
  const symbol = { alpha: 'α', beta: 'β', gamma: 'γ', lambda: 'λ' } as const;
  return names.map((n) => `${symbol[n]} = ${p[n]}`).join(', ');
}
