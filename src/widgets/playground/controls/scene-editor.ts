// Edits a custom scene: add, move, delete and recolour objects (up to MAX_OBJECTS). Objects can
// also be dragged on the image (scene-drag.ts). Rows are updated in place so focus survives edits.
import { COLORS, IMAGE_SIZE, MAX_OBJECTS, PATTERNS, SHAPES, SIZES, type SceneObject } from '../../../scenes/index.ts';
import type { ExperimentState } from '../../../state/index.ts';
import { el, selectOf } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

type Key = keyof SceneObject;
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const CHOICES: [Key, readonly string[]][] = [['color', COLORS], ['shape', SHAPES], ['size', SIZES], ['pattern', PATTERNS]];

function editObjects(store: Store, change: (objects: SceneObject[]) => void): void {
  store.update((s) => { if (s.scene.kind === 'custom') change(s.scene.description.objects); }, 'final');
}

function objectRow(store: Store, index: number): { row: HTMLElement; show(o: SceneObject): void } {
  const inputs = new Map<Key, HTMLSelectElement | HTMLInputElement>();
  const set = (key: Key, value: string): void => editObjects(store, (objects) => {
    const o = objects[index];
    if (key === 'cx' || key === 'cy') {
      const v = Math.round(Number(value));
      if (Number.isFinite(v)) o[key] = Math.min(IMAGE_SIZE - 1, Math.max(0, v));
    } else {
      Object.assign(o, { [key]: value });
    }
  });
  const row = el('li', { className: 'pg-object' });
  for (const [key, values] of CHOICES) {
    const select = selectOf(options(values), '');
    select.setAttribute('aria-label', `object ${index + 1} ${key}`);
    select.addEventListener('change', () => set(key, select.value));
    inputs.set(key, select);
    row.append(select);
  }
  for (const key of ['cx', 'cy'] as const) {
    const input = el('input', { className: 'pg-number', attrs: { type: 'number', min: '0', max: String(IMAGE_SIZE - 1), step: '1', 'aria-label': `object ${index + 1} ${key === 'cx' ? 'x' : 'y'}` } });
    input.addEventListener('change', () => set(key, input.value));
    inputs.set(key, input);
    row.append(input);
  }
  const remove = el('button', { text: 'Delete', attrs: { type: 'button', 'aria-label': `delete object ${index + 1}` } });
  remove.addEventListener('click', () => editObjects(store, (objects) => { objects.splice(index, 1); }));
  row.append(remove);
  return { row, show: (o) => { for (const [key, input] of inputs) input.value = String(o[key]); } };
}

export function sceneEditor(store: Store): { element: HTMLElement; show(state: ExperimentState): void } {
  const list = el('ol', { className: 'pg-objects' });
  let rows: ReturnType<typeof objectRow>[] = [];
  const add = el('button', { text: 'Add object', testid: 'scene-add', attrs: { type: 'button' } });
  add.addEventListener('click', () => editObjects(store, (objects) => {
    if (objects.length < MAX_OBJECTS) objects.push({ shape: 'circle', color: 'red', size: 'medium', pattern: 'plain', cx: IMAGE_SIZE / 2, cy: IMAGE_SIZE / 2 });
  }));
  const element = el('section', { className: 'pg-panel pg-editor', attrs: { 'aria-label': 'Scene editor' } },
    el('h2', { text: 'Objects' }),
    el('p', { className: 'pg-hint', text: 'Colour, shape, size, pattern and centre (pixels) of each object; later objects are drawn on top. Drag an object on the image to move it.' }),
    list, add);
  return {
    element,
    show(state) {
      element.hidden = state.scene.kind !== 'custom';
      if (state.scene.kind !== 'custom') return;
      const objects = state.scene.description.objects;
      if (rows.length !== objects.length) {
        rows = objects.map((_, i) => objectRow(store, i));
        list.replaceChildren(...rows.map((r) => r.row));
      }
      objects.forEach((o, i) => rows[i].show(o));
      add.disabled = objects.length >= MAX_OBJECTS;
    },
  };
}
