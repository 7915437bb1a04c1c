// The "Real photos" page: a photo, SmolVLM from a model hub (opt-in), and one pruning run at a time
// on an explicit Run (and once by itself when the model is ready). Settings live in the address;
// each piece owns its DOM, this file wires them to one settings object and the engine.
import { PHOTOS } from '../../data/real/photos.ts';
import { createEngine, EngineError, type ModelStatus } from '../../runtime/engine.ts';
import { chooseProvider, SMOLVLM_HUB, type ExecutionProvider } from '../../runtime/hub-model.ts';
import { el } from '../shared/dom.ts';
import { budgetOf, defaultTiles, experimentControls, longestEdgeOf, tokenPlan } from './experiment-controls.ts';
import { readLink, writeLink, type RealSettings } from './link.ts';
import { modelPanel } from './model-panel.ts';
import { photoPicker, type LoadedPhoto } from './photo-picker.ts';
import { resultsView } from './results.ts';
import { shareControl } from './share.ts';

export function mountRealPhotos(root: HTMLElement): void {
  const { settings: linked, notices } = readLink(location.search, PHOTOS);
  let settings: RealSettings = linked;
  const hub = settings.hub ?? SMOLVLM_HUB.defaultHub;
  const engine = createEngine({ backend: 'auto' });
  const providerChoice = chooseProvider(settings.ep ?? 'auto');
  let provider: ExecutionProvider | null = null;
  let photo: LoadedPhoto | null = null;
  let ready = false;
  let ranOnce = false;
  let hasOutcome = false;
  let latest = 0;

  const problem = el('p', { className: 'pg-error', testid: 'real-problem', attrs: { role: 'alert' } });
  problem.hidden = true;
  const report = (message: string): void => { problem.textContent = message; problem.hidden = false; };
  const results = resultsView();
  const controls = experimentControls((update) => {
    settings = { ...settings, ...update };
    history.replaceState(history.state, '', writeLink(settings));
    results.markStale(hasOutcome);
    refresh();
  });
  const share = shareControl(() => location.href);
  const runButton = el('button', { text: 'Run', testid: 'mllm-run', className: 'rp-run', attrs: { type: 'button' } });
  const busyLine = el('span', { className: 'pg-hint', testid: 'mllm-busy', attrs: { role: 'status' } });

  const question = (): string => settings.question ?? (PHOTOS.find((p) => p.id === settings.photo) ?? PHOTOS[0]).question;
  const setBusy = (busy: boolean): void => {
    root.dataset.busy = String(busy);
    root.setAttribute('aria-busy', String(busy));
    busyLine.textContent = busy ? 'Running SmolVLM on this photo…' : '';
  };
  function refresh(): void {
    controls.show({ settings, photo: photo?.pixels ?? null, defaultQuestion: question(), provider });
    runButton.disabled = !ready || photo === null;
    runButton.title = ready ? '' : 'Load the model first';
  }

  async function run(): Promise<void> {
    if (!ready || photo === null) return;
    const ticket = ++latest;
    const shown = photo;
    const tiles = settings.tiles ?? defaultTiles(provider);
    const { method, params, keep } = settings;
    setBusy(true);
    problem.hidden = true;
    try {
      const longestEdge = longestEdgeOf(tiles);
      const result = await (await engine).experiment({
        image: { key: `${shown.key}@${longestEdge}`, pixels: { ...shown.pixels, longestEdge } },
        question: { text: question(), oracle: null },
        runs: [{ id: 'main', method, k: budgetOf(keep, tokenPlan(shown.pixels, tiles).n), params }],
        measure: { metrics: false, details: true, answers: true },
      }, { lane: 'real' });
      if (ticket !== latest) return;
      if (!result.ok) { report(`The run could not start: ${result.message}.`); return; }
      results.showOutcome({ photo: shown, inputs: result.inputs, run: result.runs[0] });
      hasOutcome = true;
    } catch (err) {
      // A newer run replaced this one while it waited: that one reports.
      if (err instanceof EngineError && err.code === 'superseded') return;
      if (ticket === latest) report(`The run failed: ${(err as Error).message}`);
    } finally {
      if (ticket === latest) setBusy(false);
    }
  }
  const runOnceReady = (): void => {
    if (ranOnce || !ready || photo === null) return;
    ranOnce = true;
    void run();
  };

  const picker = photoPicker(PHOTOS, (loaded) => {
    photo = loaded;
    if (loaded.id !== null && loaded.id !== settings.photo) {
      settings = { ...settings, photo: loaded.id };
      history.replaceState(history.state, '', writeLink(settings));
    }
    hasOutcome = false;
    results.showPhoto(loaded);
    refresh();
    runOnceReady();
  });
  picker.dropTarget(results.photoArea);
  const model = modelPanel({
    engine, hub, provider: providerChoice, runtimeBytes: JSON.parse(root.dataset.runtimeBytes ?? '{}') as Record<ExecutionProvider, number>,
    onStatus: (s: ModelStatus) => {
      ready = s.phase === 'ready';
      refresh();
      runOnceReady();
    },
  });
  runButton.addEventListener('click', () => { void run(); });
  engine.catch((err: unknown) => report(`The engine could not start: ${(err as Error).message}`));
  void providerChoice.then((p) => { provider = p; refresh(); });

  const noticeList = el('div', { className: 'pg-notices', testid: 'real-notices', attrs: { role: 'status' } },
    el('p', { text: 'Parts of this link could not be used:' }), el('ul', {}, ...notices.map((n) => el('li', { text: n }))));
  noticeList.hidden = notices.length === 0;
  root.replaceChildren(noticeList, model, problem,
    el('div', { className: 'pg-layout' },
      el('div', { className: 'pg-controls' }, picker.element, controls.element, el('div', { className: 'rp-run-row' }, runButton, busyLine), share),
      results.element));
  setBusy(false);
  refresh();
  history.replaceState(history.state, '', writeLink(settings));
  picker.show(settings.photo);
  root.dataset.ready = 'true';
}
