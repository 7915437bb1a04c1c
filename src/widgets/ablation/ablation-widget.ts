/**
 * Ablation: the three TOPS principles as switches and weights on the token cloud, with every
 * metric recomputed live beside the metrics of all three at their defaults. Turning one term
 * off shows which failure it was preventing.
 */
import { getMethod, resolveParams, type Params } from '../../core/index.ts';
import { mountCloudWidget } from '../cloud/cloud-widget.ts';
import { checkbox, readout, slider } from '../shared/controls.ts';
import { box, type MountContext } from '../shared/widget.ts';

const TERMS = [
  { key: 'alpha', label: 'Task Relevance', short: 'Relevance', weight: 'α' },
  { key: 'beta', label: 'Information Coverage', short: 'Coverage', weight: 'β' },
  { key: 'gamma', label: 'Semantic Diversity', short: 'Diversity', weight: 'γ' },
] as const;

export function mount(root: HTMLElement, context: MountContext): Promise<void> {
  const defaults = resolveParams(getMethod('tops'));
  const weights: Params = { ...defaults };
  const on: Record<string, boolean> = { alpha: true, beta: true, gamma: true };
  const note = readout('tl-note');
  const current = (): Params => ({ ...weights, ...Object.fromEntries(TERMS.map((t) => [t.key, on[t.key] ? weights[t.key] : 0])) });
  const describe = (): string => {
    const active = TERMS.filter((t) => on[t.key] && weights[t.key] > 0);
    return active.length === TERMS.length ? 'All three' : active.length === 0 ? 'None' : active.map((t) => t.short).join(' + ');
  };
  return mountCloudWidget(root, context, {
    name: 'tops-ablation',
    label: 'Token cloud: the tokens TOPS keeps with the principles switched on',
    tableCaption: 'Metrics of this setting and of all three at their defaults',
    selection: () => ({ name: describe(), method: 'tops', params: current() }),
    references: () => [{ name: 'All three (defaults)', method: 'tops', params: defaults }],
    overlay: ({ pruned }) => ({ order: pruned.order }),
    side: [note],
    onDraw: () => {
      note.textContent = TERMS.every((t) => !on[t.key] || weights[t.key] === 0)
        ? 'With every principle off, every token gains 0: ties go to the lowest index, so the kept set is simply the first k tokens.'
        : `Weights in use: ${TERMS.map((t) => `${t.weight} = ${current()[t.key].toFixed(2)}`).join(', ')}, λ = ${weights.lambda.toFixed(2)}.`;
    },
    controls: (refresh) => [
      ...TERMS.map((t) => {
        const weight = slider({
          label: `${t.weight} weight`, min: 0, max: 4, step: 0.05, value: weights[t.key], format: (v) => v.toFixed(2),
          onInput: (v) => { weights[t.key] = v; refresh(); },
        });
        const toggle = checkbox(t.label, true, (v) => { on[t.key] = v; weight.setDisabled(!v); refresh(); });
        return box('tl-term', toggle.element, weight.element);
      }),
      slider({ label: 'λ: coverage of what matters', min: 0, max: 1, step: 0.05, value: weights.lambda, format: (v) => v.toFixed(2), onInput: (v) => { weights.lambda = v; refresh(); } }).element,
    ],
  });
}
