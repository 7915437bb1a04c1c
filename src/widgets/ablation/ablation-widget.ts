/**
 * Ablation: the three TOPS principles (core PRINCIPLES) as switches and weights on the token
 * cloud, with every metric recomputed live beside the metrics of all three at their defaults.
 * Turning one term off shows which failure it was preventing; "off" applies the principle's `off`,
 * as in the playground and the benchmarks' ablation (Task Relevance off also sets λ = 0).
 */
import { PARAM_SYMBOLS, PRINCIPLES, type Params } from '../../core/index.ts';
import { mountCloudWidget } from '../cloud/cloud-widget.ts';
import { checkbox, readout, slider } from '../shared/controls.ts';
import { weightsText } from '../shared/weights.ts';
import { box, type MountContext } from '../shared/widget.ts';
import { ablationSelection, ALL_ON, ALL_THREE_DEFAULTS } from './ablation-selection.ts';

export function mount(root: HTMLElement, context: MountContext): Promise<void> {
  const weights: Params = { ...ALL_THREE_DEFAULTS.params };
  const on = { ...ALL_ON };
  const note = readout('tl-note');
  const current = (): Params => ablationSelection(weights, on).params;
  let refresh = (): void => {};
  const lambda = slider({
    label: `${PARAM_SYMBOLS.lambda}: coverage of what matters`, min: 0, max: 1, step: 0.05, value: weights.lambda,
    format: (v) => v.toFixed(2), onInput: (v) => { weights.lambda = v; refresh(); },
  });
  /** λ is disabled while a principle whose `off` zeroes it (Task Relevance) is off. */
  const syncLambda = (): void => lambda.setDisabled(PRINCIPLES.some((p) => !on[p.id] && 'lambda' in p.off));
  return mountCloudWidget(root, context, {
    name: 'tops-ablation',
    label: 'Token cloud: the tokens TOPS keeps with the principles switched on',
    tableCaption: 'Metrics of this setting and of all three at their defaults',
    selection: () => ablationSelection(weights, on),
    references: () => [ALL_THREE_DEFAULTS],
    overlay: ({ pruned }) => ({ order: pruned.order }),
    side: [note],
    onDraw: () => {
      note.textContent = PRINCIPLES.every((p) => current()[p.weight] === 0)
        ? 'With every principle off, every token gains 0: ties go to the lowest index, so the kept set is simply the first k tokens.'
        : `Weights in use: ${weightsText(current())}.`;
    },
    controls: (redraw) => {
      refresh = (): void => { syncLambda(); redraw(); };
      return [
        ...PRINCIPLES.map((p) => {
          const weight = slider({
            label: `${PARAM_SYMBOLS[p.weight]} weight`, min: 0, max: 4, step: 0.05, value: weights[p.weight], format: (v) => v.toFixed(2),
            onInput: (v) => { weights[p.weight] = v; refresh(); },
          });
          const toggle = checkbox(p.label, true, (v) => { on[p.id] = v; weight.setDisabled(!v); refresh(); });
          toggle.element.title = p.offMeaning;
          return box('tl-term', toggle.element, weight.element);
        }),
        lambda.element,
      ];
    },
  });
}
