// Everything computed for the current state: the two overlays side by side (chosen and compared
// method) with their legend, the agreement of the two, warnings for degenerate settings, the
// answers, the metrics, the budget sweep, the backend that ran and the export bar.
import { METHODS } from '../../../core/index.ts';
import type { DrawnLayout } from '../../../scenes/index.ts';
import { stateViews, stateWorld } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';
import { methodColor } from '../../shared/method-colors.ts';
import { siteModelName, type ModelControl } from '../../shared/site-model.ts';
import { ANYRES_NOT_ANSWERED } from '../pipeline/experiment.ts';
import type { Snapshot } from '../pipeline/runner.ts';
import type { Store } from '../store.ts';
import { answerPanel } from './answer-panel.ts';
import { backendIndicator } from './backend-indicator.ts';
import { keptExport } from './kept-export.ts';
import { metricsPanel } from './metrics-panel.ts';
import { overlayLegend } from './overlay-legend.ts';
import { playgroundExport } from './playground-export.ts';
import { settingWarnings, settingWarningsView } from './setting-warnings.ts';
import { sweepPlot } from './sweep-plot.ts';
import { overlayGeometry, type OverlayGeometry } from '../../shared/overlay-geometry.ts';
import { tokenOverlay, type OverlayImage, type TokenOverlay } from '../../shared/token-overlay.ts';
import { sceneImageUrl } from './scene-image.ts';

const nameOf = (id: string): string => METHODS.find((m) => m.id === id)?.name ?? id;

function figure(overlay: TokenOverlay, countTestid: string): { element: HTMLElement; title: HTMLElement; count: HTMLElement; total: HTMLElement } {
  const title = el('span');
  const count = el('span', { testid: countTestid });
  const total = el('span');
  return { element: el('figure', { className: 'pg-figure' }, el('figcaption', {}, title, ' keeps ', count, ' of ', total, ' tokens'), overlay.element), title, count, total };
}

/** A scene's drawn layout over its image, in image pixels (one per layout, so a new scene keeps the overlay's cells). */
const geometries = new Map<DrawnLayout, OverlayGeometry>();
function sceneGeometry(drawn: DrawnLayout): OverlayGeometry {
  let g = geometries.get(drawn);
  if (g === undefined) {
    const { layout, tokens, imageSize } = drawn;
    geometries.set(drawn, (g = overlayGeometry(layout, tokens, { width: imageSize, height: imageSize }, imageSize)));
  }
  return g;
}
/** Overlay units of a token file's image (or plain grid) along its longer side. */
const FILE_SIDE = 448;

/** The tokens' geometry and the image under them: the SynthScenes render in its world's grid, or the file's layout and image. */
function drawing(s: Snapshot): { geometry: OverlayGeometry; image: OverlayImage; n: number } {
  const file = s.scene.file;
  if (file !== null) return { geometry: overlayGeometry(file.summary.layout, file.summary.n, file.image, FILE_SIDE), image: file.image, n: file.summary.n };
  const { rgba, drawn } = s.scene;
  if (rgba === null || drawn === null) return { geometry: overlayGeometry({ kind: 'grid', grid: [1, 1] }, 1, null, FILE_SIDE), image: null, n: 0 };
  return { geometry: sceneGeometry(drawn), image: { href: sceneImageUrl(rgba, drawn.imageSize), width: drawn.imageSize, height: drawn.imageSize }, n: drawn.tokens };
}

const keptSet = (o: Snapshot['main']): Set<number> | null => (o?.ok ? new Set(o.run.selection.kept) : null);

function waitingForModel(model: ModelControl): string | null {
  if (model.status.phase === 'ready') return null;
  return model.status.phase === 'error'
    ? 'No answers from the kept tokens: the model could not be loaded (see the message above).'
    : 'Answers from the kept tokens appear once the model has loaded.';
}

