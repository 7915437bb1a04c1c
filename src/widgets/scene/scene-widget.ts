/**
 * A principle (or the failure modes) on a real SynthScenes 2 image: the scene is rasterized in the
 * page, its question's ground-truth patches outlined; TinyVLM 2 encodes image and question into
 * the visual tokens and instruction embedding the engine prunes, one panel per selection of the
 * figure (scene-figures.ts), each claim of the caption checked on the numbers shown. It opens on
 * the figure's own scene (src/data/figure-scenes.json). When the site was built without the
 * model, the figure shows the scene and its ground truth and says so: it never invents tokens.
 */
import { bytesLoaded } from '../../runtime/model-status.ts';
import { SPLITS_2, WORLD_VIEWS } from '../../scenes/index.ts';
import { button, controlRow, readout, select, slider } from '../shared/controls.ts';
import { engine } from '../shared/engine.ts';
import { exportBar } from '../shared/export.ts';
import { latestOnly } from '../shared/latest.ts';
import { metricRows, metricTable, type MetricColumn } from '../shared/metric-table.ts';
import { siteModelLocation, siteModelName } from '../shared/site-model.ts';
import { box, configChoice, errorReporter, widgetBody, type MountContext } from '../shared/widget.ts';
import { FIGURE_DIGITS } from './figure-claims.ts';
import { checkFigure, figureRequest, figureSample, findQuestion, measureFigure, type MeasuredFigure } from './figure-measure.ts';
import { FIGURE_SCENES } from './committed-scenes.ts';
import { FIGURE_SCENES_COMMAND } from './figure-scene-file.ts';
import { claimList, panelBox, type PanelBox } from './scene-panels.ts';
import { openingQuestion, sceneOptions } from './scene-options.ts';
import { FIGURE_IDS, SCENE_FIGURES } from './scene-figures.ts';
import { sceneView } from './scene-view.ts';

const VIEW = WORLD_VIEWS[2];
const MODEL = siteModelName(2);
const LAST_SEED = SPLITS_2.test.start + SPLITS_2.test.count - 1;

