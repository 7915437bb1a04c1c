/**
 * The principle ablation on a world's model: TOPS with each principle off and each alone, accuracy
 * against retention per question type, and what switching each off costs with a paired 95 %
 * interval (bench:vqa --ablation).
 */
import './benchmarks.css';
import { ABLATION_VARIANTS } from '../../evaluation/ablation.ts';
import { controlRow, select } from '../shared/controls.ts';
import { exportBar } from '../shared/export.ts';
import { asFigure } from '../shared/plot-figure.ts';
import { box, widgetBody, type MountContext } from '../shared/widget.ts';
import { benchWorldOf, pct, pp, provenanceText } from './bench-data.ts';
import { provenanceLine } from './provenance-line.ts';
import { curvePlot, type CurvePoint } from './curve-plot.ts';
import { readMetric, referencesFor } from './metric-choice.ts';
import { linkedTable, type TableRow } from './results-table.ts';

const VARIANT_COLORS: Record<string, string> = {
  all: '#e15759', 'no-relevance': '#4e79a7', 'no-coverage': '#59a14f', 'no-diversity': '#b07aa1',
  'relevance-only': '#9cc3e6', 'coverage-only': '#a8d5a2', 'diversity-only': '#d4b9da',
};
const colorOf = (id: string): string => VARIANT_COLORS[id] ?? 'currentColor';

export function mount(root: HTMLElement, { config, dataReady }: MountContext): void {
  const body = widgetBody(root);
  const b = benchWorldOf(config);
  const ablation = b.report.ablation;
  if (ablation === undefined) throw new Error(`${b.file} holds no ablation (run bench:vqa with --ablation)`);
  const want = { type: 'all' };
  const chart = box('tl-figure tl-plot');
  const tableBox = box('tl-bench-table-box');
  // Labels from the principles table (tests check the committed variants ran these parameters);
  // a variant the table does not know keeps the label written with the results.
  const labelOf = (id: string): string => ABLATION_VARIANTS.find((v) => v.id === id)?.label ?? ablation.variants.find((v) => v.id === id)?.label ?? id;
  const row = (variant: string, retention: number) => ablation.rows.find((r) => r.variant === variant && r.retention === retention);
  let points: CurvePoint[] = [];

  const draw = (): void => {
    points = [];
    const rows: TableRow[] = ablation.variants.map((v) => ({
      header: labelOf(v.id), color: colorOf(v.id),
      cells: b.retentions.map((retention) => {
        const r = row(v.id, retention);
        if (r === undefined) return null;
        const { value, ci } = readMetric(r, 'accuracy', want.type);
        if (value === null) return null;
        const title = `${labelOf(v.id)}, ${r.kept} tokens: accuracy ${pct(value)}${ci === null ? '' : ` (95 % CI ${pct(ci[0])}–${pct(ci[1])})`}`;
        points.push({ series: v.id, retention, value, low: ci?.[0] ?? null, high: ci?.[1] ?? null, title });
        const cost = ablation.costs.find((c) => c.variant === v.id && c.retention === retention);
        // The paired cost is over all questions; per type the plain difference is shown.
        const base = row('all', retention);
        const diff = want.type === 'all' ? cost?.difference : (base === undefined ? undefined : (readMetric(base, 'accuracy', want.type).value ?? 0) - value);
        const costText = v.id === 'all' || diff === undefined ? undefined : `${pp(-diff)}${want.type === 'all' && cost !== undefined ? ` (${pp(-cost.ci[1])} to ${pp(-cost.ci[0])})` : ''}`;
        return { text: (100 * value).toFixed(1), sub: costText, title };
      }),
    }));
    const plot = curvePlot(points, { fitTo: body,
      yLabel: 'Accuracy', percent: true, yDomain: [0, 1], bench: b, color: colorOf, emphasis: 'all',
      references: referencesFor(b, 'accuracy', want.type),
    });
    chart.replaceChildren(asFigure(plot, `TOPS ablation: accuracy against retention for ${ablation.variants.map((v) => labelOf(v.id)).join('; ')}, ${want.type === 'all' ? 'all questions' : `${want.type} questions`}. The table below gives every value.`));
    tableBox.replaceChildren(linkedTable(
      `Accuracy (%) of each variant, ${want.type === 'all' ? 'all questions' : `${want.type} questions`}; below each value, the change against all three principles in percentage points${want.type === 'all' ? ', with its paired 95 % interval' : ''}`,
      b.retentions.map(b.budgetLabel), rows,
    ));
  };

  const typeSelect = select('Questions', [{ value: 'all', label: 'All types' }, ...b.types.map((t) => ({ value: t, label: `${t} questions` }))], want.type, (v) => { want.type = v; draw(); });
  const legend = document.createElement('ul');
  legend.className = 'tl-legend';
  legend.append(...ablation.variants.map((v) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'tl-swatch';
    swatch.style.background = colorOf(v.id);
    item.append(swatch, labelOf(v.id));
    return item;
  }));
  draw();
  dataReady();
  const provenance = provenanceLine(provenanceText(b.file, b.report.provenance));
  body.append(
    controlRow('Questions', typeSelect.element), legend, chart, tableBox, provenance,
    exportBar({
      get name() { return `tops-lab-ablation-world${b.world}-${want.type}`; },
      figure: () => chart.querySelector('svg')!,
      data: () => ({
        meta: { world: b.world, source: b.file, provenance: b.report.provenance, questions: want.type, variants: ablation.variants.map((v) => ({ ...v, label: labelOf(v.id) })) },
        rows: [
          ...points.map((p) => ({ variant: p.series, label: labelOf(p.series), retention: p.retention, accuracy: p.value, low: p.low, high: p.high })),
          ...(want.type === 'all' ? ablation.costs.map((c) => ({ variant: c.variant, label: labelOf(c.variant), retention: c.retention, costOfRemoval: c.difference, low: c.ci[0], high: c.ci[1] })) : []),
        ],
      }),
    }),
  );
}
