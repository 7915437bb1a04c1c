/**
 * "Run it yourself": one method × budget on a small random subset of a world's test split,
 * evaluated live with that world's model by the same per-question evaluation as bench:vqa, each
 * question one experiment in the engine's worker; plotted with a bootstrap interval next to the
 * committed curve. Runs on scenes outside the first ones bench:vqa used are a fresh sample: the
 * intervals should overlap.
 */
import { worldParams } from '../../evaluation/world-params.ts';
import './benchmarks.css';
import { config } from '../../evaluation/configs.ts';
import { EVAL_WORLDS } from '../../evaluation/eval-scene.ts';
import { evaluateSample, type ExperimentRunner } from '../../evaluation/question-eval.ts';
import type { ModelStatus } from '../../runtime/model-status.ts';
import { WORLD_SPLITS, type World } from '../../scenes/index.ts';
import { engine } from '../shared/engine.ts';
import { siteModelLocation } from '../shared/site-model.ts';
import { DEFAULT_BOOTSTRAP, drawResamples, interval, meanAt, resampled, type Interval } from '../../evaluation/bootstrap.ts';
import { button, controlRow, readout, select } from '../shared/controls.ts';
import { exportBar } from '../shared/export.ts';
import { asFigure } from '../shared/plot-figure.ts';
import { dataTable } from '../shared/table.ts';
import { box, widgetBody, type MountContext } from '../shared/widget.ts';
import { benchWorldOf, methodColor, methodName, pct, provenanceText } from './bench-data.ts';
import { provenanceLine } from './provenance-line.ts';
import { curvePlot, type CurvePoint } from './curve-plot.ts';
import { referencesFor } from './metric-choice.ts';

interface LiveRun { method: string; retention: number; seeds: number[]; questions: number; accuracy: number; ci: Interval; fullAccuracy: number }

const SCENE_COUNTS = [5, 10, 25, 50];

/** `count` distinct seeds of `world`'s test split, drawn from the browser's random source. */
function randomTestSeeds(world: World, count: number): number[] {
  const { start, count: size } = WORLD_SPLITS[world].test;
  const seeds = new Set<number>();
  const words = new Uint32Array(1);
  while (seeds.size < count) seeds.add(start + (crypto.getRandomValues(words)[0] % size));
  return [...seeds].sort((a, b) => a - b);
}

function meanWithInterval(values: readonly number[]): { mean: number; ci: Interval } {
  const column = Float64Array.from(values);
  const all = Int32Array.from(values, (_, i) => i);
  return { mean: meanAt(column, all), ci: interval(resampled(drawResamples(all, DEFAULT_BOOTSTRAP), (at) => meanAt(column, at)), DEFAULT_BOOTSTRAP.level) };
}

