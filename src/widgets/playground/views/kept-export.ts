// The kept token indices, for use outside the page: JSON (both methods, with their settings and
// the link) and NumPy .npy (one int32 array per method). Made in the page from what it shows.
import { METHODS } from '../../../core/index.ts';
import { effectiveParams, encodeScene, stateWorld } from '../../../state/index.ts';
import { download } from '../../shared/export.ts';
import { int32Npy } from '../../shared/npy.ts';
import { el } from '../../shared/dom.ts';
import type { Snapshot } from '../pipeline/runner.ts';

const nameOf = (id: string): string => METHODS.find((m) => m.id === id)?.name ?? id;

/** The JSON document: what was pruned, how, and which tokens each method kept (sorted indices). */
export function keptDocument(s: Snapshot, link: string): Record<string, unknown> {
  const file = s.scene.file;
  const runs = [s.main, s.compare].filter((o) => o?.ok === true).map((o) => o.run);
  return {
    world: stateWorld(s.state),
    scene: encodeScene(s.state.scene),
    file: file === null ? null : { name: file.name, n: file.summary.n, d: file.summary.d, metadata: file.summary.metadata },
    n: s.inputs?.ok ? s.inputs.n : null,
    k: s.state.k,
    link,
    runs: runs.map((r) => ({ method: r.method, params: effectiveParams(s.state, r.method), kept: [...r.selection.kept] })),
  };
}

export function keptExport(permalink: () => string): { element: HTMLElement; show(s: Snapshot): void } {
  let shown: Snapshot | null = null;
  const stem = (s: Snapshot, method: string): string => `${s.state.scene.kind === 'file' ? s.state.scene.name.replace(/\.safetensors$/, '') : encodeScene(s.state.scene).split('.').slice(0, 2).join('-')}.${method}.k${s.state.k}`;
  const json = el('button', { text: 'JSON', testid: 'export-kept-json', attrs: { type: 'button', title: 'Both methods’ kept indices, settings and link as JSON' } });
  const npy = el('button', { testid: 'export-kept-npy', attrs: { type: 'button' } });
  const npyCompare = el('button', { testid: 'export-compare-npy', attrs: { type: 'button' } });
  json.addEventListener('click', () => {
    if (shown === null) return;
    download(`${stem(shown, 'kept')}.json`, new Blob([JSON.stringify(keptDocument(shown, permalink()), null, 2)], { type: 'application/json' }));
  });
  const npyOf = (key: 'main' | 'compare') => () => {
    const outcome = shown?.[key];
    if (shown === null || !outcome?.ok) return;
    download(`${stem(shown, outcome.method)}.npy`, new Blob([int32Npy(outcome.run.selection.kept) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  };
  npy.addEventListener('click', npyOf('main'));
  npyCompare.addEventListener('click', npyOf('compare'));
  const element = el('div', { className: 'tl-export pg-kept-export', attrs: { role: 'group', 'aria-label': 'Export the kept token indices' } },
    el('span', { className: 'tl-export-label', text: 'Kept indices' }), json, npy, npyCompare);
  return {
    element,
    show(s) {
      shown = s;
      json.disabled = !(s.main?.ok ?? false);
      npy.disabled = json.disabled;
      npy.textContent = `${s.main === null ? '' : nameOf(s.main.method)} .npy`.trim();
      npyCompare.hidden = !(s.compare?.ok ?? false);
      npyCompare.textContent = s.compare === null ? '.npy' : `${nameOf(s.compare.method)} .npy`;
    },
  };
}
