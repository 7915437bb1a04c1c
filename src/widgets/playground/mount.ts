// The playground page: composes the controls and views around one store. Each piece owns its
// DOM; this file only wires state changes to them.
import { attachSceneDrag } from './controls/scene-drag.ts';
import { budgetControl } from './controls/budget-control.ts';
import { methodControls } from './controls/method-controls.ts';
import { questionControls } from './controls/question-controls.ts';
import { sceneControls } from './controls/scene-controls.ts';
import { sceneEditor } from './controls/scene-editor.ts';
import { shareControls } from './controls/share-controls.ts';
import { tokensControl } from './controls/tokens-control.ts';
import { viewControls } from './controls/view-controls.ts';
import { worldControl } from './controls/world-control.ts';
import { el } from '../shared/dom.ts';
import { createEngine } from '../../runtime/engine.ts';
import { siteModel } from '../shared/site-model.ts';
import { createRunner } from './pipeline/runner.ts';
import { createTokenFiles } from './pipeline/token-files.ts';
import { MAX_TOKENS } from '../../core/index.ts';
import { sceneTokens, stateViews, stateWorld } from '../../state/index.ts';
import { createStore } from './store.ts';
import { modelStatus } from './views/model-status.ts';
import { noticeList } from './views/notices.ts';
import { resultsView } from './views/results-view.ts';

export function mountPlayground(root: HTMLElement): void {
  const store = createStore();
  // One engine for the page's lifetime: it runs the model and the selections in its worker.
  const engine = createEngine({ backend: store.state.backend });
  // The model of the page's world; a world switch switches it (the engine keeps both once loaded).
  const model = siteModel(engine, stateWorld(store.state));
  const notices = noticeList(() => store.dismissNotices());
  const files = createTokenFiles(engine);
  const tokens = tokensControl(store, files);
  // The budget's range is the current tokens' N: the scene's (196, 576, 2,880 in anyres), a file's own N (unknown until it is picked).
  const tokenCount = (s: typeof store.state): number => (s.scene.kind === 'file' ? files.get(s.scene.name)?.summary.n ?? MAX_TOKENS : sceneTokens(stateWorld(s), stateViews(s)));
  const controls = [worldControl(store, tokenCount), sceneControls(store, () => tokens.use(), tokenCount), tokens, sceneEditor(store), questionControls(store), methodControls(store), budgetControl(store, tokenCount), viewControls(store)];
  const results = resultsView(store, model);
  tokens.dropTarget(results.element);
  attachSceneDrag(results.mainSurface, store);
  const problem = el('p', { className: 'pg-error', attrs: { role: 'alert' } });
  problem.hidden = true;
  const report = (err: unknown): void => {
    console.error(err);
    problem.textContent = `Something failed while computing this experiment: ${(err as Error).message}. Your settings are kept in the link; change any of them to try again.`;
    problem.hidden = false;
  };
  const runner = createRunner(engine, {
    show: (snapshot) => { problem.hidden = true; results.show(snapshot); },
    fail: report,
    busy: (computing) => { root.dataset.busy = String(computing); root.setAttribute('aria-busy', String(computing)); },
  }, files);

  root.replaceChildren(
    notices.element,
    modelStatus(model),
    problem,
    el('div', { className: 'pg-layout' },
      el('div', { className: 'pg-controls' }, ...controls.map((c) => c.element), shareControls(store)),
      results.element),
  );

  const showState = (): void => {
    model.use(stateWorld(store.state));
    notices.show(store.notices);
    for (const c of controls) c.show(store.state);
    runner.request(store.state);
  };
  store.subscribe(showState);
  // Answers (and features for non-preset scenes) need the model: recompute when it arrives or fails.
  model.subscribe((s) => { if (s.phase === 'ready' || s.phase === 'error') runner.request(store.state); });
  showState();
  root.dataset.ready = 'true';
}
