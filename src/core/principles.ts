/**
 * The three TOPS principles (method.md §2), as the one table every consumer derives from: the
 * link schema's toggles and the playground's effective parameters (src/state), the principle
 * ablation (src/evaluation/ablation.ts), and the labels and help text of the widgets and pages.
 *
 * Switching a principle off sets the TOPS parameters in its `off` to 0. Task Relevance enters the
 * objective twice — as the α·R(S) term and through the coverage weights w_j = (1 − λ) + λ·r_j — so
 * switching it off zeroes α *and* λ: nothing of the instruction is left. Coverage off zeroes β
 * (λ then has no effect either); Diversity off zeroes γ.
 *
 * Several off: each one's `off` is applied. Every `off` only sets parameters to 0, so the order
 * does not matter and the result is their union. With all three off every gain is 0: ties go to
 * the lowest index, so the kept set is the first k tokens. Everything here is pure.
 */
import type { Params } from './types.ts';

export type PrincipleId = 'relevance' | 'coverage' | 'diversity';
export type TopsWeight = 'alpha' | 'beta' | 'gamma';
export type TopsParam = TopsWeight | 'lambda';

export interface PrincipleSpec {
  readonly id: PrincipleId;
  /** The paper's name. */
  readonly label: string;
  /** One word, for compact labels ("Relevance only", "Coverage + Diversity"). */
  readonly short: string;
  /** The TOPS weight of its term. */
  readonly weight: TopsWeight;
  /** The TOPS parameters switching it off sets, all to 0. */
  readonly off: Readonly<Partial<Record<TopsParam, 0>>>;
  /** What "off" means, in one line the pages show: the parameters it zeroes, then why. */
  readonly offMeaning: string;
}

/** How the pages write each TOPS parameter. */
export const PARAM_SYMBOLS: Readonly<Record<TopsParam, string>> = Object.freeze({ alpha: 'α', beta: 'β', gamma: 'γ', lambda: 'λ' });

const WEIGHTS: readonly TopsParam[] = ['alpha', 'beta', 'gamma'];

/**
 * Parameters set to 0 as the pages write them: the weights first, then λ ("α = γ = 0, λ = 0").
 * Empty for no change.
 */
export function zeroedText(change: Readonly<Partial<Record<TopsParam, number>>>): string {
  const names = (Object.keys(PARAM_SYMBOLS) as TopsParam[]).filter((p) => change[p] === 0);
  const group = (ps: TopsParam[]): string => (ps.length === 0 ? '' : `${ps.map((p) => PARAM_SYMBOLS[p]).join(' = ')} = 0`);
  return [group(names.filter((p) => WEIGHTS.includes(p))), group(names.filter((p) => !WEIGHTS.includes(p)))].filter((t) => t !== '').join(', ');
}

function row(id: PrincipleId, label: string, weight: TopsWeight, off: PrincipleSpec['off'], why: string): PrincipleSpec {
  return Object.freeze({ id, label, short: id[0].toUpperCase() + id.slice(1), weight, off: Object.freeze(off), offMeaning: `Off sets ${zeroedText(off)} — ${why}` });
}

export const PRINCIPLES: readonly PrincipleSpec[] = Object.freeze([
  row('relevance', 'Task Relevance', 'alpha', { alpha: 0, lambda: 0 },
    'no relevance term, and coverage weighs every token alike, so nothing of the instruction steers the kept set.'),
  row('coverage', 'Information Coverage', 'beta', { beta: 0 },
    'nothing rewards a token for standing in for the tokens it resembles (λ then has no effect).'),
  row('diversity', 'Semantic Diversity', 'gamma', { gamma: 0 },
    'nothing keeps near-duplicates of kept tokens from being picked again.'),
]);

export const PRINCIPLE_IDS: readonly PrincipleId[] = Object.freeze(PRINCIPLES.map((p) => p.id));

export function getPrinciple(id: PrincipleId): PrincipleSpec {
  const found = PRINCIPLES.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no principle "${String(id)}"`);
  return found;
}

/** The parameter change of switching `off` off: the union of their `off`s. */
export function offChange(off: Iterable<PrincipleId>): Partial<Record<TopsParam, 0>> {
  return Object.assign({}, ...[...off].map((id) => getPrinciple(id).off));
}

/** TOPS parameters with the principles in `off` switched off (a new object). */
export function paramsWithout(params: Readonly<Params>, off: Iterable<PrincipleId>): Params {
  return { ...params, ...offChange(off) };
}

/** The principles a switch record has off, in table order. */
export function principlesOff(enabled: Readonly<Record<PrincipleId, boolean>>): PrincipleId[] {
  return PRINCIPLE_IDS.filter((id) => !enabled[id]);
}

/** TOPS parameters as run with the principles `enabled` says (what the playground's toggles do). */
export function principleParams(params: Readonly<Params>, enabled: Readonly<Record<PrincipleId, boolean>>): Params {
  return paramsWithout(params, principlesOff(enabled));
}

/** TOPS parameters that keep only `id`'s term: the other two switched off. */
export function principleOnly(params: Readonly<Params>, id: PrincipleId): Params {
  return paramsWithout(params, PRINCIPLE_IDS.filter((other) => other !== id));
}
