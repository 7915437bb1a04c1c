// Which scene: a preset, any SynthScenes seed, or an edited copy of either. Picking a new scene
// also picks its first question; editing keeps the question.
import { defaultQuestion, describeScene, findPreset, MAX_SEED, PRESETS, type ExperimentState, type SceneChoice } from '../../../state/index.ts';
import { PATCH_COUNT } from '../../../scenes/index.ts';
import { el, labelled, selectOf } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

const SEED = '(seed)';
const EDITED = '(edited)';
const FILE = '(file)';

/**
 * Leaving a token file for an image keeps the retention k / N (a file's k may exceed 196).
 * `tokenCount`: the current tokens' N.
 */
function leaveFile(s: ExperimentState, tokenCount: (s: ExperimentState) => number): void {
  if (s.scene.kind === 'file') s.k = Math.min(PATCH_COUNT, Math.max(1, Math.round((s.k / tokenCount(s)) * PATCH_COUNT)));
}

/** `useFile`: switch to the reader's token file (or ask for one): the "Use your own tokens" control. */
export function sceneControls(store: Store, useFile: () => void, tokenCount: (s: ExperimentState) => number): { element: HTMLElement; show(state: ExperimentState): void } {
  const choose = (scene: SceneChoice): void => store.update((s) => { leaveFile(s, tokenCount); s.scene = scene; s.question = defaultQuestion(scene); }, 'final');

  const presets = selectOf([
    ...PRESETS.map((p) => ({ value: p.id, label: p.title })),
    { value: SEED, label: 'A sampled scene (seed)' },
    { value: EDITED, label: 'An edited scene' },
    { value: FILE, label: 'Your own tokens (a file)' },
  ], '', 'scene-preset');
  presets.addEventListener('change', () => {
    if (findPreset(presets.value) !== undefined) choose({ kind: 'preset', id: presets.value });
    else if (presets.value === SEED) choose({ kind: 'seed', seed: Number(seed.value) || 1_000_000 });
    else if (presets.value === FILE) { useFile(); show(store.state); }
    else edit();
  });

  const seed = el('input', { className: 'pg-number', testid: 'scene-seed', attrs: { type: 'number', min: '0', max: String(MAX_SEED), step: '1', inputmode: 'numeric' } });
  seed.addEventListener('change', () => {
    const n = Number(seed.value);
    if (Number.isInteger(n) && n >= 0 && n <= MAX_SEED) choose({ kind: 'seed', seed: n });
    else seed.setCustomValidity(`A seed is a whole number from 0 to ${MAX_SEED}.`);
    seed.reportValidity();
  });
  seed.addEventListener('input', () => seed.setCustomValidity(''));

  const shuffle = el('button', { text: 'Random seed', attrs: { type: 'button' } });
  // Drawn in the validation range (1 000 000 …), where defaults may be looked at; the seed goes into the link.
  shuffle.addEventListener('click', () => choose({ kind: 'seed', seed: 1_000_000 + (crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000) }));

  const editButton = el('button', { text: 'Edit this scene', testid: 'scene-edit', attrs: { type: 'button' } });
  const edit = (): void => store.update((s) => {
    const from = s.scene.kind === 'file' ? { kind: 'preset' as const, id: PRESETS[0].id } : s.scene;
    if (s.scene.kind === 'file') s.question = defaultQuestion(from);
    leaveFile(s, tokenCount);
    s.scene = { kind: 'custom', description: structuredClone(describeScene(from)) };
  }, 'final');
  editButton.addEventListener('click', edit);

  const about = el('p', { className: 'pg-hint' });
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Scene' } },
    el('h2', { text: 'Scene' }),
    labelled('Preset', presets),
    el('div', { className: 'pg-row' }, labelled('Seed', seed), shuffle, editButton),
    about);
  const show = (state: ExperimentState): void => {
    const scene = state.scene;
    presets.value = scene.kind === 'preset' ? scene.id : scene.kind === 'seed' ? SEED : scene.kind === 'file' ? FILE : EDITED;
    if (scene.kind === 'seed') seed.value = String(scene.seed);
    editButton.hidden = scene.kind === 'custom' || scene.kind === 'file';
    about.textContent = scene.kind === 'preset' ? findPreset(scene.id)!.shows
      : scene.kind === 'seed' ? `SynthScenes sample ${scene.seed}.`
        : scene.kind === 'file' ? `Your own tokens: ${scene.name} (see Use your own tokens).`
          : 'An edited scene: move, add, delete or recolour objects below. Its features come from the model, not from precomputed data.';
  };
  return { element, show };
}
