/**
 * The front page's live figure: TOPS (default weights) on the token cloud. The reader drags the
 * instruction and sets the budget; the figure shows what is kept, what it preserves, and what
 * the same retention would save in an LLaVA-NeXT-7B prefill.
 */
import { LLM_SHAPES } from '../../core/index.ts';
import { mountCloudWidget } from '../cloud/cloud-widget.ts';
import { costSummary } from '../cost/cost-data.ts';
import { TOPS_DEFAULTS } from '../failure/panels.ts';
import { readout } from '../shared/controls.ts';
import type { MountContext } from '../shared/widget.ts';

const NEXT = LLM_SHAPES.find((s) => s.id === 'llava-next-7b')!;
/** Prompt length for the cost line: LLaVA's 35-token system prompt plus a short question. */
const TEXT_TOKENS = 64;

export function mount(root: HTMLElement, context: MountContext): Promise<void> {
  const cost = readout('tl-note');
  return mountCloudWidget(root, context, {
    name: 'tops-hero',
    label: 'Token cloud: the tokens TOPS keeps for the instruction',
    tableCaption: 'What the kept set preserves',
    selection: () => TOPS_DEFAULTS,
    overlay: ({ pruned }) => ({ order: pruned.order }),
    side: [cost],
    onDraw: ({ state, k }) => {
      const retention = k / state.cloud.tokens.length;
      const c = costSummary(NEXT, retention, TEXT_TOKENS);
      cost.textContent = `At the same retention (${(100 * retention).toFixed(1)} %), LLaVA-NeXT-7B would prefill ${c.keptTokens} of its ${c.fullTokens} visual tokens: ${c.keptTflops.toFixed(1)} instead of ${c.fullTflops.toFixed(1)} TFLOPs (${(100 * c.saving).toFixed(0)} % less).`;
    },
  });
}