export function resultsView(store: Store, model: ModelControl): { element: HTMLElement; mainSurface: SVGSVGElement; show(s: Snapshot): void } {
  const main = tokenOverlay('token-overlay', 'token-detail');
  const other = tokenOverlay('compare-overlay');
  const both = tokenOverlay('agreement-overlay');
  const mainFigure = figure(main, 'kept-count');
  const otherFigure = figure(other, 'compare-kept-count');
  const legend = overlayLegend('overlay-legend');
  const agreementTitle = el('figcaption');
  const agreementLegend = overlayLegend('agreement-legend');
  const agreement = el('figure', { className: 'pg-figure pg-agreement', testid: 'agreement' }, agreementTitle, both.element, agreementLegend.element);
  const warnings = settingWarningsView();
  const backend = backendIndicator();
  const answers = answerPanel();
  const metrics = metricsPanel();
  const sweep = sweepPlot(store);
  const exported = keptExport(() => store.permalink());
  let shownScene = '';
  let n = 0;
  let last: Snapshot | null = null;
  const exporter = playgroundExport(() => [main.surface, ...(otherFigure.element.hidden ? [] : [other.surface])], () => last);

  return {
    element: el('div', { className: 'pg-results' }, backend.element,
      el('div', { className: 'pg-images', testid: 'playground-figures' }, el('div', { className: 'pg-image-row' }, mainFigure.element, otherFigure.element), legend.element),
      warnings.element, exporter, exported.element, answers.element, agreement, metrics.element, sweep.element),
    mainSurface: main.surface,
    show(s) {
      last = s;
      if (shownScene !== s.scene.key) {
        const drawn = drawing(s);
        for (const overlay of [main, other, both]) overlay.showImage(drawn.geometry, drawn.image);
        n = drawn.n;
        mainFigure.total.textContent = otherFigure.total.textContent = String(n);
        shownScene = s.scene.key;
      }
      const problem = s.inputs === null ? 'Computing token features…' : s.inputs.ok ? null : s.inputs.message;
      const details = (o: Snapshot['main']) => (o?.ok ? o.run.details : null);
      const view = { oracle: s.question.oracle, mode: s.state.view.overlay, truth: s.state.view.truth };
      const failed = (o: Snapshot['main']): string | null => (o !== null && !o.ok ? `This method could not run: ${o.message}` : null);
      main.showTokens({ ...view, details: details(s.main), message: problem ?? failed(s.main) });
      other.showTokens({ ...view, details: details(s.compare), message: problem ?? failed(s.compare) });
      mainFigure.title.textContent = nameOf(s.state.method);
      mainFigure.count.textContent = s.main?.ok ? String(s.main.run.selection.kept.length) : '—';
      otherFigure.element.hidden = s.state.compare === 'none';
      otherFigure.title.textContent = nameOf(s.state.compare);
      otherFigure.count.textContent = s.compare?.ok ? String(s.compare.run.selection.kept.length) : '—';
      legend.show({ kind: 'tokens', mode: s.state.view.overlay, truth: s.state.view.truth, truthPresent: s.question.oracle.length > 0 });
      warnings.show(settingWarnings(s.state, s.question));

      // Agreement: which tokens A keeps, B keeps, or both keep. Shown whenever a method is
      // compared, with a message until both kept sets exist, so nothing below it moves when they do.
      const a = keptSet(s.main);
      const b = keptSet(s.compare);
      const [nameA, nameB] = [nameOf(s.state.method), nameOf(s.state.compare)];
      agreement.hidden = s.state.compare === 'none';
      if (a === null || b === null) {
        agreementTitle.textContent = `${nameA} and ${nameB}: tokens kept by both`;
        both.showTokens({ ...view, details: null, message: problem ?? failed(s.main) ?? failed(s.compare) ?? 'Waiting for both kept sets…' });
        agreementLegend.show({ kind: 'agreement', a: nameA, b: nameB, counts: null });
      } else {
        const inBoth = [...a].filter((i) => b.has(i)).length;
        agreementTitle.textContent = `${nameA} and ${nameB}: ${inBoth} tokens kept by both`;
        both.showTokens({ ...view, details: details(s.main), message: null, agreement: { a, b } });
        agreementLegend.show({ kind: 'agreement', a: nameA, b: nameB, counts: { both: inBoth, aOnly: a.size - inBoth, bOnly: b.size - inBoth, neither: n - a.size - b.size + inBoth } });
      }
      for (const target of [both.surface, agreementLegend.element]) {
        target.style.setProperty('--pg-a', methodColor(s.state.method));
        target.style.setProperty('--pg-b', methodColor(s.state.compare));
      }

      // A snapshot still computing keeps the last backend line, so the images do not jump under a drag.
      if (s.inputs !== null) backend.show(s.state.backend, s.engine, s.main?.ok ? s.main.run.selection : null);
      const full = s.inputs?.ok ? s.inputs.full : null;
      const fromFile = s.state.scene.kind === 'file';
      const noModel = fromFile ? 'There is no model answer for a token file: it brings tokens, not a model. The kept sets, metrics and exports above and below are computed from its tokens.'
        : stateViews(s.state) === 'anyres' ? ANYRES_NOT_ANSWERED : null;
      const methods = { main: s.state.method, compare: s.state.compare === 'none' ? null : s.state.compare };
      answers.show({ model: siteModelName(stateWorld(s.state)), tokens: n, truth: s.question.truth, full, methods, main: s.main, compare: s.compare, waiting: fromFile ? null : waitingForModel(model), noModel });
      metrics.show(methods, s.main, s.compare, problem);
      exported.show(s);
      sweep.show(s.state, s.sweep, problem ?? (s.main?.ok && s.sweep === null ? 'Computing the sweep…' : null), n);
    },
  };
}
