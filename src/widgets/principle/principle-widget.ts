/**
 * One TOPS principle alone on the token cloud: which tokens it keeps as the reader moves the
 * instruction and changes the budget. Relevance shades tokens by r_i; coverage links every token
 * to the kept token that covers it; diversity numbers the greedy picks.
 */
import { mountCloudWidget } from '../cloud/cloud-widget.ts';
import { coveringToken } from '../cloud/cloud-session.ts';
import { slider } from '../shared/controls.ts';
import { configChoice, type MountContext } from '../shared/widget.ts';
import { PRINCIPLE_IDS, PRINCIPLES, principleSelection } from './principles.ts';

export function mount(root: HTMLElement, context: MountContext): Promise<void> {
  const id = configChoice(context.config, 'principle', PRINCIPLE_IDS, 'relevance');
  const principle = PRINCIPLES[id];
  let lambda = principle.params.lambda ?? 0;
  return mountCloudWidget(root, context, {
    name: `tops-${id}`,
    label: `Token cloud: the tokens ${principle.name} keeps`,
    tableCaption: `What ${principle.name} alone preserves`,
    selection: () => principleSelection(id, lambda),
    overlay: ({ state, pruned }) => ({
      shade: principle.overlay === 'relevance' ? state.handle.relevance : null,
      links: principle.overlay === 'coverage' ? coveringToken(state, pruned.kept) : null,
      order: principle.overlay === 'order' ? pruned.order : null,
    }),
    controls: (refresh) => (id !== 'coverage' ? [] : [slider({
      label: 'λ: coverage of what matters', min: 0, max: 1, step: 0.05, value: lambda,
      format: (v) => v.toFixed(2), onInput: (v) => { lambda = v; refresh(); },
    }).element]),
  });
}
