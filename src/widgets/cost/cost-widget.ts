/**
 * The cost of visual tokens: LLM prefill FLOPs against the number of visual tokens for the
 * LLaVA-1.5-7B and LLaVA-NeXT-7B decoders (core `flops`), with the reader's retention marked.
 */
import * as Plot from '@observablehq/plot';
import { button, controlRow, slider } from '../shared/controls.ts';
import { exportBar } from '../shared/export.ts';
import { asFigure } from '../shared/plot-figure.ts';
import { dataTable } from '../shared/table.ts';
import { box, widgetBody, type MountContext } from '../shared/widget.ts';
import { costCurve, costSummary, LLM_SHAPES, type CostSummary } from './cost-data.ts';

/** The paper's headline setting: 77.8 % (7/9) of LLaVA-NeXT's visual tokens removed, 640 of 2880 kept. */
const PAPER_RETENTION = 2 / 9;
const SERIES = ['var(--tl-series-1)', 'var(--tl-series-2)'];
const tf = (v: number): string => v.toFixed(v < 10 ? 2 : 1);

export function mount(root: HTMLElement, { dataReady }: MountContext): void {
  const want = { retention: PAPER_RETENTION, text: 64 };
  let summaries: CostSummary[] = [];
  const compute = (): void => { summaries = LLM_SHAPES.map((s) => costSummary(s, want.retention, want.text)); };

  const chart = box('tl-figure tl-plot');
  const table = dataTable('Prefill of one image and its prompt');

  const draw = (): void => {
    // Both models share the Vicuna-7B decoder, so one curve serves both; each model is a pair of
    // points on it, all its tokens and the kept ones, joined by an arrow.
    const curve = costCurve(LLM_SHAPES[LLM_SHAPES.length - 1], want.text);
    const points = summaries.map((s, i) => ({ ...s, colour: SERIES[i], i }));
    const plot = Plot.plot({
      width: 640, height: 300, marginLeft: 48, marginRight: 24, marginTop: 28,
      style: { fontSize: '12px' },
      x: { label: 'Visual tokens in the prefill →', grid: true },
      y: { label: '↑ Prefill TFLOPs', grid: true },
      marks: [
        Plot.ruleY([0]),
        Plot.line(curve, { x: 'visualTokens', y: 'tflops', stroke: 'currentColor', strokeOpacity: 0.5, strokeWidth: 1.5 }),
        Plot.arrow(points, { x1: 'fullTokens', y1: 'fullTflops', x2: 'keptTokens', y2: 'keptTflops', stroke: 'colour', strokeWidth: 2, inset: 7, bend: true }),
        Plot.dot(points, { x: 'fullTokens', y: 'fullTflops', stroke: 'colour', strokeWidth: 2, r: 5, fill: 'var(--sl-color-bg)' }),
        Plot.dot(points, { x: 'keptTokens', y: 'keptTflops', fill: 'colour', r: 5, stroke: 'var(--sl-color-bg)' }),
        // First model's labels to the lower right, the second's to the upper left: they never collide.
        ...[0, 1].map((i) => Plot.text(points.filter((p) => p.i === i), {
          x: 'fullTokens', y: 'fullTflops', text: (p: CostSummary) => `${p.model}, all ${p.fullTokens}`,
          fill: 'colour', textAnchor: i === 0 ? 'start' : 'end', dx: i === 0 ? 9 : -9, dy: i === 0 ? 8 : -8, fontWeight: 600,
        })),
        ...[0, 1].map((i) => Plot.text(points.filter((p) => p.i === i), {
          x: 'keptTokens', y: 'keptTflops', text: (p: CostSummary) => `${p.keptTokens} kept`,
          fill: 'colour', textAnchor: i === 0 ? 'start' : 'end', dx: i === 0 ? 9 : -9, dy: i === 0 ? 8 : -8,
        })),
      ],
    });
    asFigure(plot, `Prefill TFLOPs against visual tokens; ${summaries.map((s) => `${s.model}: ${tf(s.fullTflops)} TFLOPs with all ${s.fullTokens}, ${tf(s.keptTflops)} with ${s.keptTokens}`).join('; ')}.`);
    chart.replaceChildren(plot);

    const head = ['Model', 'Visual tokens', 'TFLOPs', 'Saved', 'Image share'];
    const rows = summaries.map((s) => [
      s.model, `${s.fullTokens} → ${s.keptTokens}`, `${tf(s.fullTflops)} → ${tf(s.keptTflops)}`,
      `${(100 * s.saving).toFixed(1)} %`, `${(100 * (1 - s.textOnlyTflops / s.fullTflops)).toFixed(1)} %`,
    ]);
    table.update(head, rows);
  };

  const retention = slider({
    label: 'Tokens kept', min: 0.02, max: 1, step: 0.002, value: want.retention,
    format: (v) => `${(100 * v).toFixed(1)} %`,
    onInput: (v) => { want.retention = v; compute(); draw(); },
  });
  const text = slider({
    label: 'Text tokens (prompt + question)', min: 0, max: 512, step: 8, value: want.text,
    onInput: (v) => { want.text = v; compute(); draw(); },
  });
  const paper = button('Paper’s setting (77.8 % removed)', () => {
    want.retention = PAPER_RETENTION;
    retention.set(PAPER_RETENTION);
    compute();
    draw();
  }, { className: 'tl-secondary' });

  compute();
  dataReady();
  const note = document.createElement('p');
  note.className = 'tl-note';
  note.textContent = 'Per layer 4nd² + 2n²d + 2ndm with n = visual + text tokens, d = 4096, m = 11008, 32 layers (Vicuna-7B). Image share: the part of the prefill that goes away without the image.';
  widgetBody(root).append(
    controlRow('Cost controls', retention.element, text.element, paper),
    chart,
    table.element,
    note,
    exportBar({
      name: 'tops-prefill-cost',
      figure: () => chart.querySelector('svg')!,
      data: () => ({
        meta: { formula: 'layers * (4nd^2 + 2n^2d + 2ndm)', retention: want.retention, textTokens: want.text, summaries },
        rows: LLM_SHAPES.flatMap((s) => costCurve(s, want.text)).map((p) => ({ ...p })),
      }),
    }),
  );
  draw();
}
