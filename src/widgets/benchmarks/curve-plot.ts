/**
 * Metric-against-retention curves with interval bands (Observable Plot), shared by the results,
 * ablation and live figures. Retention is on a log axis: the small budgets, where methods differ
 * most, would otherwise crowd into the left edge.
 */
import * as Plot from '@observablehq/plot';
import type { BenchSet } from './bench-data.ts';

/** A chart's width for the element it goes in: its own width up to 680 px, at least 300 px. */
export function fitWidth(el: HTMLElement | undefined, max = 680): number {
  const w = el?.clientWidth ?? 0;
  return w > 0 ? Math.max(300, Math.min(max, Math.floor(w))) : max;
}

export interface CurvePoint {
  series: string;
  retention: number;
  value: number;
  /** Interval; null where the figure has none. */
  low: number | null;
  high: number | null;
  /** Where a click on the point goes (the playground at this setting). */
  href?: string;
  title: string;
}

export interface Reference {
  label: string;
  value: number;
  low?: number;
  high?: number;
  dashed?: boolean;
}

export interface CurveOptions {
  yLabel: string;
  /** Fixed y range, e.g. [0, 1] for fractions; otherwise from the data. */
  yDomain?: [number, number];
  percent: boolean;
  /** The world's results: the x axis has its retentions, each read as k / N of its tokens. */
  bench: Pick<BenchSet, 'retentions' | 'budgetPct' | 'tokens'>;
  color: (series: string) => string;
  /** A series drawn thicker (TOPS). */
  emphasis?: string;
  references?: readonly Reference[];
  /** Points drawn as open rings on top (live runs). */
  extra?: readonly CurvePoint[];
  width?: number;
  /** Draw at this element's width (≤ 680 px), so text keeps its size on phones instead of shrinking with a scaled-down SVG. */
  fitTo?: HTMLElement;
  height?: number;
}

export function curvePlot(points: readonly CurvePoint[], o: CurveOptions): SVGSVGElement {
  const lo = Math.min(...o.bench.retentions);
  const hi = Math.max(...o.bench.retentions);
  const banded = points.filter((p) => p.low !== null && p.high !== null);
  const extra = o.extra ?? [];
  const extraBands = extra.filter((p) => p.low !== null && p.high !== null);
  const refs = o.references ?? [];
  const edges = [{ x: lo }, { x: hi }];
  const width = o.width ?? fitWidth(o.fitTo);
  const plot = Plot.plot({
    width, height: o.height ?? 360, marginLeft: 48, marginRight: width < 500 ? 66 : 110, marginBottom: 40,
    style: { fontSize: '12px' },
    x: { type: 'log', domain: [lo * 0.92, hi * 1.06], ticks: [...o.bench.retentions], tickFormat: (v: number) => o.bench.budgetPct(v).replace('.0 %', ' %'), label: `Retention (kept / ${o.bench.tokens} tokens) →` },
    y: { label: `↑ ${o.yLabel}`, grid: true, ...(o.yDomain === undefined ? {} : { domain: o.yDomain }), ...(o.percent ? { tickFormat: (v: number) => `${Math.round(100 * v)} %` } : {}) },
    marks: [
      ...refs.flatMap((r) => [
        ...(r.low === undefined || r.high === undefined ? [] : [Plot.areaY(edges, { x: 'x', y1: r.low, y2: r.high, fill: 'currentColor', fillOpacity: 0.08 })]),
        Plot.ruleY([r.value], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: r.dashed ? '4,4' : undefined }),
        Plot.text([r], { x: hi, y: 'value', text: 'label', textAnchor: 'start', dx: 10, fill: 'currentColor', fillOpacity: 0.8 }),
      ]),
      Plot.areaY(banded, { x: 'retention', y1: 'low', y2: 'high', fill: (p: CurvePoint) => o.color(p.series), fillOpacity: 0.12, z: 'series', curve: 'monotone-x' }),
      Plot.line(points.filter((p) => p.series !== o.emphasis), { x: 'retention', y: 'value', z: 'series', stroke: (p: CurvePoint) => o.color(p.series), strokeWidth: 1.5, curve: 'monotone-x' }),
      Plot.line(points.filter((p) => p.series === o.emphasis), { x: 'retention', y: 'value', stroke: (p: CurvePoint) => o.color(p.series), strokeWidth: 3, curve: 'monotone-x' }),
      Plot.dot(points, { x: 'retention', y: 'value', fill: (p: CurvePoint) => o.color(p.series), r: (p: CurvePoint) => (p.series === o.emphasis ? 4 : 3), href: 'href', title: 'title' }),
      Plot.ruleX(extraBands, { x: 'retention', y1: 'low', y2: 'high', stroke: (p: CurvePoint) => o.color(p.series), strokeWidth: 2 }),
      Plot.dot(extra, { x: 'retention', y: 'value', stroke: (p: CurvePoint) => o.color(p.series), fill: 'var(--sl-color-bg, white)', strokeWidth: 2, r: 5, title: 'title' }),
    ],
  });
  return plot as SVGSVGElement;
}
