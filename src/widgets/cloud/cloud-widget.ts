/**
 * The frame shared by the single-cloud widgets (front page, one per principle, ablation): a token
 * cloud pruned by one method, a budget slider, a fresh-cloud button, a metrics table, an export
 * bar. Each widget supplies its method and parameters, its overlay and its own extra controls.
 */
import type { SetMetrics } from '../../core/index.ts';
import { button, controlRow, readout, slider } from '../shared/controls.ts';
import type { Pruned } from '../shared/engine.ts';
import { exportBar } from '../shared/export.ts';
import { latestOnly } from '../shared/latest.ts';
import { metricRows, metricTable, type MetricColumn } from '../shared/metric-table.ts';
import { box, errorReporter, widgetBody, type MountContext } from '../shared/widget.ts';
import { describeKept } from './cloud-data.ts';
import { cachedPrepare, measureSelections, tokenRows, type CloudState, type Selection } from './cloud-session.ts';
import { cloudView, type CloudFrame } from './cloud-view.ts';
import { defaultCloud, openScene } from './figure-scene.ts';

export interface Shown {
  state: CloudState;
  k: number;
  pruned: Pruned;
  metrics: SetMetrics;
}

export interface CloudWidgetOptions {
  /** Export file stem. */
  name: string;
  /** What the figure shows, for assistive technology. */
  label: string;
  tableCaption: string;
  /** The selection drawn in the cloud (read on every update). */
  selection(): Selection;
  /** Further selections whose metrics are listed beside it (not drawn). */
  references?(): Selection[];
  /** Overlays beyond the kept set. */
  overlay?(shown: Shown): Omit<CloudFrame, 'kept'>;
  /** Widget-specific controls; call `refresh` after changing what `selection` returns. */
  controls?(refresh: () => void): HTMLElement[];
  /** Extra elements under the metrics table, updated after each draw. */
  side?: HTMLElement[];
  onDraw?(shown: Shown): void;
}

export async function mountCloudWidget(root: HTMLElement, { dataReady }: MountContext, o: CloudWidgetOptions): Promise<void> {
  const want = openScene();
  const prepareFor = cachedPrepare();
  let shown: Shown | null = null;
  let columns: MetricColumn[] = [];

  const view = cloudView(want.cloud, {
    label: o.label,
    instruction: want.instruction,
    onInstruction: (p) => { want.instruction = p; void refresh(); },
  });
  const table = metricTable(o.tableCaption);
  const summary = readout();

  const compute = async (): Promise<void> => {
    const state = await prepareFor(want.cloud, want.instruction);
    const [main, ...references] = await measureSelections(state, want.k, [o.selection(), ...(o.references?.() ?? [])]);
    columns = [main, ...references].map((m) => ({ name: m.selection.name, metrics: m.metrics }));
    shown = { state, k: want.k, pruned: main.pruned, metrics: main.metrics };
  };
  const draw = (): void => {
    if (shown === null) return;
    view.render({ ...o.overlay?.(shown), kept: shown.pruned.kept });
    table.update(columns);
    summary.textContent = `${describeKept(shown.state.cloud, shown.pruned.kept)} Selected in ${shown.pruned.ms.toFixed(1)} ms (${shown.pruned.backend.toUpperCase()}).`;
    o.onDraw?.(shown);
  };
  const refresh = latestOnly(async () => { await compute(); draw(); }, errorReporter(root));
  const refreshNow = (): void => { void refresh(); };

  const budget = slider({ label: 'Tokens kept (k)', min: 1, max: 40, step: 1, value: want.k, onInput: (v) => { want.k = v; refreshNow(); } });
  const reseed = button('New cloud', () => {
    want.seed += 1;
    want.cloud = defaultCloud(want.seed);
    view.setCloud(want.cloud);
    refreshNow();
  }, { title: 'New cloud: draw the clusters again from another seed', className: 'tl-secondary' });

  await compute();
  dataReady();
  widgetBody(root).append(
    controlRow('Controls', budget.element, ...(o.controls?.(refreshNow) ?? []), reseed),
    box('tl-stage', box('tl-figure', view.svg), box('tl-side', table.element, ...(o.side ?? []))),
    summary,
    exportBar({
      name: o.name,
      figure: () => view.svg,
      data: () => ({
        meta: { selection: o.selection(), k: want.k, seed: want.seed, instruction: want.instruction, metrics: metricRows(columns) },
        rows: tokenRows(shown!.state, shown!.pruned.kept, shown!.pruned.order),
      }),
    }),
  );
  draw();
}
