/**
 * Results: any bench:vqa figure against retention for every method, with 95 % bootstrap bands,
 * per question type, methods toggled on and off. Each point (and each table cell) opens the
 * playground at that method and budget on a test scene where the budget changed the answer.
 */
import './benchmarks.css';
import { checkbox, controlRow, select, type Choice } from '../shared/controls.ts';
import { exportBar } from '../shared/export.ts';
import { asFigure } from '../shared/plot-figure.ts';
import { box, widgetBody, type MountContext } from '../shared/widget.ts';
import { FULL, benchWorldOf, methodColor, methodName, provenanceText } from './bench-data.ts';
import { provenanceLine } from './provenance-line.ts';
import { curvePlot, type CurvePoint } from './curve-plot.ts';
import { playgroundLink } from './links.ts';
import { METRIC_CHOICES, readMetric, referencesFor, type MetricKey } from './metric-choice.ts';
import { linkedTable, type TableRow } from './results-table.ts';

const format = (v: number | null, percent: boolean): string => (v === null ? '—' : percent ? (100 * v).toFixed(1) : v.toFixed(3));

export function mount(root: HTMLElement, { config, dataReady }: MountContext): void {
  const body = widgetBody(root);
  const b = benchWorldOf(config);
  const want = { metric: 'accuracy' as MetricKey, type: 'all', methods: new Set(b.methods) };
  const chart = box('tl-figure tl-plot');
  const tableBox = box('tl-bench-table-box');
  const note = document.createElement('p');
  note.className = 'tl-note';
  note.setAttribute('aria-live', 'polite');

  const metricSelect = select('Figure', METRIC_CHOICES.map((m): Choice<MetricKey> => ({ value: m.key, label: m.label })), want.metric, (v) => { want.metric = v; draw(); });
  const typeSelect = select('Questions', [{ value: 'all', label: 'All types' }, ...b.types.map((t) => ({ value: t, label: `${t} questions` }))], want.type, (v) => { want.type = v; draw(); });
  const toggles = b.methods.map((id) => {
    const t = checkbox(methodName(id), true, (on) => { if (on) want.methods.add(id); else want.methods.delete(id); draw(); });
    t.element.style.setProperty('--tl-swatch', methodColor(id));
    t.element.classList.add('tl-method-toggle');
    t.element.dataset.method = id;
    return t;
  });

  let points: CurvePoint[] = [];
  const draw = (): void => {
    const choice = METRIC_CHOICES.find((m) => m.key === want.metric)!;
    const type = choice.perType ? want.type : 'all';
    typeSelect.input.disabled = !choice.perType;
    note.textContent = choice.perType ? '' : `${choice.label} does not depend on the question type: shown over all questions.`;
    points = [];
    const rows: TableRow[] = [];
    for (const id of b.methods) {
      const cells = b.retentions.map((retention) => {
        const r = b.resultRow(id, retention);
        if (r === undefined) return null;
        const { value, ci } = readMetric(r, want.metric, type);
        if (value === null) return null;
        const href = playgroundLink(b.world, id, r.kept, r.example);
        const title = `${methodName(id)}, ${r.kept} of ${b.tokens} tokens: ${choice.label.toLowerCase()} ${format(value, choice.percent)}${ci === null ? '' : ` (95 % CI ${format(ci[0], choice.percent)}–${format(ci[1], choice.percent)})`}. Opens the playground on test scene ${r.example.seed}.`;
        if (want.methods.has(id)) points.push({ series: id, retention, value, low: ci?.[0] ?? null, high: ci?.[1] ?? null, href, title });
        return { text: format(value, choice.percent), sub: ci === null ? undefined : `${format(ci[0], choice.percent)}–${format(ci[1], choice.percent)}`, title, href };
      });
      rows.push({ header: methodName(id), color: methodColor(id), cells });
    }
    const plot = curvePlot(points, { fitTo: body,
      yLabel: choice.label, percent: choice.percent, bench: b, color: methodColor, emphasis: 'tops',
      references: referencesFor(b, want.metric, type), ...(choice.percent && want.metric !== 'relative' ? { yDomain: [0, 1] as [number, number] } : {}),
    });
    plot.dataset.testid = 'bench-curves';
    chart.replaceChildren(asFigure(plot, `${choice.label} against retention, ${type === 'all' ? 'all questions' : `${type} questions`}, for ${[...want.methods].map(methodName).join(', ')}; bands are 95 % bootstrap intervals. The table below gives every value.`));
    tableBox.replaceChildren(linkedTable(`${choice.label}${choice.percent ? ' (%)' : ''} with 95 % interval, ${type === 'all' ? 'all questions' : `${type} questions`}; each cell opens the playground there`, b.retentions.map(b.budgetLabel), rows));
  };

  draw();
  dataReady();
  const provenance = provenanceLine(provenanceText(b.file, b.report.provenance));
  body.append(
    controlRow('Figure and questions', metricSelect.element, typeSelect.element),
    controlRow('Methods', ...toggles.map((t) => t.element)),
    chart, note, tableBox, provenance,
    exportBar({
      get name() { return `tops-lab-benchmarks-world${b.world}-${want.metric}`; },
      figure: () => chart.querySelector('svg')!,
      data: () => ({
        meta: { world: b.world, source: b.file, provenance: b.report.provenance, statistics: b.report.statistics, figure: want.metric, questions: want.type, full: FULL },
        rows: points.map((p) => ({ method: p.series, retention: p.retention, kept: b.keptAt(p.retention), value: p.value, low: p.low, high: p.high, playground: p.href ?? null })),
      }),
    }),
  );
}