export async function mount(root: HTMLElement, { config, dataReady }: MountContext): Promise<void> {
  const shows = configChoice(config, 'shows', FIGURE_IDS, 'relevance');
  const spec = SCENE_FIGURES[shows];
  const hasModel = config.model === true;
  let sample = figureSample(FIGURE_SCENES.figures[shows].seed);
  /** The index of the question `code` names (the first question for none); a stale figure-scenes.json fails loudly. */
  const questionAt = (code: string | null): number => {
    if (code === null) return 0;
    const found = findQuestion(sample, code);
    if (found === undefined) throw new Error(`seed ${sample.seed} asks no question ${code}: rerun ${FIGURE_SCENES_COMMAND}`);
    return sample.questions.indexOf(found);
  };
  const want = { question: questionAt(openingQuestion(shows, sample.seed)), k: spec.k };
  let measured: MeasuredFigure | null = null;

  const shown = hasModel ? spec.panels : spec.panels.slice(0, 1);
  const views = shown.map((p) => sceneView(hasModel ? `Tokens kept by ${p.name}` : 'The image and the patches the question is about', VIEW));
  const boxes: PanelBox[] = shown.map((p, i) => (hasModel ? panelBox(p, views[i].svg) : { element: box('tl-panel', views[i].svg) }));
  const status = readout('tl-note');
  const table = metricTable('What each kept set preserves on this scene', FIGURE_DIGITS);
  const claims = claimList();
  if (hasModel) table.pending(spec.panels.map((p) => p.name));
  const question = () => sample.questions[want.question];
  const columns = (): MetricColumn[] => measured?.panels.map((p) => ({ name: p.panel.name, metrics: p.metrics })) ?? [];

  const draw = (): void => {
    views.forEach((v, i) => v.render({ kept: measured?.panels[i].kept ?? null, mask: question().mask }));
    boxes.forEach((b) => b.link?.(sample.seed, question().spec, want.k));
    if (measured === null) return;
    table.update(columns());
    claims.update(checkFigure(spec, measured));
  };
  let ready = false;
  const refresh = latestOnly(async () => {
    if (ready) {
      const request = figureRequest(spec, sample, question(), want.k, siteModelLocation(2));
      measured = await measureFigure((r) => engine.experiment(r, `scene:${shows}`), request, spec);
    }
    draw();
  }, errorReporter(root));

  const questionOptions = (): HTMLOptionElement[] => sample.questions.map((q, i) => new Option(`${q.text} (answer: ${q.answer})`, String(i)));
  const questionSelect = select('Question', [], '0', (v) => { want.question = Number(v); void refresh(); });
  const sceneSelect = select('Scene', [], '', (v) => openScene(Number(v)));
  const openScene = (seed: number): void => {
    sample = figureSample(seed);
    want.question = questionAt(openingQuestion(shows, seed));
    sceneSelect.input.replaceChildren(...sceneOptions(shows, seed).map((o) => new Option(o.label, o.value)));
    sceneSelect.input.value = String(seed);
    questionSelect.input.replaceChildren(...questionOptions());
    questionSelect.input.value = String(want.question);
    for (const v of views) v.setImage(sample.image.pixels.rgba);
    measured = null;
    void refresh();
  };
  const next = button('Next seed', () => openScene(Math.min(sample.seed + 1, LAST_SEED)));
  const budget = slider({ label: `Tokens kept (k of ${VIEW.tokens})`, min: 1, max: VIEW.tokens, step: 1, value: want.k, onInput: (v) => { want.k = v; void refresh(); } });
  openScene(sample.seed);

  dataReady();
  widgetBody(root).append(
    controlRow('Scene controls', sceneSelect.element, next, questionSelect.element, ...(hasModel ? [budget.element] : [])),
    box(views.length > 1 ? 'tl-panels' : 'tl-scene-single', ...boxes.map((b) => b.element)),
    status,
    ...(hasModel ? [table.element, claims.element] : []),
    exportBar({
      name: `tops-scene-${shows}`,
      figure: () => views.map((v) => v.svg),
      columns: 2,
      data: () => ({
        meta: { world: 2, seed: sample.seed, question: question().text, answer: question().answer, k: want.k, selections: spec.panels, metrics: metricRows(columns()) },
        rows: Array.from({ length: VIEW.tokens }, (_, i) => ({
          token: i,
          asked: question().mask.includes(i),
          ...Object.fromEntries(spec.panels.map((p, j) => [p.name, measured?.panels[j].kept.includes(i) ?? null])),
        })),
      }),
    }),
  );

  if (!hasModel) {
    status.textContent = `This build of the site does not include ${MODEL}’s model files, so there are no visual tokens to prune here: the figure shows the scene and, dashed, the patches the question is about. The token cloud above runs the same engine.`;
    return;
  }
  // The model loads after the first draw: the scene and its ground truth show at once.
  status.textContent = `Loading ${MODEL}…`;
  const start = async (): Promise<void> => {
    ready = true;
    await refresh();
    const source = `Visual tokens and instruction embedding from ${MODEL} (d = ${measured?.d ?? '?'}), pruned in the engine (${(await engine.info()).backend.toUpperCase()}).`;
    status.textContent = typeof config.untrained === 'string'
      ? `${source} The model files in this build are an ${config.untrained} (their manifest says so): the tokens are real model outputs, but relevance and attention carry no trained meaning yet.`
      : source;
    root.dataset.model = 'ready';
  };
  const siteModel = engine.siteModel(2);
  const follow = (s: typeof siteModel.status): void => {
    if (s.phase === 'error') { status.textContent = `${MODEL} could not load: ${s.message}`; return; }
    if (s.phase === 'ready') { if (!ready) start().catch(errorReporter(root)); return; }
    const bytes = bytesLoaded(s);
    if (bytes !== null && bytes.total !== null) status.textContent = `Loading ${MODEL}: ${(bytes.loaded / 1e6).toFixed(1)} of ${(bytes.total / 1e6).toFixed(1)} MB`;
  };
  siteModel.subscribe(follow);
  follow(siteModel.status);
}
