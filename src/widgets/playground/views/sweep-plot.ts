// Any metric against retention for the current scene and question, for the chosen and the
// compared method (Observable Plot), with the current budget marked.
import * as Plot from '@observablehq/plot';
import { METHODS } from '../../../core/index.ts';
import { SWEEP_METRICS, FIELDS, type ExperimentState } from '../../../state/index.ts';
import { fieldControl } from '../controls/field-control.ts';
import { methodColor } from '../../shared/method-colors.ts';
import { asFigure } from '../../shared/plot-figure.ts';
import { el } from '../../shared/dom.ts';
import type { SweepPoint } from '../pipeline/sweep.ts';
import type { Store } from '../store.ts';

const nameOf = (id: string): string => METHODS.find((m) => m.id === id)?.name ?? id;

export function sweepPlot(store: Store): { element: HTMLElement; show(state: ExperimentState, points: SweepPoint[] | null, note: string | null, n: number): void } {
  const metric = fieldControl(FIELDS.find((f) => f.key === 'sweep')!, store, 'sweep-metric');
  const figure = el('div', { className: 'pg-sweep-plot', testid: 'sweep-plot' });
  const message = (text: string): HTMLElement => el('p', { className: 'pg-hint', text, attrs: { role: 'status' } });
  const element = el('section', { className: 'pg-panel pg-sweep', attrs: { 'aria-label': 'Budget sweep' } },
    el('h2', { text: 'Budget sweep' }), metric.element, figure);
  /** The chart on screen and what it was drawn from: a budget step only moves its rule. */
  let drawn: { key: string; points: SweepPoint[]; chart: ReturnType<typeof Plot.plot>; rule: SVGLineElement | null } | null = null;
  return {
    element,
    show(state, points, note, n) {
      metric.show(state);
      // Until there are points, the message stands in the chart's reserved box, so the panel
      // keeps its height when the chart arrives.
      if (points === null) { figure.replaceChildren(message(note ?? '')); drawn = null; return; }
      const key = state.view.sweep;
      const label = SWEEP_METRICS.find((m) => m.value === key)?.label ?? key;
      const methods = [state.method, state.compare].filter((id) => id !== 'none');
      const drawKey = JSON.stringify([key, methods, n]);
      if (drawn !== null && drawn.points === points && drawn.key === drawKey) {
        // Same curves: move the budget's rule instead of drawing the chart again (a slider step
        // would otherwise redraw it and force a layout to measure it).
        const x = drawn.chart.scale('x')?.apply(state.k / n);
        if (drawn.rule !== null && typeof x === 'number') for (const end of ['x1', 'x2']) drawn.rule.setAttribute(end, String(x));
        return;
      }
      const rows = points.filter((p) => p[key] !== null).map((p) => ({ retention: p.retention, value: p[key] as number, method: nameOf(p.method) }));
      if (rows.length === 0) {
        figure.replaceChildren(message(`${label} is not defined here (no question object in this scene).`));
        drawn = null;
        return;
      }
      const width = Math.max(280, Math.min(640, figure.clientWidth || 560));
      const chart = Plot.plot({
        width, height: 240, marginLeft: 48,
        x: { label: `retention (kept / ${n})`, domain: [0, 1], tickFormat: '.0%' },
        y: { label, grid: true, ...(key === 'erank' ? {} : { domain: [0, 1] }) },
        color: { legend: true, domain: methods.map(nameOf), range: methods.map(methodColor) },
        marks: [
          Plot.ruleX([state.k / n], { stroke: 'currentColor', strokeDasharray: '3,3' }),
          Plot.line(rows, { x: 'retention', y: 'value', stroke: 'method', marker: 'dot', tip: true }),
        ],
      });
      // Found before asFigure takes the marks' labels off.
      const rule = chart.querySelector<SVGLineElement>('g[aria-label="rule"] line');
      figure.replaceChildren(asFigure(chart, `${label} against retention for ${[...new Set(rows.map((r) => r.method))].join(' and ')}; the dashed line marks the current budget.`));
      drawn = { key: drawKey, points, chart, rule };
    },
  };
}