export function mount(root: HTMLElement, { config: widgetConfig, dataReady }: MountContext): void {
  const body = widgetBody(root);
  const b = benchWorldOf(widgetConfig);
  const want = { method: 'tops', retention: b.retentions.find((r) => Math.abs(r - 0.222) < 1e-9) ?? b.retentions[0], scenes: 10 };
  const runs: LiveRun[] = [];
  const chart = box('tl-figure tl-plot');
  const status = readout();
  status.dataset.testid = 'live-status';
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = 0;
  progress.setAttribute('aria-label', 'Live evaluation progress');
  const table = dataTable('Your runs: accuracy on random test scenes, with 95 % bootstrap intervals');
  let cancelled = false;

  const draw = (): void => {
    const stored: CurvePoint[] = b.retentions.flatMap((retention) => {
      const r = b.resultRow(want.method, retention);
      return r === undefined ? [] : [{ series: want.method, retention, value: r.accuracy, low: r.ci.accuracy[0], high: r.ci.accuracy[1], title: `${methodName(want.method)}, stored: ${pct(r.accuracy)}` }];
    });
    const live: CurvePoint[] = runs.filter((r) => r.method === want.method).map((r) => ({
      series: r.method, retention: r.retention, value: r.accuracy, low: r.ci[0], high: r.ci[1],
      title: `Your run: ${pct(r.accuracy)} on ${r.questions} questions (95 % CI ${pct(r.ci[0])}–${pct(r.ci[1])})`,
    }));
    const plot = curvePlot(stored, { fitTo: body, yLabel: 'Accuracy', percent: true, yDomain: [0, 1], bench: b, color: methodColor, emphasis: want.method, references: referencesFor(b, 'accuracy', 'all'), extra: live, height: 300 });
    plot.dataset.testid = 'live-plot';
    plot.dataset.livePoints = String(live.length);
    chart.replaceChildren(asFigure(plot, `${methodName(want.method)}: stored accuracy curve with its band, and ${live.length} live run(s) as rings with their intervals.`));
    table.update(['Method', 'Kept', 'Questions', 'Accuracy', '95 % CI', 'All tokens, same questions', `Stored (${b.report.questions} questions)`],
      runs.map((r) => [methodName(r.method), b.budgetLabel(r.retention), String(r.questions), pct(r.accuracy), `${pct(r.ci[0])}–${pct(r.ci[1])}`, pct(r.fullAccuracy), pct(b.resultRow(r.method, r.retention)?.accuracy ?? null)]));
  };

  const setRunning = (running: boolean): void => {
    runButton.disabled = running;
    cancelButton.disabled = !running;
    root.dataset.running = String(running);
  };

  /** Resolves once the world's model is ready in the engine, reporting its download meanwhile. */
  const modelReady = (): Promise<void> => new Promise((resolve, reject) => {
    const control = engine.siteModel(b.world);
    const follow = (s: ModelStatus): void => {
      if (s.phase === 'progress') {
        progress.removeAttribute('value');
        status.textContent = `Loading ${b.model}${s.cached ? ' from this device’s cache' : ''}: ${(s.loaded / 1e6).toFixed(1)}${s.total === null ? '' : ` of ${(s.total / 1e6).toFixed(1)}`} MB`;
      }
      if (s.phase === 'ready') { stop(); resolve(); }
      if (s.phase === 'error') { stop(); reject(new Error(`${b.model} could not load: ${s.message}`)); }
    };
    const stop = control.subscribe(follow);
    if (control.status.phase === 'error') control.retry();
    follow(control.status);
  });

  const evaluate = async (method: string, retention: number, seeds: number[]): Promise<void> => {
    await modelReady();
    // The world's own TOPS defaults, as its stored curve ran them (src/evaluation/world-params.ts).
    const settings = [config(method, retention, b.tokens, null, worldParams(method, b.world))];
    // The world's model, named in every request: another widget may have loaded the other world's since.
    const model = siteModelLocation(b.world);
    const run: ExperimentRunner = (request) => engine.experiment({ ...request, model }, 'live');
    const correct: number[] = [];
    const fullCorrect: number[] = [];
    for (let i = 0; i < seeds.length; i++) {
      if (cancelled) { status.textContent = 'Cancelled.'; progress.value = 0; return; }
      for (const q of await evaluateSample(run, EVAL_WORLDS[b.world].scene(seeds[i]), settings, { setMetrics: false })) {
        correct.push(Number(q.outcomes[0].correct));
        fullCorrect.push(Number(q.fullCorrect));
      }
      progress.value = (i + 1) / seeds.length;
      const right = correct.reduce((a, b) => a + b, 0);
      status.textContent = `${i + 1} of ${seeds.length} scenes, ${correct.length} questions: ${pct(right / Math.max(1, correct.length))} right so far`;
    }
    const { mean, ci } = meanWithInterval(correct);
    runs.push({ method, retention, seeds, questions: correct.length, accuracy: mean, ci, fullAccuracy: fullCorrect.reduce((a, b) => a + b, 0) / Math.max(1, fullCorrect.length) });
    status.textContent = `Done: ${pct(mean)} on ${correct.length} questions (95 % CI ${pct(ci[0])}–${pct(ci[1])}).`;
    draw();
  };

  const start = (): void => {
    cancelled = false;
    progress.value = 0;
    status.textContent = 'Starting…';
    setRunning(true);
    evaluate(want.method, want.retention, randomTestSeeds(b.world, want.scenes))
      .catch((err: unknown) => { status.textContent = `The run failed: ${(err as Error).message}`; })
      .finally(() => setRunning(false));
  };

  const methodSelect = select('Method', b.methods.map((id) => ({ value: id, label: methodName(id) })), want.method, (v) => { want.method = v; draw(); });
  const budgetSelect = select('Budget', b.retentions.filter((r) => r < 1).map((r) => ({ value: String(r), label: b.budgetLabel(r) })), String(want.retention), (v) => { want.retention = Number(v); });
  const perScene = b.report.questions / b.report.scenes;
  const countSelect = select('Scenes', SCENE_COUNTS.map((c) => ({ value: String(c), label: `${c} (≈ ${Math.round(perScene * c)} questions)` })), String(want.scenes), (v) => { want.scenes = Number(v); });
  const runButton = button('Run', start, { title: `Run this method and budget on random test scenes with ${b.model}` });
  const cancelButton = button('Cancel', () => { cancelled = true; }, { title: 'Cancel the running evaluation' });
  runButton.dataset.testid = 'live-run';
  cancelButton.dataset.testid = 'live-cancel';
  setRunning(false);
  draw();
  dataReady();
  const provenance = provenanceLine(`Stored curve: ${provenanceText(b.file, b.report.provenance)}`);
  body.append(
    controlRow('Live evaluation', methodSelect.element, budgetSelect.element, countSelect.element, runButton, cancelButton),
    box('tl-live-progress', progress, status), chart, table.element, provenance,
    exportBar({
      name: `tops-lab-live-runs-world${b.world}`,
      figure: () => chart.querySelector('svg')!,
      data: () => ({
        meta: { world: b.world, stored: b.file, provenance: b.report.provenance, bootstrap: DEFAULT_BOOTSTRAP },
        rows: runs.map((r) => ({ method: r.method, retention: r.retention, questions: r.questions, accuracy: r.accuracy, low: r.ci[0], high: r.ci[1], fullAccuracy: r.fullAccuracy, seeds: r.seeds.join(' ') })),
      }),
    }),
  );
}
