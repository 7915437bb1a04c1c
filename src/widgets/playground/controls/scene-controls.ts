// Which scene of the world: a preset (first world), any seed, or an edited copy of either. Picking
// a new scene also picks its first question; editing keeps the question.
import { SPLITS, SPLITS_2, type SeedRange, type World } from '../../../scenes/index.ts';
import {
  defaultQuestion, describeScene, findPreset, MAX_SEED, PRESETS, sceneTokens, stateViews, stateWorld, DEFAULT_SCENES,
  type ExperimentState, type SceneChoice,
} from '../../../state/index.ts';
import { el, labelled } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

const SEED = '(seed)';
const EDITED = '(edited)';
const FILE = '(file)';
const WORLD_NAMES: Readonly<Record<World, string>> = { 1: 'SynthScenes', 2: 'SynthScenes 2' };

/**
 * Leaving a token file for an image keeps the retention k / N (a file's k may exceed the world's N).
 * `tokenCount`: the current tokens' N.
 */
function leaveFile(s: ExperimentState, tokenCount: (s: ExperimentState) => number): void {
  const n = sceneTokens(stateWorld(s), stateViews(s));
  if (s.scene.kind === 'file') s.k = Math.min(n, Math.max(1, Math.round((s.k / tokenCount(s)) * n)));
}

/** The scene choices a world offers: its presets (the first world's), a seed, an edit, a file. */
function sceneOptions(world: World): { value: string; label: string }[] {
  return [
    ...(world === 1 ? PRESETS.map((p) => ({ value: p.id, label: p.title })) : []),
    { value: SEED, label: 'A sampled scene (seed)' },
    { value: EDITED, label: 'An edited scene' },
    { value: FILE, label: 'Your own tokens (a file)' },
  ];
}

/** The world's validation seeds (splits.ts): where a new seed starts and a random one is drawn. */
const VALIDATION: Readonly<Record<World, SeedRange>> = { 1: SPLITS.validation, 2: SPLITS_2.validation };

/** `useFile`: switch to the reader's token file (or ask for one): the "Use your own tokens" control. */
export function sceneControls(store: Store, useFile: () => void, tokenCount: (s: ExperimentState) => number): { element: HTMLElement; show(state: ExperimentState): void } {
  const choose = (scene: SceneChoice): void => store.update((s) => { leaveFile(s, tokenCount); s.scene = scene; s.question = defaultQuestion(scene, stateWorld(s)); }, 'final');
  const world = (): World => stateWorld(store.state);

  const presets = el('select', { testid: 'scene-preset' });
  let listed: World | null = null;
  presets.addEventListener('change', () => {
    if (findPreset(presets.value) !== undefined) choose({ kind: 'preset', id: presets.value });
    else if (presets.value === SEED) choose({ kind: 'seed', seed: Number(seed.value) || VALIDATION[world()].start });
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
  // Drawn in the world's validation range, where defaults may be looked at; the seed goes into the link.
  shuffle.addEventListener('click', () => {
    const { start, count } = VALIDATION[world()];
    choose({ kind: 'seed', seed: start + (crypto.getRandomValues(new Uint32Array(1))[0] % count) });
  });

  const editButton = el('button', { text: 'Edit this scene', testid: 'scene-edit', attrs: { type: 'button' } });
  const edit = (): void => store.update((s) => {
    const w = stateWorld(s);
    const from = s.scene.kind === 'file' ? DEFAULT_SCENES[w] : s.scene;
    if (s.scene.kind === 'file') s.question = defaultQuestion(from, w);
    leaveFile(s, tokenCount);
    s.scene = { kind: 'custom', description: structuredClone(describeScene(from, w)) };
  }, 'final');
  editButton.addEventListener('click', edit);

  const about = el('p', { className: 'pg-hint' });
  const element = el('section', { className: 'pg-panel', attrs: { 'aria-label': 'Scene' } },
    el('h2', { text: 'Scene' }),
    labelled('Scene', presets),
    el('div', { className: 'pg-row' }, labelled('Seed', seed), shuffle, editButton),
    about);
  const show = (state: ExperimentState): void => {
    const w = stateWorld(state);
    if (listed !== w) {
      presets.replaceChildren(...sceneOptions(w).map((o) => new Option(o.label, o.value)));
      seed.value = ''; // a seed of the other world would name another scene here
      listed = w;
    }
    const scene = state.scene;
    presets.value = scene.kind === 'preset' ? scene.id : scene.kind === 'seed' ? SEED : scene.kind === 'file' ? FILE : EDITED;
    if (scene.kind === 'seed') seed.value = String(scene.seed);
    editButton.hidden = scene.kind === 'custom' || scene.kind === 'file';
    about.textContent = scene.kind === 'preset' ? findPreset(scene.id)!.shows
      : scene.kind === 'seed' ? `${WORLD_NAMES[w]} sample ${scene.seed}.`
        : scene.kind === 'file' ? `Your own tokens: ${scene.name} (see Use your own tokens).`
          : 'An edited scene: move, add, delete or recolour objects below. Its features come from the model, not from precomputed data.';
  };
  return { element, show };
}
