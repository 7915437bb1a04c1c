// Export from the playground with the site's one export bar: the figures (SVG / PNG, the two
// methods side by side), one row per token (CSV), and the experiment as JSON — the link that
// reproduces it, the state, each method's kept indices in pick order, metrics and answer.
import { writeState } from '../../../state/index.ts';
import { exportBar } from '../../shared/export.ts';
import type { Snapshot } from '../pipeline/runner.ts';
import type { RunOutcome } from '../pipeline/experiment.ts';

function runJson(o: RunOutcome | null): unknown {
  if (o === null) return null;
  if (!o.ok) return { method: o.method, error: o.message };
  const { selection, metrics, flopsSaved, answer } = o.run;
  return {
    method: o.method,
    kept: Array.from(selection.kept),
    order: selection.order === undefined ? null : Array.from(selection.order),
    metrics: { ...metrics, flopsSaved },
    selection: { ms: selection.ms, backend: selection.backend, selectedOn: selection.selectedOn },
    answer,
  };
}

export function playgroundExport(figures: () => SVGSVGElement[], snapshot: () => Snapshot | null): HTMLElement {
  const bar = exportBar({
    name: 'tops-lab-playground',
    figure: figures,
    columns: 2,
    data() {
      const s = snapshot();
      if (s === null) return { meta: {}, rows: [] };
      const detailsOf = (o: RunOutcome | null) => (o?.ok ? o.run.details : null);
      const a = detailsOf(s.main);
      const b = detailsOf(s.compare);
      const oracle = new Set(s.question.oracle);
      const rows = (a ?? []).map((t, i) => ({
        token: t.index, row: t.row, col: t.col, relevance: t.relevance,
        [`kept_${s.state.method}`]: t.kept ? 1 : 0, [`pick_${s.state.method}`]: t.rank,
        ...(b === null ? {} : { [`kept_${s.state.compare}`]: b[i].kept ? 1 : 0, [`pick_${s.state.compare}`]: b[i].rank }),
        asked_about_object: oracle.has(t.index) ? 1 : 0,
      }));
      const link = `${location.origin}${location.pathname}?${writeState(s.state)}`;
      return {
        meta: { link, state: s.state, question: s.question.text, trueAnswer: s.question.truth, k: s.state.k, n: a?.length ?? null, runs: [runJson(s.main), runJson(s.compare)].filter((r) => r !== null) },
        rows,
      };
    },
  });
  bar.dataset.testid = 'playground-export';
  return bar;
}
