// "Use your own tokens": pick or drop a token file (.safetensors, src/tokens/README.md). The bytes
// go to the engine's worker and are checked there; nothing leaves the device. A bad file gets one
// line and changes nothing else: the experiment on screen stays. The file's summary says what it
// holds and which methods cannot run on it, and why.
import { METHODS, methodNeeds, type Need } from '../../../core/index.ts';
import { WORLD_VIEWS } from '../../../scenes/index.ts';
import { effectiveParams, stateWorld, type ExperimentState, type StateNotice } from '../../../state/index.ts';
import { layoutRefusal } from '../../../tokens/index.ts';
import { el, uniqueId } from '../../shared/dom.ts';
import type { LoadedTokens, TokenFiles } from '../pipeline/token-files.ts';
import { notInLink } from '../pipeline/experiment.ts';
import type { Store } from '../store.ts';

const NEED_WORDS: Record<Need, string> = {
  text: 'instruction embeddings (text)',
  clsAttn: '[CLS] attention (cls_attn)',
  textAttn: 'the language model’s text attention (text_attn)',
};
const SHOWN_METADATA = ['model', 'instruction', 'prompt', 'model_type', 'exporter'];
const size = (bytes: number): string => (bytes < 100_000 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Methods that cannot run on this file with these settings, and why (the engine says the same when asked). */
export function refusedMethods(loaded: LoadedTokens, state: ExperimentState): { method: string; why: string }[] {
  const { has, layout } = loaded.summary;
  const held: Record<Need, boolean> = { text: has.text, clsAttn: has.clsAttn, textAttn: has.textAttn };
  return METHODS.flatMap((m) => {
    const missing = methodNeeds(m, effectiveParams(state, m.id)).filter((need) => !held[need]);
    const why = missing.length > 0 ? `needs ${missing.map((need) => NEED_WORDS[need]).join(' and ')}, which this file does not hold` : layoutRefusal(layout, m);
    return why === null ? [] : [{ method: m.name, why }];
  });
}

function layoutText(loaded: LoadedTokens): string {
  const { layout, layoutDeclared } = loaded.summary;
  const text = layout.kind === 'grid' ? `one grid, ${layout.grid[0]}×${layout.grid[1]}`
    : `${layout.views.length} views: ${layout.views.map((v) => `${v.name} ${v.grid[0]}×${v.grid[1]}`).join(', ')}`;
  return layoutDeclared ? text : `${text} (not declared in the file: the engine's default)`;
}

function summaryRows(loaded: LoadedTokens, state: ExperimentState): [string, string][] {
  const s = loaded.summary;
  const rows: [string, string][] = [
    ['File', `${loaded.name}, ${size(s.bytes)}; checked in the engine in ${Math.round(s.readMs)} ms, ready ${Math.round(loaded.loadMs)} ms after the pick`],
    ['Tokens', `N = ${s.n}, D = ${s.d}`],
    ['Instruction', s.m > 0 ? `M = ${s.m} text tokens` : 'none (no text)'],
    ['Attention', [s.has.clsAttn ? 'cls_attn' : '', s.has.textAttn ? 'text_attn' : ''].filter(Boolean).join(', ') || 'none'],
    ['Layout', layoutText(loaded)],
    ['Image', s.image === null ? 'none: the grid is drawn plainly' : loaded.imageNote ?? `${s.image.mime}, ${size(s.image.bytes.length)}, drawn under the tokens`],
    ['Dtypes', Object.entries(s.dtypes).map(([name, dtype]) => `${name} ${dtype}`).join(', ')],
    ...SHOWN_METADATA.filter((key) => s.metadata[key] !== undefined).map((key): [string, string] => [key, s.metadata[key]]),
  ];
  const refused = refusedMethods(loaded, state);
  rows.push(['Cannot run', refused.length === 0 ? 'every method runs on this file' : refused.map((r) => `${r.method}: ${r.why}`).join('; ')]);
  return rows;
}

export interface TokensControl {
  element: HTMLElement;
  show(state: ExperimentState): void;
  /** Opens the file picker, or switches to the file read last. */
  use(): void;
  /** Lets a file be dropped on `target` too (the figure). */
  dropTarget(target: HTMLElement): void;
}

export function tokensControl(store: Store, files: TokenFiles): TokensControl {
  const input = el('input', { testid: 'tokens-file', attrs: { type: 'file', accept: '.safetensors,application/octet-stream' } });
  const status = el('p', { className: 'pg-hint', testid: 'tokens-status', attrs: { role: 'status' } });
  const progress = el('progress', { testid: 'tokens-progress' });
  progress.hidden = true;
  const error = el('p', { className: 'pg-error', testid: 'tokens-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const missing = el('p', { className: 'pg-error', testid: 'tokens-missing', attrs: { role: 'alert' } });
  missing.hidden = true;
  const summary = el('dl', { className: 'pg-token-summary', testid: 'tokens-summary' });

  const read = async (file: File): Promise<void> => {
    status.textContent = `Reading ${file.name} (${size(file.size)}) on this device…`;
    progress.hidden = false;
    error.hidden = true;
    try {
      const loaded = await files.load(file);
      status.textContent = `Read ${loaded.name}: ${loaded.summary.n} tokens of dimension ${loaded.summary.d}, ready ${Math.round(loaded.loadMs)} ms after the pick. The file stays on this device.`;
      choose(loaded);
    } catch (err) {
      // One line; the state, and the experiment on screen, stay as they were.
      error.textContent = `${file.name} was not used: ${oneLine((err as Error).message)}`;
      error.hidden = false;
      status.textContent = '';
    } finally {
      progress.hidden = true;
      input.value = '';
    }
  };

  /**
   * Picking the file a link names reproduces that link's budget (clamped to N, with a notice);
   * switching to a file from another scene keeps the retention k / N.
   */
  const choose = (loaded: LoadedTokens): void => {
    const n = loaded.summary.n;
    const before = store.state;
    const reproducing = before.scene.kind === 'file' && before.scene.name === loaded.name;
    const previousN = before.scene.kind === 'file' ? files.get(before.scene.name)?.summary.n ?? null : WORLD_VIEWS[stateWorld(before)].tokens;
    const wanted = reproducing || previousN === null ? before.k : Math.round((before.k / previousN) * n);
    const k = Math.min(n, Math.max(1, wanted));
    store.update((s) => { s.scene = { kind: 'file', name: loaded.name }; s.k = k; }, 'final');
    if (reproducing && wanted > n) {
      const notice: StateNotice = { field: 'k', kind: 'invalid', message: `"k" was ${wanted}, more than the ${n} tokens of ${loaded.name}: using ${n}.` };
      store.notify(notice);
    }
  };

  input.addEventListener('change', () => { const file = input.files?.[0]; if (file !== undefined) void read(file); });
  const accept = (target: HTMLElement): void => {
    target.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); target.classList.add('is-drop-target'); } });
    target.addEventListener('dragleave', () => target.classList.remove('is-drop-target'));
    target.addEventListener('drop', (e) => {
      target.classList.remove('is-drop-target');
      const file = e.dataTransfer?.files[0];
      if (file === undefined) return;
      e.preventDefault();
      void read(file);
    });
  };

  const label = el('label', { text: 'Token file (.safetensors)', attrs: { for: input.id = uniqueId('tokens-file') } });
  const element = el('section', { className: 'pg-panel pg-own-tokens', attrs: { 'aria-label': 'Use your own tokens' } },
    el('h2', { text: 'Use your own tokens' }),
    el('p', { className: 'pg-hint', text: 'Pick or drop a token file (features N×D, optionally text, attention, layout and image; format on the API page). It is read by this page’s engine and never leaves your device; a link to it names the file but does not hold its tokens.' }),
    missing, el('div', { className: 'pg-field' }, label, input), progress, status, error, summary);
  accept(element);

  return {
    element,
    show(state) {
      const loaded = state.scene.kind === 'file' ? files.get(state.scene.name) : null;
      missing.hidden = !(state.scene.kind === 'file' && loaded === null);
      if (state.scene.kind === 'file' && loaded === null) missing.textContent = notInLink(state.scene.name);
      summary.hidden = loaded === null;
      if (loaded !== null) summary.replaceChildren(...summaryRows(loaded, state).flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]));
    },
    use() {
      const latest = files.latest();
      if (latest !== null && store.state.scene.kind !== 'file') choose(latest);
      else input.click();
    },
    dropTarget: accept,
  };
}
