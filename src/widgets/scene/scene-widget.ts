/**
 * A principle (or the failure modes) on a real SynthScenes image: the scene is rasterized in the
 * page, its question's ground-truth patches outlined; TinyVLM encodes image and question into the
 * visual tokens and instruction embedding the engine prunes. When the site was built without the
 * model, the figure shows the scene and its ground truth and says so: it never invents tokens.
 */
import { bytesLoaded } from '../../runtime/model-status.ts';
import { IMAGE_SIZE, labelQuestion, objectMask, renderScene, type LabelledQuestion, type Rendering } from '../../scenes/index.ts';
import { PRESETS, type Preset } from '../../state/presets.ts';
import { FAILURE_PANELS } from '../failure/panels.ts';
import { PRINCIPLE_IDS, PRINCIPLES } from '../principle/principles.ts';
import { controlRow, readout, select, slider } from '../shared/controls.ts';
import { engine } from '../shared/engine.ts';
import { exportBar } from '../shared/export.ts';
import { latestOnly } from '../shared/latest.ts';
import { metricRows, metricTable, type MetricColumn } from '../shared/metric-table.ts';
import { box, configChoice, errorReporter, widgetBody, type MountContext } from '../shared/widget.ts';
import { sceneView, type SceneView } from './scene-view.ts';

const SHOWS = [...PRINCIPLE_IDS, 'failure'] as const;

interface Labelled { preset: Preset; rendering: Rendering; questions: LabelledQuestion[] }

function labelPreset(preset: Preset): Labelled {
  const rendering = renderScene(preset.scene);
  const masks = rendering.coverage.map(objectMask);
  const questions = preset.questions.map((q) => labelQuestion(preset.scene, masks, q)).filter((q): q is LabelledQuestion => q !== null);
  return { preset, rendering, questions };
}

