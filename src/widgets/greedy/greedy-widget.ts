/**
 * The TOPS greedy, one pick at a time: play, pause, step. Each pick shows its three scaled gain
 * terms (core `prune('tops', …).trace`) and the weighted total that made it the best candidate.
 */
import * as Plot from '@observablehq/plot';
import { getMethod, resolveParams, type Params, type PickTrace } from '../../core/index.ts';
import { cachedPrepare, tokenRows, type CloudState } from '../cloud/cloud-session.ts';
import { cloudView } from '../cloud/cloud-view.ts';
import { openScene } from '../cloud/figure-scene.ts';
import { button, controlRow, readout, slider } from '../shared/controls.ts';
import { engine, type Pruned } from '../shared/engine.ts';
import { exportBar } from '../shared/export.ts';
import { asFigure } from '../shared/plot-figure.ts';
import { latestOnly } from '../shared/latest.ts';
import { box, errorReporter, widgetBody, type MountContext } from '../shared/widget.ts';
import { gainRows, TERMS, traceRows } from './gains.ts';

const PLAY_INTERVAL_MS = 700;
const TERM_COLOURS = ['var(--tl-relevance)', 'var(--tl-coverage)', 'var(--tl-diversity)'];

export async function mount(root: HTMLElement, { dataReady }: MountContext): Promise<void> {
  const want = openScene();
  const { cloud } = want;
  const params: Params = resolveParams(getMethod('tops'));
  const prepareFor = cachedPrepare();
  let state: CloudState;
  let pruned: Pruned;
  let step = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const view = cloudView(cloud, {
    label: 'Token cloud: the greedy’s picks so far',
    instruction: want.instruction,
    onInstruction: (p) => { want.instruction = p; void refresh(); },
  });
  const chart = box('tl-figure tl-plot');
  const explain = readout();

  const compute = async (): Promise<void> => {
    state = await prepareFor(cloud, want.instruction);
    pruned = await engine.prune(state.handle, 'tops', want.k, params);
    step = Math.min(step, want.k);
  };
  const trace = (): PickTrace[] => pruned.trace ?? [];
  const draw = (): void => {
    const order = Array.from(pruned.order ?? []).slice(0, step);
    view.render({ kept: order, order, current: step > 0 ? order[step - 1] : null });
    const rows = gainRows(trace(), params);
    const plot = Plot.plot({
      width: 640, height: 210, marginLeft: 48,
      style: { fontSize: '12px' },
      x: { label: 'Pick →', ticks: rows.filter((r) => r.term === 'relevance' && (r.step === 1 || r.step % 5 === 0)).map((r) => r.step) },
      y: { label: '↑ Weighted gain', grid: true },
      color: { domain: [...TERMS], range: TERM_COLOURS },
      marks: [
        Plot.barY(rows, { x: 'step', y: 'weighted', fill: 'term', fillOpacity: (r: { step: number }) => (r.step <= step ? 1 : 0.25) }),
        Plot.ruleY([0]),
      ],
    });
    asFigure(plot, `Weighted gains of the ${want.k} greedy picks, stacked by term; the first ${step} are done.`);
    chart.replaceChildren(plot);
    explain.textContent = describeStep();
    playButton.textContent = timer === null ? 'Play' : 'Pause';
    playButton.setAttribute('aria-pressed', String(timer !== null));
    previous.disabled = step === 0;
    next.disabled = step === want.k;
  };
  const describeStep = (): string => {
    if (step === 0) return `No pick yet. Play, or press Next, to watch TOPS choose ${want.k} tokens one at a time.`;
    const p = trace()[step - 1];
    const where = cloud.clusters[cloud.tokens[p.index].cluster].label;
    const w = (v: number): string => v.toFixed(2);
    return `Pick ${step} of ${want.k}: token ${p.index} (${where}). Gains: relevance ${w(p.relevance)}, coverage ${w(p.coverage)}, diversity ${w(p.diversity)}; ` +
      `total α·${w(p.relevance)} + β·${w(p.coverage)} + γ·${w(p.diversity)} = ${w(p.total)}, the largest among the remaining tokens.`;
  };
  const refresh = latestOnly(async () => { await compute(); draw(); }, errorReporter(root));

  const stop = (): void => { if (timer !== null) clearInterval(timer); timer = null; };
  const goTo = (s: number): void => { step = Math.max(0, Math.min(want.k, s)); if (step === want.k) stop(); draw(); };
  const playButton = button('Play', () => {
    if (timer !== null) { stop(); draw(); return; }
    if (step === want.k) step = 0;
    timer = setInterval(() => goTo(step + 1), PLAY_INTERVAL_MS);
    goTo(step + 1);
  });
  const previous = button('Previous', () => { stop(); goTo(step - 1); }, { className: 'tl-secondary' });
  const next = button('Next', () => { stop(); goTo(step + 1); }, { className: 'tl-secondary' });
  const restart = button('Restart', () => { stop(); goTo(0); }, { className: 'tl-secondary' });

  const weightSlider = (key: string, label: string): HTMLElement => slider({
    label, min: 0, max: 4, step: 0.05, value: params[key], format: (v) => v.toFixed(2),
    onInput: (v) => { params[key] = v; void refresh(); },
  }).element;
  const budget = slider({ label: 'Tokens kept (k)', min: 1, max: 40, step: 1, value: want.k, onInput: (v) => { want.k = v; void refresh(); } });

  await compute();
  dataReady();
  widgetBody(root).append(
    controlRow('Step through the greedy', playButton, previous, next, restart),
    controlRow('Objective weights', budget.element, weightSlider('alpha', 'α relevance'), weightSlider('beta', 'β coverage'), weightSlider('gamma', 'γ diversity'), weightSlider('lambda', 'λ coverage of what matters')),
    box('tl-stage', box('tl-figure', view.svg), box('tl-side', explain, legend())),
    chart,
    exportBar({
      name: 'tops-greedy-trace',
      figure: () => [view.svg, chart.querySelector('svg')!],
      data: () => ({ meta: { method: 'tops', params, k: want.k, step, instruction: want.instruction, trace: traceRows(trace()) }, rows: tokenRows(state, pruned.kept, pruned.order) }),
    }),
  );
  draw();
}

function legend(): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'tl-legend';
  list.setAttribute('aria-label', 'Gain terms');
  TERMS.forEach((term, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'tl-swatch';
    swatch.style.background = TERM_COLOURS[i];
    item.append(swatch, `${term} (${['α', 'β', 'γ'][i]})`);
    list.append(item);
  });
  return list;
}
