/**
 * Failure modes side by side, computed live on one token cloud and one instruction: attention
 * only (FasterVLM, here on the toy attention), diversity only (DivPrune), relevance only (TOPS with α
 * alone), and TOPS with its defaults. Moving the instruction in any panel moves it in all.
 */
import { describeKept, type Point } from '../cloud/cloud-data.ts';
import { cachedPrepare, measureSelections, tokenRows, type CloudState } from '../cloud/cloud-session.ts';
import { cloudView, type CloudView } from '../cloud/cloud-view.ts';
import { defaultCloud, openScene } from '../cloud/figure-scene.ts';
import { button, controlRow, slider } from '../shared/controls.ts';
import type { Pruned } from '../shared/engine.ts';
import { exportBar } from '../shared/export.ts';
import { latestOnly } from '../shared/latest.ts';
import { metricRows, metricTable, type MetricColumn } from '../shared/metric-table.ts';
import { box, errorReporter, widgetBody, type MountContext } from '../shared/widget.ts';
import { FAILURE_PANELS as PANELS } from './panels.ts';

export async function mount(root: HTMLElement, { dataReady }: MountContext): Promise<void> {
  const want = openScene();
  const prepareFor = cachedPrepare();
  let state: CloudState;
  let results: Pruned[] = [];
  let columns: MetricColumn[] = [];

  const onInstruction = (p: Point): void => {
    want.instruction = p;
    for (const v of views) v.setInstruction(p);
    void refresh();
  };
  const views: CloudView[] = PANELS.map((panel) => cloudView(want.cloud, { label: `${panel.name}: ${panel.rule}`, instruction: want.instruction, onInstruction }));
  const notes = PANELS.map(() => {
    const p = document.createElement('p');
    p.className = 'tl-note';
    return p;
  });
  const table = metricTable('The four kept sets, same cloud, same instruction, same budget');

  const compute = async (): Promise<void> => {
    state = await prepareFor(want.cloud, want.instruction);
    const measured = await measureSelections(state, want.k, PANELS);
    results = measured.map((m) => m.pruned);
    columns = measured.map((m) => ({ name: m.selection.name, metrics: m.metrics }));
  };
  const draw = (): void => {
    results.forEach((r, i) => {
      views[i].render({ kept: r.kept });
      notes[i].textContent = describeKept(state.cloud, r.kept);
    });
    table.update(columns);
  };
  const refresh = latestOnly(async () => { await compute(); draw(); }, errorReporter(root));

  const budget = slider({ label: 'Tokens kept (k)', min: 1, max: 40, step: 1, value: want.k, onInput: (v) => { want.k = v; void refresh(); } });
  const reseed = button('New cloud', () => {
    want.seed += 1;
    want.cloud = defaultCloud(want.seed);
    for (const v of views) v.setCloud(want.cloud);
    void refresh();
  }, { title: 'New cloud: draw the clusters again from another seed', className: 'tl-secondary' });

  await compute();
  dataReady();
  const panels = PANELS.map((panel, i) => {
    const title = document.createElement('p');
    title.className = 'tl-panel-title';
    const name = document.createElement('strong');
    name.textContent = panel.name;
    title.append(name, ` · ${panel.rule}`);
    return box('tl-panel', title, views[i].svg, notes[i]);
  });
  widgetBody(root).append(
    controlRow('Controls', budget.element, reseed),
    box('tl-panels', ...panels),
    table.element,
    exportBar({
      name: 'tops-failure-modes',
      figure: () => views.map((v) => v.svg),
      columns: 2,
      data: () => ({
        meta: { k: want.k, seed: want.seed, instruction: want.instruction, panels: PANELS, metrics: metricRows(columns) },
        rows: PANELS.flatMap((p, i) => tokenRows(state, results[i].kept).map((row) => ({ panel: p.name, ...row }))),
      }),
    }),
  );
  draw();
}
