/** TOPS weights as the site writes them in prose, captions and tables: "α = 0.25, β = 2, γ = 2, λ = 0". */
import { PARAM_SYMBOLS, type Params, type TopsParam } from '../../core/index.ts';

export function weightsText(p: Params, names: readonly TopsParam[] = ['alpha', 'beta', 'gamma', 'lambda']): string {
  return names.map((n) => `${PARAM_SYMBOLS[n]} = ${p[n]}`).join(', ');
}
