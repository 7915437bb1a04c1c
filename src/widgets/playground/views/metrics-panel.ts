// What each kept set preserves and costs, the chosen method beside the compared one. Every number
// comes from core metrics / flops and the engine's own timing; a dash means not computed.
import type { SetMetrics } from '../../../core/index.ts';
import { METHODS } from '../../../core/index.ts';
import { el } from '../../shared/dom.ts';
import type { MethodRun, RunOutcome } from '../pipeline/experiment.ts';
import { ERANK_UP_TO, erankPending } from '../pipeline/erank.ts';

interface Row {
  id: string;
  label: string;
  hint: string;
  value(run: MethodRun): string;
}

const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)} %`);
const metric = (key: keyof SetMetrics) => (run: MethodRun): string => {
  if (key !== 'erank') return pct(run.metrics[key]);
  if (!Number.isNaN(run.metrics.erank)) return run.metrics.erank.toFixed(1);
  return erankPending(run) ? 'computing…' : `— (above ${ERANK_UP_TO} kept tokens: plot it in the sweep)`;
};

const ROWS: readonly Row[] = [
  { id: 'relevance', label: 'Relevance recall', hint: 'R(S) / R(top-k by relevance)', value: metric('relevanceRecall') },
  { id: 'oracle', label: 'Oracle recall', hint: 'share of the asked-about object’s patches kept (ground truth; n/a without one, e.g. a token file)', value: (r) => (r.metrics.oracleRecall === null ? 'n/a' : pct(r.metrics.oracleRecall)) },
  { id: 'coverage', label: 'Coverage', hint: 'C(S) / C(V), plain facility location (λ = 0)', value: metric('coverage') },
  { id: 'recon', label: 'Reconstruction error', hint: 'mean 1 − best similarity to a kept token (lower is better)', value: metric('reconError') },
  { id: 'diversity', label: 'Diversity', hint: '1 − mean similarity inside the kept set', value: metric('diversity') },
  { id: 'erank', label: 'Effective rank', hint: 'directions the kept set spans', value: metric('erank') },
  { id: 'flops', label: 'Prefill FLOPs saved', hint: 'LLM prefill cost at this retention, for the LLM chosen under View', value: (r) => pct(r.flopsSaved) },
  { id: 'ms', label: 'Selection time (backend)', hint: 'measured around the engine call, on the backend named beside it: times on different backends are not comparable', value: (r) => `${r.selection.ms.toFixed(1)} ms (${r.selection.backend === 'webgpu' ? 'WebGPU' : 'CPU'})` },
  { id: 'backend', label: 'Picked on', hint: 'where the engine decided this kept set’s picks', value: (r) => (r.selection.selectedOn === 'webgpu' ? 'WebGPU' : 'CPU') },
];

const nameOf = (id: string): string => METHODS.find((m) => m.id === id)?.name ?? id;

export function metricsPanel(): { element: HTMLElement; show(methods: { main: string; compare: string | null }, main: RunOutcome | null, compare: RunOutcome | null, note: string | null): void } {
  const table = el('table', { className: 'pg-metrics' });
  table.createCaption().textContent = 'What the kept set preserves';
  const head = table.createTHead().insertRow();
  const cells = ROWS.map((row) => {
    const tr = table.createTBody().insertRow();
    tr.append(el('th', { text: row.label, attrs: { scope: 'row', title: row.hint } }));
    const main = el('td', { testid: `metric-${row.id}` });
    const other = el('td', { testid: `compare-metric-${row.id}` });
    tr.append(main, other);
    return { row, main, other };
  });
  const note = el('p', { className: 'pg-hint', attrs: { role: 'status' } });
  const fill = (cell: HTMLElement, outcome: RunOutcome | null, row: Row): void => {
    cell.textContent = outcome === null ? '—' : outcome.ok ? row.value(outcome.run) : '×';
    cell.title = outcome !== null && !outcome.ok ? outcome.message : '';
  };
  return {
    element: el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Metrics' } }, table, note),
    show(methods, main, compare, message) {
      head.replaceChildren(el('th', { text: 'Metric', attrs: { scope: 'col' } }),
        el('th', { text: nameOf(methods.main), attrs: { scope: 'col' } }),
        el('th', { text: methods.compare === null ? '' : nameOf(methods.compare), attrs: { scope: 'col' } }));
      for (const { row, main: a, other: b } of cells) {
        fill(a, main, row);
        fill(b, compare, row);
        b.hidden = methods.compare === null;
      }
      const failures = [main, compare].filter((o): o is Extract<RunOutcome, { ok: false }> => o !== null && !o.ok);
      note.textContent = message ?? failures.map((f) => `${nameOf(f.method)} could not run: ${f.message}`).join(' ');
    },
  };
}