export async function mount(root: HTMLElement, { config, dataReady }: MountContext): Promise<void> {
  const shows = configChoice(config, 'shows', SHOWS, 'relevance');
  const hasModel = config.model === true;
  const selections = shows === 'failure' ? FAILURE_PANELS : [{ name: PRINCIPLES[shows].name, method: 'tops', params: PRINCIPLES[shows].params, rule: '' }];
  const want = { preset: configChoice(config, 'preset', PRESETS.map((p) => p.id), PRESETS[0].id), question: 0, k: 44 };
  let scene = labelPreset(PRESETS.find((p) => p.id === want.preset)!);
  /** The model's token width once it has answered; null until then (the figure shows the scene only). */
  let width: number | null = null;
  let ready = false;
  let results: { kept: Int32Array }[] = [];
  let columns: MetricColumn[] = [];

  const views: SceneView[] = (hasModel ? selections : selections.slice(0, 1)).map((s) => sceneView(`${scene.preset.title}: ${hasModel ? `tokens kept by ${s.name}` : 'the image and the patches the question is about'}`));
  const status = readout('tl-note');
  const table = metricTable('What each kept set preserves on this scene');
  if (hasModel) table.pending(selections.map((s) => s.name));
  const question = (): LabelledQuestion => scene.questions[want.question];

  const compute = async (): Promise<void> => {
    if (!ready) return;
    const result = await engine.experiment({
      image: { key: `preset:${scene.preset.id}`, pixels: { rgba: scene.rendering.rgba, width: IMAGE_SIZE, height: IMAGE_SIZE } },
      question: { text: question().text, oracle: question().mask },
      runs: selections.map((s) => ({ id: s.name, method: s.method, k: want.k, params: s.params })),
      measure: { metrics: true, details: false, answers: false },
    }, `scene:${shows}`);
    if (!result.ok) throw new Error(result.message);
    const runs = result.runs.map((r) => {
      if (!r.ok) throw new Error(`${r.id}: ${r.message}`);
      return r;
    });
    width = result.inputs.d;
    results = runs.map((r) => r.selection);
    columns = runs.map((r) => ({ name: r.id, metrics: r.metrics! }));
  };
  const draw = (): void => {
    views.forEach((v, i) => v.render({ kept: width === null ? null : results[i].kept, mask: question().mask }));
    if (width !== null) table.update(columns);
  };
  const refresh = latestOnly(async () => { await compute(); draw(); }, errorReporter(root));

  const questionSelect = select('Question', scene.questions.map((q, i) => ({ value: String(i), label: `${q.text} (answer: ${q.answer})` })), '0', (v) => { want.question = Number(v); void refresh(); });
  const presetSelect = select('Scene', PRESETS.map((p) => ({ value: p.id, label: p.title })), want.preset, (id) => {
    scene = labelPreset(PRESETS.find((p) => p.id === id)!);
    want.question = 0;
    questionSelect.input.replaceChildren(...scene.questions.map((q, i) => new Option(`${q.text} (answer: ${q.answer})`, String(i))));
    for (const v of views) v.setImage(scene.rendering.rgba);
    void refresh();
  });
  const budget = slider({ label: 'Tokens kept (k of 196)', min: 1, max: 196, step: 1, value: want.k, onInput: (v) => { want.k = v; void refresh(); } });
  for (const v of views) v.setImage(scene.rendering.rgba);

  dataReady();
  const panels = views.map((v, i) => {
    if (!hasModel) return box('tl-panel', v.svg);
    const title = document.createElement('p');
    title.className = 'tl-panel-title';
    title.textContent = selections[i].name;
    return box('tl-panel', title, v.svg);
  });
  widgetBody(root).append(
    controlRow('Scene controls', presetSelect.element, questionSelect.element, ...(hasModel ? [budget.element] : [])),
    box(views.length > 1 ? 'tl-panels' : 'tl-scene-single', ...panels),
    status,
    ...(hasModel ? [table.element] : []),
    exportBar({
      name: `tops-scene-${shows}`,
      figure: () => views.map((v) => v.svg),
      columns: 2,
      data: () => ({
        meta: { scene: scene.preset.id, question: question().text, answer: question().answer, k: want.k, selections, metrics: metricRows(columns) },
        rows: Array.from({ length: 196 }, (_, i) => ({
          token: i,
          asked: question().mask.includes(i),
          ...Object.fromEntries(selections.map((s, j) => [s.name, results[j]?.kept.includes(i) ?? null])),
        })),
      }),
    }),
  );
  draw();

  if (!hasModel) {
    status.textContent = 'This build of the site does not include TinyVLM’s model files, so there are no visual tokens to prune here: the figure shows the scene and, dashed, the patches the question is about. The token cloud above runs the same engine.';
    return;
  }
  // The model loads after the first draw: the scene and its ground truth show at once.
  status.textContent = 'Loading TinyVLM…';
  const start = async (): Promise<void> => {
    ready = true;
    await refresh();
    const source = `Visual tokens and instruction embedding from TinyVLM (d = ${width ?? '?'}), pruned in the engine (${(await engine.info()).backend.toUpperCase()}).`;
    status.textContent = typeof config.untrained === 'string'
      ? `${source} The model files in this build are an ${config.untrained} (their manifest says so): the tokens are real model outputs, but relevance and attention carry no trained meaning yet.`
      : source;
    root.dataset.model = 'ready';
  };
  const siteModel = engine.siteModel(1);
  const follow = (s: typeof siteModel.status): void => {
    if (s.phase === 'error') { status.textContent = `TinyVLM could not load: ${s.message}`; return; }
    if (s.phase === 'ready') { if (!ready) start().catch(errorReporter(root)); return; }
    const bytes = bytesLoaded(s);
    if (bytes !== null && bytes.total !== null) status.textContent = `Loading TinyVLM: ${(bytes.loaded / 1e6).toFixed(1)} of ${(bytes.total / 1e6).toFixed(1)} MB`;
  };
  siteModel.subscribe(follow);
  follow(siteModel.status);
}
